import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { followsChainAbove } from "../../client/src/features/history/components/history-list";
import { candidate, mockApi, requestBodies } from "./support/mock-api";
import { renderApp, typeInto } from "./support/render-app";
import { choiceQuestion, closedRound, roundPath, roundWithTimeLeft } from "./support/rounds";

const me = { status: 200, body: { user: candidate } };

afterEach(() => {
  localStorage.clear();
});

const parent = {
  slug: "dashboard",
  title: "A 30-second dashboard",
  section: "scenarios",
  type: "free-text",
  difficulty: "medium",
  tags: [],
  prompt: "Which framework for a 30-second dashboard?",
  version: 1,
  timeBudgetSeconds: 240,
};
const followUp = {
  ...parent,
  slug: "dashboard-sla",
  title: "The dashboard at 200 ms",
  prompt: "Now the SLA is 200 ms. What changes?",
  followUpOf: "dashboard",
};
const checked = {
  question: "dashboard",
  answerId: "7a0c6c1e-0000-4000-8000-000000000001",
  score: 1,
  verdict: "correct",
  matched: [],
  missed: [],
  flags: [],
  explanation: "Seconds suit micro-batches.",
  modelAnswer: "Structured Streaming, since the team knows Spark.",
  concepts: {},
  followUps: [{ slug: "dashboard-sla" }],
};

describe("follow-ups in practice", () => {
  it("when the parent is checked, then the result quotes the follow-up and links to it", async () => {
    mockApi({
      "GET /api/me": me,
      "GET /api/questions/dashboard": { status: 200, body: parent },
      "GET /api/questions/dashboard-sla": { status: 200, body: followUp },
      "POST /api/questions/dashboard/check": { status: 200, body: checked },
    });
    const { router } = renderApp("/practice/dashboard");
    await screen.findByRole("heading", { level: 1, name: parent.prompt });
    typeInto("Your answer", "Structured Streaming");
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));

    const offer = await screen.findByRole("region", { name: "The interviewer follows up" });
    expect(await within(offer).findByText(`“${followUp.prompt}”`)).toBeTruthy();
    fireEvent.click(within(offer).getByRole("link", { name: "Answer the follow-up" }));
    expect(await screen.findByRole("heading", { level: 1, name: followUp.prompt })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/practice/dashboard-sla");
    expect(screen.getByText("Follow-up")).toBeTruthy();
  });

  it("when a result has no follow-ups, then nothing is offered", async () => {
    const { followUps: _none, ...plain } = checked;
    mockApi({
      "GET /api/me": me,
      "GET /api/questions/dashboard": { status: 200, body: parent },
      "POST /api/questions/dashboard/check": { status: 200, body: plain },
    });
    renderApp("/practice/dashboard");
    await screen.findByRole("heading", { level: 1, name: parent.prompt });
    typeInto("Your answer", "Structured Streaming");
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));
    await screen.findByRole("region", { name: "Result" });
    expect(screen.queryByRole("region", { name: "The interviewer follows up" })).toBeNull();
  });

  it("when a locked follow-up is opened, then the page says to answer its parent first and links to it", async () => {
    mockApi({
      "GET /api/me": me,
      "GET /api/questions/dashboard-sla": {
        status: 409,
        body: { error: { code: "parent_not_answered", message: "answer dashboard first", parent: "dashboard" } },
      },
      "GET /api/questions/dashboard": { status: 200, body: parent },
    });
    const { router } = renderApp("/practice/dashboard-sla");
    await screen.findByRole("heading", { name: "Answer the first question before its follow-up" });
    fireEvent.click(screen.getByRole("link", { name: "Go to that question" }));
    await screen.findByRole("heading", { level: 1, name: parent.prompt });
    expect(router.state.location.pathname).toBe("/practice/dashboard");
  });
});

describe("follow-ups in a round", () => {
  const parentQ = { ...choiceQuestion, position: 0 };
  const lockedQ = {
    slug: "spark-latency-restarts",
    position: 1,
    type: "single-choice",
    section: "spark-streaming",
    difficulty: "hard",
    tags: ["exactly-once"],
    followUpOf: choiceQuestion.slug,
    locked: true,
    timeBudgetSeconds: 60,
    draft: null,
    answer: null,
    answeredAt: null,
    flagged: false,
  };
  const openQ = {
    ...lockedQ,
    locked: undefined,
    prompt: "And if the job restarts, what keeps counts right?",
    choices: [
      { id: "idempotent", text: "An idempotent sink" },
      { id: "nothing", text: "Nothing" },
    ],
  };

  it("when the parent is unanswered, then the follow-up is a placeholder; once submitted, the follow-up opens as the next step", async () => {
    let submitted = false;
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: () => ({
        status: 200,
        body: submitted
          ? roundWithTimeLeft([
              {
                ...parentQ,
                answer: "under-50ms",
                answeredAt: new Date().toISOString(),
                followUps: [{ slug: openQ.slug }],
              },
              openQ,
            ] as never)
          : roundWithTimeLeft([parentQ, lockedQ] as never),
      }),
      [`POST ${roundPath}/answers`]: () => {
        submitted = true;
        return { status: 201, body: { question: parentQ.slug, answeredAt: new Date().toISOString() } };
      },
      [`PUT ${roundPath}/drafts/${parentQ.slug}`]: { status: 204 },
    });
    renderApp(`/rounds/${roundWithTimeLeft().id}?q=2`);
    expect(await screen.findByText(/The interviewer asks this once you have submitted question 1/)).toBeTruthy();
    expect(screen.queryByRole("radio")).toBeNull();
    expect(
      screen.getByRole("button", { name: "Question 2 locked, follow-up, opens after the question before it" }),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Go to question 1" }));
    fireEvent.click(await screen.findByRole("radio", { name: "Each event within 50 milliseconds" }));
    fireEvent.click(screen.getByRole("button", { name: "Submit answer" }));
    fireEvent.click(await screen.findByRole("button", { name: "Answer the follow-up" }));

    expect(await screen.findByText(openQ.prompt)).toBeTruthy();
    expect(screen.getByText("The interviewer follows up on your answer to question 1.")).toBeTruthy();
    expect(screen.getByRole("radio", { name: "An idempotent sink" })).toBeTruthy();
    expect(requestBodies(fetchMock, "POST", `${roundPath}/answers`)).toHaveLength(1);
  });

  it("when the candidate finished with a follow-up never reached, then its card says its parent was not submitted, not that it went unanswered", async () => {
    const closed = closedRound("finished", new Date());
    const [first, second] = closed.results.items;
    const round = {
      ...closed,
      results: { ...closed.results, items: [first, { ...second, followUpOf: first!.slug, notReached: true }] },
    };
    mockApi({ "GET /api/me": me, [`GET ${roundPath}`]: { status: 200, body: round } });

    renderApp(`/rounds/${round.id}/results`);

    expect(
      await screen.findByRole("heading", {
        name: "Question 2: Structured Streaming's latency limit · Follow-up to question 1",
      }),
    ).toBeTruthy();
    const card = screen.getByRole("article", {
      name: "Question 2: Structured Streaming's latency limit · Follow-up to question 1",
    });
    expect(
      within(card).getByText(
        "Not reached: this follow-up opens only once question 1 is submitted, and it wasn't. It counts as unanswered.",
      ),
    ).toBeTruthy();
    expect(card.textContent).not.toMatch(/didn't answer|round closed/);
    // Scoring is unchanged: it is still an unanswered question.
    expect(within(card).getByText("Not answered")).toBeTruthy();
  });

  it("when an unreached follow-up's parent is not in the results, then its card still names the reason", async () => {
    const closed = closedRound("expired", new Date());
    const [first, second] = closed.results.items;
    const round = {
      ...closed,
      results: { ...closed.results, items: [first, { ...second, followUpOf: "not-in-this-round", notReached: true }] },
    };
    mockApi({ "GET /api/me": me, [`GET ${roundPath}`]: { status: 200, body: round } });

    renderApp(`/rounds/${round.id}/results`);

    const card = await screen.findByRole("article", { name: /^Question 2: .* · Follow-up/ });
    expect(
      within(card).getByText(/^Not reached: this follow-up opens only once the question it follows up is submitted/),
    ).toBeTruthy();
  });

  it("when Finish round is pressed with a follow-up still locked, then the dialog counts it apart from the questions not submitted", async () => {
    mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft([parentQ, lockedQ] as never) },
    });
    renderApp(`/rounds/${roundWithTimeLeft().id}`);

    fireEvent.click(await screen.findByRole("button", { name: "Finish round" }));
    fireEvent.click(await screen.findByRole("button", { name: "Submit all and finish" }));

    const dialog = screen.getByRole("dialog", { name: "Finish the round now?" });
    expect(dialog.textContent).toContain("1 question hasn't been submitted.");
    expect(dialog.textContent).toContain(
      "1 follow-up hasn't been reached yet (it opens when you submit the question before it)",
    );
    expect(dialog.textContent).not.toContain("2 questions");
  });

  it("when only follow-ups are left locked, then the dialog says every other question is answered and counts them as not reached", async () => {
    const answered = { ...parentQ, answer: "under-50ms", answeredAt: new Date().toISOString() };
    const secondLocked = { ...lockedQ, slug: "spark-latency-cost", position: 2 };
    mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft([answered, lockedQ, secondLocked] as never) },
    });
    renderApp(`/rounds/${roundWithTimeLeft().id}`);

    fireEvent.click(await screen.findByRole("button", { name: "Finish round" }));
    fireEvent.click(await screen.findByRole("button", { name: "Submit all and finish" }));

    const text = screen.getByRole("dialog", { name: "Finish the round now?" }).textContent;
    expect(text).toContain(
      "2 follow-ups haven't been reached yet (they open when you submit the question before them)",
    );
    expect(text).not.toMatch(/been submitted/);
  });

  it("when a follow-up is locked, then its navigator button says so in visible text and in its name", async () => {
    mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft([parentQ, lockedQ] as never) },
    });
    renderApp(`/rounds/${roundWithTimeLeft().id}`);

    const nav = await screen.findByRole("navigation", { name: "Questions" });

    const locked = within(nav).getByRole("button", {
      name: "Question 2 locked, follow-up, opens after the question before it",
    });
    expect(locked.textContent).toBe("2 locked");
    expect(
      within(nav).getByRole("button", { name: "Question 1: Structured Streaming's latency limit, not started" })
        .textContent,
    ).toBe("1");
  });
});

describe("history chains", () => {
  const item = (slug: string, followUpOf?: string) => ({ question: { slug }, followUpOf }) as never;

  it("when a follow-up comes right after its parent (or after an earlier step of its chain), then it is nested", () => {
    expect(followsChainAbove([item("a"), item("a1", "a"), item("a2", "a1"), item("b"), item("c1", "c")])).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});
