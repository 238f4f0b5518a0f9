import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { candidate, errorReply, mentor, mockApi, requestBodies } from "./support/mock-api";
import { renderApp } from "./support/render-app";
import {
  choiceQuestion,
  closedRound,
  freeTextQuestion,
  ROUND_ID,
  roundPath,
  roundWithTimeLeft,
} from "./support/rounds";

const me = { status: 200, body: { user: candidate } };
const OTHER_ROUND = "9d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

afterEach(() => {
  localStorage.clear();
});

describe("flagging a question during a round", () => {
  it("when Flag for review is pressed, then the server is told, the button and the navigator say flagged", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft() },
      [`PUT ${roundPath}/flags/${freeTextQuestion.slug}`]: {
        status: 200,
        body: { question: freeTextQuestion.slug, flagged: true },
      },
    });
    renderApp(`/rounds/${ROUND_ID}?q=1`);

    fireEvent.click(await screen.findByRole("button", { name: "Flag for review" }));

    expect(await screen.findByRole("button", { name: "Remove flag" })).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Questions" });
    expect(
      within(nav).getByRole("button", { name: "Question 1: Flink state recovery, not started, flagged" }),
    ).toBeTruthy();
    expect(requestBodies(fetchMock, "PUT", `${roundPath}/flags/${freeTextQuestion.slug}`)).toEqual([{ flagged: true }]);
  });

  it("when the server refuses the flag, then it shows at once and comes off again", async () => {
    let refuse = () => {};
    const refused = new Promise<void>((resolve) => (refuse = resolve));
    mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft() },
      [`PUT ${roundPath}/flags/${freeTextQuestion.slug}`]: async () => {
        await refused;
        return errorReply(409, "round_closed", "This round is closed");
      },
    });
    renderApp(`/rounds/${ROUND_ID}?q=1`);

    fireEvent.click(await screen.findByRole("button", { name: "Flag for review" }));
    expect(await screen.findByRole("button", { name: "Remove flag" })).toBeTruthy();
    refuse();

    expect(await screen.findByRole("button", { name: "Flag for review" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Remove flag" })).toBeNull();
  });
});

describe("the summary before finishing", () => {
  const answered = { ...freeTextQuestion, answer: "Checkpoints", answeredAt: new Date().toISOString() };
  const draftedAndFlagged = { ...choiceQuestion, draft: "hourly", flagged: true };
  const untouched = { ...choiceQuestion, slug: "spark-batch-size", title: "Spark for a 20 MB file", position: 2 };

  it("when Finish round is pressed, then each question shows its state with a link to it, and finishing still asks first", async () => {
    let finished = false;
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: () => ({
        status: 200,
        body: finished
          ? closedRound("finished", new Date())
          : roundWithTimeLeft([answered, draftedAndFlagged, untouched]),
      }),
      [`POST ${roundPath}/finish`]: () => {
        finished = true;
        return { status: 200, body: closedRound("finished", new Date()) };
      },
    });
    const { router } = renderApp(`/rounds/${ROUND_ID}?q=3`);

    fireEvent.click(await screen.findByRole("button", { name: "Finish round" }));

    const heading = await screen.findByRole("heading", { level: 2, name: "Summary before you finish" });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText("1 answered · 1 draft only · 1 not answered · 1 flagged")).toBeTruthy();
    const summary = screen.getByRole("region", { name: "Summary before you finish" });
    const rows = within(within(summary).getByRole("list")).getAllByRole("listitem");
    expect(rows.map((row) => row.textContent)).toEqual([
      "1Flink state recoveryAnswered",
      "2Structured Streaming's latency limitDraft only, not submitted⚑ Flagged",
      "3Spark for a 20 MB fileNot answered",
    ]);

    fireEvent.click(within(rows[1]!).getByRole("link", { name: "Structured Streaming's latency limit" }));
    expect(
      await screen.findByRole("heading", { level: 2, name: "Question 2 of 3 Structured Streaming's latency limit" }),
    ).toBeTruthy();
    expect(router.state.location.search).toBe("?q=2");

    fireEvent.click(screen.getByRole("button", { name: "Finish round" }));
    fireEvent.click(await screen.findByRole("button", { name: "Submit all and finish" }));
    const dialog = screen.getByRole("dialog", { name: "Finish the round now?" });
    expect(fetchMock.mock.calls.filter(([url]) => url === `${roundPath}/finish`)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole("button", { name: "Finish now" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Round results" })).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([url]) => url === `${roundPath}/finish`)).toHaveLength(1);
  });

  it("when the last question leads to the summary and the summary back, then the candidate is where they were", async () => {
    mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft([answered, draftedAndFlagged, untouched]) },
    });
    const { router } = renderApp(`/rounds/${ROUND_ID}?q=3`);

    expect(
      await screen.findByRole("heading", { level: 2, name: "Question 3 of 3 Spark for a 20 MB file" }),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Next question" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Review before finishing" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Summary before you finish" })).toBeTruthy();
    expect(router.state.location.search).toBe("?q=3&summary=1");

    fireEvent.click(screen.getByRole("link", { name: "Back to the questions" }));

    expect(
      await screen.findByRole("heading", { level: 2, name: "Question 3 of 3 Spark for a 20 MB file" }),
    ).toBeTruthy();
    expect(router.state.location.search).toBe("?q=3");
  });
});

describe("the results overview", () => {
  it("when a round is closed, then the score, sections and one row per question come first, each row linking to its details", async () => {
    mockApi({ "GET /api/me": me, [`GET ${roundPath}`]: { status: 200, body: closedRound("finished", new Date()) } });
    renderApp(`/rounds/${ROUND_ID}/results`);

    const overview = await screen.findByRole("region", { name: "Overview" });
    expect(within(overview).getByText("25%")).toBeTruthy();
    const sections = within(overview).getByRole("region", { name: "By section" });
    expect(
      within(sections)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Flink50% (0.5 of 1)", "Spark Structured Streaming0% (0 of 1)"]);
    const rows = within(within(overview).getByRole("region", { name: "Question by question" })).getAllByRole(
      "listitem",
    );
    expect(within(rows[0]!).getByText("Partly correct")).toBeTruthy();
    expect(within(rows[1]!).getByText("Not answered")).toBeTruthy();

    const link = within(rows[1]!).getByRole("link", { name: "Structured Streaming's latency limit" });
    const target = document.getElementById(link.getAttribute("href")!.slice(1));
    expect(target).toBe(screen.getByRole("article", { name: "Question 2: Structured Streaming's latency limit" }));
    // The details come after the overview, not before it.
    expect(overview.compareDocumentPosition(target!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText("Time ran out.")).toBeNull();
  });

  it("when a linked mentor reads a candidate's results, then nothing offers to start a round", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      [`GET ${roundPath}`]: { status: 200, body: closedRound("finished", new Date()) },
    });
    renderApp(`/rounds/${ROUND_ID}/results`);

    expect(await screen.findByRole("region", { name: "Overview" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Retry/ })).toBeNull();
    expect(screen.queryByRole("link", { name: "Start another round" })).toBeNull();
  });

  it("when the clock closed the round, then the page says so before the score", async () => {
    mockApi({ "GET /api/me": me, [`GET ${roundPath}`]: { status: 200, body: closedRound("expired", new Date()) } });
    renderApp(`/rounds/${ROUND_ID}/results`);

    const notice = (await screen.findByText("Time ran out.")).closest(".banner")!;
    expect(notice.textContent).toMatch(/closed by itself at .+, when its time limit was up/);
    expect(notice.textContent).toContain(
      "No answer was graded from a saved draft, and 1 question had no answer and scored nothing.",
    );
    expect(
      notice.compareDocumentPosition(screen.getByRole("region", { name: "Overview" })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it("when Retry is pressed, then a round of the questions not graded correct starts with their time budgets added up", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: closedRound("finished", new Date()) },
      "POST /api/rounds": { status: 201, body: { ...roundWithTimeLeft(), id: OTHER_ROUND } },
      [`GET /api/rounds/${OTHER_ROUND}`]: { status: 200, body: { ...roundWithTimeLeft(), id: OTHER_ROUND } },
    });
    const { router } = renderApp(`/rounds/${ROUND_ID}/results`);

    expect(
      await screen.findByText("A new round of the 2 questions you didn't get fully right, with 5 min on the clock."),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Retry the 2 questions I missed" }));

    expect(await screen.findByRole("timer", { name: "Time left" })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/rounds/${OTHER_ROUND}`);
    expect(requestBodies(fetchMock, "POST", "/api/rounds")).toEqual([
      { questionCount: 2, timeLimitSeconds: 300, questions: [freeTextQuestion.slug, choiceQuestion.slug] },
    ]);
  });

  it("when another round is still open, then Retry offers to continue that one instead", async () => {
    mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: closedRound("finished", new Date()) },
      "POST /api/rounds": {
        status: 409,
        body: { error: { code: "round_in_progress", message: "Finish it first", roundId: OTHER_ROUND } },
      },
    });
    renderApp(`/rounds/${ROUND_ID}/results`);

    fireEvent.click(await screen.findByRole("button", { name: "Retry the 2 questions I missed" }));

    const link = await screen.findByRole("link", { name: "Continue that round" });
    expect(link.getAttribute("href")).toBe(`/rounds/${OTHER_ROUND}`);
  });
});
