import { focusManager } from "@tanstack/react-query";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { candidate, mockApi, requestBodies } from "./support/mock-api";
import { renderApp } from "./support/render-app";

const me = { status: 200, body: { user: candidate } };
const choices = {
  spark: { id: "spark-streaming", text: "Spark Structured Streaming" },
  kafka: { id: "kafka-streams", text: "Kafka Streams" },
  flink: { id: "flink", text: "Apache Flink" },
};
const question = (order: { id: string; text: string }[]) => ({
  slug: "no-new-cluster",
  title: "Streaming with no new cluster",
  section: "comparison",
  type: "multi-choice",
  difficulty: "easy",
  tags: [],
  prompt: "Which streaming options need no new cluster?",
  choices: order,
  version: 1,
  timeBudgetSeconds: 90,
});
const questionPath = "/api/questions/no-new-cluster";
const list = { status: 200, body: { items: [], total: 0, page: 1, pageSize: 100 } };
const labels = () => screen.getAllByRole("checkbox").map((box) => box.closest("div")!.textContent);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("choices in the order served", () => {
  it("when a shuffled question is checked, then the picks and the revealed choices follow the order it was shown in", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${questionPath}`]: { status: 200, body: question([choices.flink, choices.kafka, choices.spark]) },
      "GET /api/questions?page=1&pageSize=100": list,
      [`POST ${questionPath}/check`]: {
        status: 200,
        body: {
          question: "no-new-cluster",
          answerId: "7a0c6c1e-0000-4000-8000-000000000002",
          score: 0.5,
          verdict: "partial",
          matched: [{ concept: "spark-streaming", evidence: "spark-streaming" }],
          missed: [{ concept: "kafka-streams", hint: "Embedded, no cluster." }],
          flags: ["wrong-choice"],
          explanation: "Only Flink needs its own cluster.",
          // The server reveals in the bank's order; the view shows them as it presented them.
          choices: [
            { ...choices.spark, correct: true, feedback: "Runs on the Spark cluster." },
            { ...choices.kafka, correct: true, feedback: "Embedded in your app." },
            { ...choices.flink, correct: false, feedback: "Needs a Flink cluster." },
          ],
        },
      },
    });
    renderApp("/practice/no-new-cluster");
    await screen.findByRole("heading", { level: 1, name: "Which streaming options need no new cluster?" });
    expect(labels()).toEqual(["Apache Flink", "Kafka Streams", "Spark Structured Streaming"]);

    fireEvent.click(screen.getByRole("checkbox", { name: "Spark Structured Streaming" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Apache Flink" }));
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));

    const result = await screen.findByRole("region", { name: "Result" });
    const texts = within(result)
      .getAllByRole("listitem")
      .map((li) => li.querySelector(".choice-review-text")!.textContent);
    expect(texts).toEqual(["Apache Flink", "Kafka Streams", "Spark Structured Streaming"]);
    expect(requestBodies(fetchMock, "POST", `${questionPath}/check`)).toMatchObject([
      { answer: ["flink", "spark-streaming"], choiceOrder: ["flink", "kafka-streams", "spark-streaming"] },
    ]);
  });

  it("when the window regains focus long after the question loaded, then it is not fetched again and its order stays", async () => {
    const orders = [
      [choices.flink, choices.kafka, choices.spark],
      [choices.spark, choices.flink, choices.kafka],
    ];
    let served = 0;
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${questionPath}`]: () => ({ status: 200, body: question(orders[Math.min(served++, 1)]!) }),
      "GET /api/questions?page=1&pageSize=100": list,
    });
    renderApp("/practice/no-new-cluster");
    await screen.findByRole("heading", { level: 1, name: "Which streaming options need no new cluster?" });
    expect(labels()).toEqual(["Apache Flink", "Kafka Streams", "Spark Structured Streaming"]);

    // An hour later the candidate comes back to the tab: any stale query would refetch now.
    const later = Date.now() + 60 * 60_000;
    vi.spyOn(Date, "now").mockReturnValue(later);
    // A refetch would be under way within a few ticks; fake timers let them pass without the test sleeping.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await act(() => vi.advanceTimersByTimeAsync(50));

    expect(fetchMock.mock.calls.filter(([url]) => url === questionPath)).toHaveLength(1);
    expect(labels()).toEqual(["Apache Flink", "Kafka Streams", "Spark Structured Streaming"]);
    focusManager.setFocused(undefined);
  });
});
