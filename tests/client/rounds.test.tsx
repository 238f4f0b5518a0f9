import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { candidate, mockApi, requestBodies } from "./support/mock-api";
import { renderApp, typeInto } from "./support/render-app";
import { closedRound, ROUND_ID, roundPath, roundWithTimeLeft } from "./support/rounds";

const me = { status: 200, body: { user: candidate } };
const LIST = "/api/rounds?page=1&pageSize=10";
const noRounds = { status: 200, body: { items: [], total: 0, page: 1, pageSize: 10 } };

afterEach(() => {
  localStorage.clear();
});

describe("starting a round", () => {
  it("when the form is sent, then the round starts with the chosen filters and opens on its first question", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${LIST}`]: noRounds,
      "POST /api/rounds": { status: 201, body: roundWithTimeLeft() },
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft() },
    });
    const { router } = renderApp("/rounds");
    await screen.findByText(/haven't sat a round yet/);

    typeInto("Number of questions", "5");
    typeInto("Time limit (minutes)", "12.5");
    fireEvent.click(screen.getByRole("checkbox", { name: "Kafka Streams" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Flink" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Free text" }));
    fireEvent.click(screen.getByRole("button", { name: "Start round" }));

    expect(await screen.findByRole("heading", { level: 2, name: "Question 1 of 2 Flink state recovery" })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/rounds/${ROUND_ID}`);
    expect(requestBodies(fetchMock, "POST", "/api/rounds")).toEqual([
      { questionCount: 5, timeLimitSeconds: 750, sections: ["flink", "kafka-streams"], types: ["free-text"] },
    ]);
    expect(screen.getByRole("timer", { name: "Time left" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Your answer" })).toBeTruthy();
  });

  it("when Start round is double-clicked, then one round is asked for", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${LIST}`]: noRounds,
      "POST /api/rounds": { status: 201, body: roundWithTimeLeft() },
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft() },
    });
    renderApp("/rounds");
    await screen.findByText(/haven't sat a round yet/);

    const button = screen.getByRole("button", { name: "Start round" });
    fireEvent.click(button);
    fireEvent.click(button);

    expect(await screen.findByRole("heading", { level: 2, name: "Question 1 of 2 Flink state recovery" })).toBeTruthy();
    expect(requestBodies(fetchMock, "POST", "/api/rounds")).toHaveLength(1);
  });

  it("when a round is already in progress, then the page offers to continue it", async () => {
    mockApi({
      "GET /api/me": me,
      [`GET ${LIST}`]: noRounds,
      "POST /api/rounds": {
        status: 409,
        body: {
          error: { code: "round_in_progress", message: "You already have a round in progress", roundId: ROUND_ID },
        },
      },
    });
    renderApp("/rounds");
    await screen.findByText(/haven't sat a round yet/);

    fireEvent.click(screen.getByRole("button", { name: "Start round" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("You already have a round in progress");
    expect(within(alert).getByRole("link", { name: "Continue that round" }).getAttribute("href")).toBe(
      `/rounds/${ROUND_ID}`,
    );
  });

  it("when fewer questions match than asked for, then the number field explains it", async () => {
    mockApi({
      "GET /api/me": me,
      [`GET ${LIST}`]: noRounds,
      "POST /api/rounds": {
        status: 400,
        body: {
          error: {
            code: "validation_failed",
            message: "Not enough questions match these filters",
            details: [{ path: "questionCount", message: "only 3 active question(s) match these filters" }],
          },
        },
      },
    });
    renderApp("/rounds");
    await screen.findByText(/haven't sat a round yet/);
    typeInto("Number of questions", "20");

    fireEvent.click(screen.getByRole("button", { name: "Start round" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Only 3 questions match these filters");
    expect(screen.getByLabelText("Number of questions").getAttribute("aria-invalid")).toBe("true");
  });

  it("when the numbers are out of range, then the form explains without calling the server", async () => {
    const fetchMock = mockApi({ "GET /api/me": me, [`GET ${LIST}`]: noRounds });
    renderApp("/rounds");
    await screen.findByText(/haven't sat a round yet/);
    typeInto("Number of questions", "31");
    typeInto("Time limit (minutes)", "0");

    fireEvent.click(screen.getByRole("button", { name: "Start round" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("from 1 to 30");
    expect(alert.textContent).toContain("from 1 to 120 minutes");
    expect(requestBodies(fetchMock, "POST", "/api/rounds")).toEqual([]);
  });
});

describe("past rounds", () => {
  it("when there are rounds, then each links to its results, or back into it while open", async () => {
    const totals = {
      questions: 4,
      correct: 2,
      partial: 1,
      incorrect: 0,
      unanswered: 1,
      score: 2.5,
      maxScore: 4,
      percent: 63,
    };
    mockApi({
      "GET /api/me": me,
      [`GET ${LIST}`]: {
        status: 200,
        body: {
          items: [
            {
              id: "0a0a0a0a-0000-4000-8000-000000000001",
              status: "open",
              startedAt: "2026-03-02T10:00:00.000Z",
              deadline: "2026-03-02T10:20:00.000Z",
              closedAt: null,
              questionCount: 5,
            },
            {
              id: "0d0d0d0d-0000-4000-8000-000000000001",
              status: "finished",
              startedAt: "2026-03-01T09:00:00.000Z",
              deadline: "2026-03-01T09:20:00.000Z",
              closedAt: "2026-03-01T09:15:00.000Z",
              questionCount: 4,
              totals,
            },
          ],
          total: 2,
          page: 1,
          pageSize: 10,
        },
      },
    });
    renderApp("/rounds");

    expect(await screen.findByText("In progress")).toBeTruthy();
    expect(screen.getByRole("link", { name: /^Continue/ }).getAttribute("href")).toBe(
      "/rounds/0a0a0a0a-0000-4000-8000-000000000001",
    );
    expect(screen.getByRole("link", { name: /^See results/ }).getAttribute("href")).toBe(
      "/rounds/0d0d0d0d-0000-4000-8000-000000000001/results",
    );
    expect(screen.getByText("63%")).toBeTruthy();
    expect(screen.getByText("2.5 of 4")).toBeTruthy();
    expect(screen.getByText("Finished")).toBeTruthy();
  });
});

describe("round results", () => {
  it("when a round is closed, then totals and each question's verdict, highlighted answer, hints and time are shown", async () => {
    localStorage.setItem(
      `watermark:round:${ROUND_ID}:draft:flink-state`,
      JSON.stringify({ answer: "left over", savedAt: 1 }),
    );
    mockApi({ "GET /api/me": me, [`GET ${roundPath}`]: { status: 200, body: closedRound("expired", new Date()) } });
    renderApp(`/rounds/${ROUND_ID}/results`);

    expect(await screen.findByRole("heading", { level: 1, name: "Round results" })).toBeTruthy();
    expect(screen.getByText("25%")).toBeTruthy();

    const first = screen.getByRole("article", { name: "Question 1: Flink state recovery" });
    expect(within(first).getByText("Partly correct")).toBeTruthy();
    expect(first.querySelector("mark")?.textContent).toBe("last checkpoint");
    expect(within(first).getByText("Say how checkpoint barriers line up the operators.")).toBeTruthy();
    expect(within(first).getByText("Time spent: 1 min 35 s")).toBeTruthy();
    expect(within(first).getByText(/Flink takes consistent snapshots/)).toBeTruthy();

    const second = screen.getByRole("article", { name: "Question 2: Structured Streaming's latency limit" });
    expect(within(second).getByText("Not answered")).toBeTruthy();
    expect(within(second).getByText("You didn't answer this question.")).toBeTruthy();
    expect(within(second).getByText("Right answer")).toBeTruthy();
    // Nothing kept on this device about a closed round is of any use now.
    expect(localStorage.getItem(`watermark:round:${ROUND_ID}:draft:flink-state`)).toBeNull();
  });

  it("when time ran out and a draft was graded, then the page says so instead of a time spent", async () => {
    const closed = closedRound("expired", new Date());
    const [draft, ...rest] = closed.results.items;
    const round = {
      ...closed,
      results: { ...closed.results, items: [{ ...draft!, gradedFromDraft: true, timeSpentSeconds: 1 }, ...rest] },
    };
    mockApi({ "GET /api/me": me, [`GET ${roundPath}`]: { status: 200, body: round } });
    renderApp(`/rounds/${ROUND_ID}/results`);

    expect(await screen.findByText(/· Time ran out/)).toBeTruthy();
    const first = screen.getByRole("article", { name: "Question 1: Flink state recovery" });
    expect(within(first).getByText("Graded from your saved draft when time ran out.")).toBeTruthy();
    expect(first.textContent).not.toContain("Time spent");
  });

  it("when an open round's page is visited after it closed, then it goes to the results", async () => {
    mockApi({ "GET /api/me": me, [`GET ${roundPath}`]: { status: 200, body: closedRound("finished", new Date()) } });
    const { router } = renderApp(`/rounds/${ROUND_ID}`);

    expect(await screen.findByRole("heading", { level: 1, name: "Round results" })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/rounds/${ROUND_ID}/results`);
  });
});

describe("finishing a round by hand", () => {
  it("when Finish round is confirmed, then the round is finished and the results shown", async () => {
    let finished = false;
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: () => ({
        status: 200,
        body: finished ? closedRound("finished", new Date()) : roundWithTimeLeft(),
      }),
      [`POST ${roundPath}/finish`]: () => {
        finished = true;
        return { status: 200, body: closedRound("finished", new Date()) };
      },
    });
    renderApp(`/rounds/${ROUND_ID}`);

    fireEvent.click(await screen.findByRole("button", { name: "Finish round" }));
    fireEvent.click(await screen.findByRole("button", { name: "Submit all and finish" }));
    const dialog = screen.getByRole("dialog", { name: "Finish the round now?" });
    expect(dialog.textContent).toContain("2 questions haven't been submitted");
    // Focus starts on the choice that loses nothing.
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Keep answering" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Finish now" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Round results" })).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([url]) => url === `${roundPath}/finish`)).toHaveLength(1);
  });

  it("when the navigator is used, then it moves between questions and says which are answered", async () => {
    mockApi({ "GET /api/me": me, [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft() } });
    const { router } = renderApp(`/rounds/${ROUND_ID}`);

    const nav = await screen.findByRole("navigation", { name: "Questions" });
    fireEvent.click(
      within(nav).getByRole("button", { name: "Question 2: Structured Streaming's latency limit, not started" }),
    );

    expect(
      await screen.findByRole("heading", { level: 2, name: "Question 2 of 2 Structured Streaming's latency limit" }),
    ).toBeTruthy();
    expect(document.activeElement).toBe(
      screen.getByRole("heading", { level: 2, name: "Question 2 of 2 Structured Streaming's latency limit" }),
    );
    expect(router.state.location.search).toBe("?q=2");
    expect(
      within(nav)
        .getByRole("button", { name: "Question 2: Structured Streaming's latency limit, not started" })
        .getAttribute("aria-current"),
    ).toBe("step");
    fireEvent.click(screen.getByRole("radio", { name: "An hourly report" }));
    expect(
      within(nav).getByRole("button", { name: "Question 2: Structured Streaming's latency limit, draft saved" }),
    ).toBeTruthy();
  });
});
