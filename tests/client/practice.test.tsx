import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { candidate, errorReply, mockApi, requestBodies } from "./support/mock-api";
import { renderApp, typeInto } from "./support/render-app";

const me = { status: 200, body: { user: candidate } };

const freeText = {
  slug: "flink-state",
  title: "Flink state recovery",
  section: "spark-streaming",
  type: "free-text",
  difficulty: "medium",
  tags: ["state"],
  prompt: "How does Flink recover keyed state after a failure?",
  version: 1,
  timeBudgetSeconds: 240,
};

const multiChoice = {
  slug: "no-new-cluster",
  title: "Streaming with no new cluster",
  section: "comparison",
  type: "multi-choice",
  difficulty: "easy",
  tags: [],
  prompt: "Which streaming options need no new cluster?",
  choices: [
    { id: "spark-streaming", text: "Spark Structured Streaming" },
    { id: "kafka-streams", text: "Kafka Streams" },
    { id: "flink", text: "Apache Flink" },
  ],
  version: 1,
  timeBudgetSeconds: 90,
};

const page = (items: unknown[], total = items.length) => ({
  status: 200,
  body: { items, total, page: 1, pageSize: 20 },
});

const ANSWER = "Flink takes checkpoints and restores them. It is not Spark. <b>exactly-once</b> holds; flink again";

const freeTextResult = {
  question: freeText.slug,
  answerId: "7a0c6c1e-0000-4000-8000-000000000000",
  score: 0.4,
  verdict: "partial",
  matched: [
    { concept: "checkpoints", evidence: "takes checkpoints" },
    { concept: "exactly-once", evidence: "<b>exactly-once</b>" },
    // The grader found it case-insensitively; it's highlighted only where the case matches.
    { concept: "flink-named", evidence: "FLINK" },
  ],
  missed: [{ concept: "barriers", hint: "Explain how checkpoint barriers align the operators." }],
  flags: ["negated-choice", "keyword-list", "misconception:flink-is-batch", "hedged", "typo-corrected"],
  explanation: "Checkpoints give exactly-once recovery.",
  modelAnswer: "Flink snapshots state with aligned barriers and restores the latest snapshot.",
  concepts: {
    checkpoints: { label: "Periodic checkpoints", explanation: "…" },
    "exactly-once": { label: "Exactly-once processing", explanation: "…" },
    "flink-named": { label: "Names Flink", explanation: "…" },
    barriers: { label: "Checkpoint barriers", explanation: "…" },
  },
};

describe("practice list", () => {
  it("when filters are ticked, then the address and the request carry them and human labels are shown", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      "GET /api/questions?page=1&pageSize=20": page([freeText, multiChoice], 41),
      "GET /api/questions?section=flink&type=free-text&page=1&pageSize=20": page([freeText]),
    });
    const { router } = renderApp("/practice");

    expect(await screen.findByText("41 questions")).toBeTruthy();
    expect(screen.getAllByText("Spark Structured Streaming").length).toBeGreaterThan(0);
    expect(screen.getByRole("navigation", { name: "Question pages" }).textContent).toContain("Page 1 of 3");

    fireEvent.click(screen.getByRole("checkbox", { name: "Flink" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Free text" }));

    expect(await screen.findByText("1 question")).toBeTruthy();
    expect(router.state.location.search).toBe("?section=flink&type=free-text");
    expect(fetchMock.mock.calls.map(([url]) => url)).toContain(
      "/api/questions?section=flink&type=free-text&page=1&pageSize=20",
    );
    // A row is named by the question's title; the prompt reads under it.
    const link = screen.getByRole("link", { name: freeText.title });
    expect(link.getAttribute("href")).toBe("/practice/flink-state?section=flink&type=free-text");
    expect(within(link.closest("li")!).getByText(freeText.prompt)).toBeTruthy();
  });

  it("when the address has filters, then the boxes start ticked", async () => {
    mockApi({
      "GET /api/me": me,
      "GET /api/questions?difficulty=hard&page=2&pageSize=20": page([], 25),
    });
    renderApp("/practice?difficulty=hard,bogus&page=2");

    await screen.findByText("25 questions");
    expect((screen.getByRole("checkbox", { name: "Hard" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("checkbox", { name: "Easy" }) as HTMLInputElement).checked).toBe(false);
  });
});

describe("practice question", () => {
  function mockFreeText(checkReply: Parameters<typeof mockApi>[0][string] = { status: 200, body: freeTextResult }) {
    return mockApi({
      "GET /api/me": me,
      [`GET /api/questions/${freeText.slug}`]: { status: 200, body: freeText },
      [`POST /api/questions/${freeText.slug}/check`]: checkReply,
      "GET /api/questions?page=1&pageSize=100": page([freeText, multiChoice]),
    });
  }

  it("when a free-text answer is checked, then the verdict, highlighted evidence, missed hints, notes and model answer are shown", async () => {
    const fetchMock = mockFreeText();
    renderApp(`/practice/${freeText.slug}`);
    await screen.findByRole("heading", { level: 1, name: freeText.prompt });

    typeInto("Your answer", ANSWER);
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));

    const result = await screen.findByRole("region", { name: "Result" });
    expect(document.activeElement).toBe(result);
    expect(within(result).getByText("Partly correct")).toBeTruthy();
    expect(result.textContent).toContain("40%");

    // Evidence is marked where it occurs verbatim; markup in the answer stays text.
    const marks = result.querySelectorAll("mark");
    expect([...marks].map((m) => m.textContent)).toEqual(["takes checkpoints", "<b>exactly-once</b>"]);
    expect(result.querySelector("b")).toBeNull();
    expect(result.querySelector("blockquote")?.textContent).toBe(ANSWER);

    const covered = within(result).getByRole("heading", { name: "What you covered" }).parentElement!;
    expect(within(covered).getByText("Periodic checkpoints")).toBeTruthy();
    const missed = within(result).getByRole("heading", { name: "What you missed" }).parentElement!;
    expect(within(missed).getByText("Checkpoint barriers")).toBeTruthy();
    expect(within(missed).getByText("Explain how checkpoint barriers align the operators.")).toBeTruthy();

    expect(within(result).getByText("You ruled out an option you named")).toBeTruthy();
    expect(within(result).getByText("Answer in sentences, not a keyword list")).toBeTruthy();
    expect(within(result).getByText("Contains a misconception")).toBeTruthy();
    // Bookkeeping flags have no note.
    expect(result.textContent).not.toMatch(/hedged|typo/i);

    expect(within(result).getByText(freeTextResult.modelAnswer)).toBeTruthy();
    expect(within(result).getByText(freeTextResult.explanation)).toBeTruthy();

    const [body] = requestBodies(fetchMock, "POST", `/api/questions/${freeText.slug}/check`) as {
      answer: string;
      timeSpentSeconds: number;
    }[];
    expect(body?.answer).toBe(ANSWER);
    expect(typeof body?.timeSpentSeconds).toBe("number");
    // The server rejects an order for free text: there were no choices to show.
    expect(body).not.toHaveProperty("choiceOrder");
    expect(within(result).getByRole("link", { name: "Next question" }).getAttribute("href")).toBe(
      `/practice/${multiChoice.slug}`,
    );
  });

  it("when Try again is pressed, then the form returns with the answer kept to improve on", async () => {
    mockFreeText();
    renderApp(`/practice/${freeText.slug}`);
    await screen.findByRole("heading", { level: 1, name: freeText.prompt });
    typeInto("Your answer", ANSWER);
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));
    await screen.findByRole("region", { name: "Result" });

    fireEvent.click(screen.getByRole("button", { name: "Try again" }));

    expect((screen.getByLabelText("Your answer") as HTMLTextAreaElement).value).toBe(ANSWER);
    expect(screen.queryByRole("region", { name: "Result" })).toBeNull();
  });

  it("when the answer is empty, then the form says so without calling the server", async () => {
    const fetchMock = mockFreeText();
    renderApp(`/practice/${freeText.slug}`);
    await screen.findByRole("heading", { level: 1, name: freeText.prompt });

    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));

    expect((await screen.findByRole("alert")).textContent).toContain("Write an answer before checking it");
    expect(requestBodies(fetchMock, "POST", `/api/questions/${freeText.slug}/check`)).toEqual([]);
  });

  it("when checking too often, then the alert says how long to wait", async () => {
    mockFreeText(errorReply(429, "rate_limited", "Too many", { headers: { "Retry-After": "12" } }));
    renderApp(`/practice/${freeText.slug}`);
    await screen.findByRole("heading", { level: 1, name: freeText.prompt });
    typeInto("Your answer", "Something");

    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));

    expect((await screen.findByRole("alert")).textContent).toContain("Try again in 12 seconds");
  });

  it("when a choice answer is checked, then every choice is marked right or wrong in words with its feedback", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET /api/questions/${multiChoice.slug}`]: { status: 200, body: multiChoice },
      "GET /api/questions?page=1&pageSize=100": page([freeText, multiChoice]),
      [`POST /api/questions/${multiChoice.slug}/check`]: {
        status: 200,
        body: {
          question: multiChoice.slug,
          answerId: "7a0c6c1e-0000-4000-8000-000000000001",
          score: 0.5,
          verdict: "partial",
          matched: [{ concept: "spark-streaming", evidence: "spark-streaming" }],
          missed: [{ concept: "kafka-streams", hint: "Embedded, no cluster." }],
          flags: ["wrong-choice"],
          choice: { expected: ["spark-streaming", "kafka-streams"], committed: ["spark-streaming", "flink"] },
          explanation: "Only Flink needs its own cluster.",
          choices: [
            {
              id: "spark-streaming",
              text: "Spark Structured Streaming",
              correct: true,
              feedback: "Runs on the Spark cluster.",
            },
            { id: "kafka-streams", text: "Kafka Streams", correct: true, feedback: "Embedded in your app." },
            { id: "flink", text: "Apache Flink", correct: false, feedback: "Needs a Flink cluster." },
          ],
        },
      },
    });
    renderApp(`/practice/${multiChoice.slug}`);
    await screen.findByRole("heading", { level: 1, name: multiChoice.prompt });

    fireEvent.click(screen.getByRole("checkbox", { name: "Apache Flink" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Spark Structured Streaming" }));
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));

    const result = await screen.findByRole("region", { name: "Result" });
    const items = within(result).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      "✓Spark Structured StreamingRight answerYour choiceRuns on the Spark cluster.",
      "✓Kafka StreamsRight answerEmbedded in your app.",
      "✗Apache FlinkWrong answerYour choiceNeeds a Flink cluster.",
    ]);
    // The picks go in the order shown, whatever order they were ticked in.
    expect(requestBodies(fetchMock, "POST", `/api/questions/${multiChoice.slug}/check`)).toMatchObject([
      { answer: ["spark-streaming", "flink"] },
    ]);
    await waitFor(() => expect(within(result).getByRole("link", { name: "Back to all questions" })).toBeTruthy());
  });

  it("when Check answer is clicked twice at once, then one check is sent, with an idempotency key", async () => {
    const fetchMock = mockFreeText();
    renderApp(`/practice/${freeText.slug}`);
    await screen.findByRole("heading", { level: 1, name: freeText.prompt });
    typeInto("Your answer", ANSWER);

    const button = screen.getByRole("button", { name: "Check answer" });
    fireEvent.click(button);
    fireEvent.click(button);

    await screen.findByRole("region", { name: "Result" });
    const bodies = requestBodies(fetchMock, "POST", `/api/questions/${freeText.slug}/check`) as {
      idempotencyKey: string;
    }[];
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("when a check fails and is sent again unchanged, then the retry carries the same key; a changed answer gets a new one", async () => {
    let replies = 0;
    const fetchMock = mockFreeText(() =>
      ++replies === 1 ? errorReply(503, "not_ready", "Try again shortly") : { status: 200, body: freeTextResult },
    );
    renderApp(`/practice/${freeText.slug}`);
    await screen.findByRole("heading", { level: 1, name: freeText.prompt });
    typeInto("Your answer", ANSWER);
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));
    await screen.findByText("Try again shortly");
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));
    await screen.findByRole("region", { name: "Result" });
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));
    await screen.findByRole("region", { name: "Result" });

    const keys = (
      requestBodies(fetchMock, "POST", `/api/questions/${freeText.slug}/check`) as { idempotencyKey: string }[]
    ).map((b) => b.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("when the credit came from the right framework choice alone, then the choice is listed as a covered point", async () => {
    mockFreeText({
      status: 200,
      body: {
        ...freeTextResult,
        score: 0.3,
        matched: [],
        flags: [],
        choice: { expected: ["flink"], committed: ["flink"] },
        options: { flink: "Apache Flink", "spark-batch": "Apache Spark (batch)" },
      },
    });
    renderApp(`/practice/${freeText.slug}`);
    await screen.findByRole("heading", { level: 1, name: freeText.prompt });
    typeInto("Your answer", "Flink.");
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));

    const result = await screen.findByRole("region", { name: "Result" });
    const covered = within(result).getByRole("heading", { name: "What you covered" }).parentElement!;
    expect(covered.textContent).toContain("You chose Apache Flink, the right call for this scenario");
    expect(covered.textContent).not.toContain("None of the key points yet");
  });

  it("when the question doesn't exist, then a not-found message is shown", async () => {
    mockApi({
      "GET /api/me": me,
      "GET /api/questions/nope": errorReply(404, "not_found", "No such question"),
    });
    renderApp("/practice/nope");

    expect(await screen.findByRole("heading", { level: 1, name: "Question not found" })).toBeTruthy();
  });
});
