import { act, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CandidateHome, MentorHome } from "../../client/src/features/dashboard/api/get-home";
import { candidate, errorReply, mentor, mockApi, signedOut } from "./support/mock-api";
import { renderApp } from "./support/render-app";

// This device's clock, and the server's: two minutes ahead. The round countdown must follow the server.
const DEVICE_START = new Date("2026-12-04T10:00:00.000Z").getTime();
const SERVER_AHEAD_MS = 2 * 60_000;

const days = (from: string, count: number, busy: Record<number, [number, number]> = {}) =>
  Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    const [answers, reviews] = busy[i] ?? [0, 0];
    return { date, answers, reviews };
  });

const emptyHome: CandidateHome = {
  role: "candidate",
  serverNow: new Date(DEVICE_START + SERVER_AHEAD_MS).toISOString(),
  today: "2026-12-04",
  openRound: null,
  flashcards: { due: 0, learning: 0, review: 0, new: 0, nextDueAt: null },
  interview: null,
  weakestSection: null,
  unread: { comments: 0, overrides: 0, disputes: 0, items: [] },
  activity: {
    from: "2026-09-28",
    to: "2026-12-04",
    days: days("2026-09-28", 68),
    streak: 0,
    activeDays: 0,
    answers: 0,
    reviews: 0,
  },
};

const busyHome: CandidateHome = {
  ...emptyHome,
  openRound: {
    id: "7f8e2f4c-0000-4000-8000-000000000001",
    startedAt: new Date(DEVICE_START).toISOString(),
    deadline: new Date(DEVICE_START + SERVER_AHEAD_MS + 10 * 60_000).toISOString(),
    timeLimitSeconds: 1200,
    questions: 5,
    answered: 2,
  },
  flashcards: { due: 12, learning: 2, review: 7, new: 3, nextDueAt: null },
  interview: {
    date: "2026-12-18",
    daysLeft: 14,
    plan: [
      { kind: "review-cards", cards: 12 },
      { kind: "practise-section", section: "kafka-streams", questions: 3 },
      { kind: "mock-round" },
    ],
  },
  weakestSection: { section: "kafka-streams", mastery: 0.42, level: "weak", answers: 6 },
  unread: {
    comments: 1,
    overrides: 1,
    disputes: 0,
    items: [
      {
        kind: "override",
        id: "a1000000-0000-4000-8000-000000000001",
        answerId: "a2000000-0000-4000-8000-000000000001",
        title: "Which engine fits fraud detection at 100 ms?",
        by: "Grace Hopper",
        text: "The latency argument holds",
        verdict: "correct",
        at: "2026-12-03T09:00:00.000Z",
      },
      {
        kind: "comment",
        id: "a1000000-0000-4000-8000-000000000002",
        answerId: "a2000000-0000-4000-8000-000000000002",
        title: "What does a watermark bound?",
        by: "Grace Hopper",
        text: "Mention lateness",
        verdict: null,
        at: "2026-12-02T09:00:00.000Z",
      },
    ],
  },
  activity: {
    ...emptyHome.activity,
    days: days("2026-09-28", 68, { 65: [2, 5], 66: [0, 20], 67: [1, 0] }),
    streak: 3,
    activeDays: 3,
    answers: 3,
    reviews: 25,
  },
};

const mentorHome: MentorHome = {
  role: "mentor",
  candidates: {
    total: 2,
    items: [
      {
        id: "c1000000-0000-4000-8000-000000000001",
        displayName: "Ada Lovelace",
        unreviewed: 4,
        answersLastWeek: 6,
        lastAnswerAt: "2026-12-03T09:00:00.000Z",
      },
      {
        id: "c1000000-0000-4000-8000-000000000002",
        displayName: "Alan Turing",
        unreviewed: 0,
        answersLastWeek: 1,
        lastAnswerAt: null,
      },
    ],
  },
  queue: { total: 4 },
  agreement: {
    rulings: 20,
    agreement: 0.85,
    kappa: 0.71,
    mostDisagreed: { title: "Which engine fits fraud detection at 100 ms?", rulings: 3, disagreements: 2 },
  },
};

const emptyMentorHome: MentorHome = {
  role: "mentor",
  candidates: { total: 0, items: [] },
  queue: { total: 0 },
  agreement: { rulings: 0, agreement: 0, kappa: 0, mostDisagreed: null },
};

function section(name: string) {
  return screen.getByRole("region", { name });
}

/** Moves the device clock to `at` by way of the countdown's next tick (it ticks every 500 ms). */
const clockAt = async (at: number) => {
  vi.setSystemTime(at - 500);
  await act(() => vi.advanceTimersByTimeAsync(500));
};

beforeEach(() => {
  // The clock and the countdown's ticks are faked; Testing Library keeps its real timeouts.
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(DEVICE_START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("home", () => {
  it("when the plan is still loading, then the page says so in words", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      "GET /api/home": () => new Promise(() => {}),
    });
    renderApp("/");

    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Ada Lovelace" })).toBeTruthy();
    expect(within(screen.getByRole("status")).getAllByText("Loading your plan…").length).toBeGreaterThan(0);
  });

  it("when a new candidate has done nothing yet, then every block says what to do first", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      "GET /api/home": { status: 200, body: emptyHome },
    });
    renderApp("/");

    expect(await screen.findByText(/Start anywhere/)).toBeTruthy();
    expect(within(section("Mock round")).getByRole("link", { name: "Start a mock round" }).getAttribute("href")).toBe(
      "/rounds",
    );
    expect(within(section("Flashcards")).getByText("Nothing due")).toBeTruthy();
    expect(within(section("Flashcards")).getByText("You have no cards to study yet.")).toBeTruthy();
    expect(
      within(section("Your interview")).getByRole("link", { name: "Set your interview date" }).getAttribute("href"),
    ).toBe("/flashcards/settings");
    expect(within(section("Weakest section")).getByRole("link", { name: "Go to practice" })).toBeTruthy();
    expect(within(section("Your activity")).getByText(/No answers or reviews in the last ten weeks yet/)).toBeTruthy();
    expect(screen.queryByRole("region", { name: "From your mentor" })).toBeNull();
  });

  it("when a candidate has a running round, due cards, an interview, a weak section and feedback, then each leads to its next step", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      "GET /api/home": { status: 200, body: busyHome },
    });
    renderApp("/");

    const round = await screen.findByRole("region", { name: "Your round is running" });
    // Ten minutes by the server's clock; the device's alone would have said twelve.
    expect(within(round).getByText("10:00")).toBeTruthy();
    expect(within(round).getByText("2 of 5 questions answered.")).toBeTruthy();
    expect(within(round).getByRole("link", { name: "Continue your round" }).getAttribute("href")).toBe(
      `/rounds/${busyHome.openRound!.id}`,
    );
    await clockAt(DEVICE_START + 90_000);
    expect(within(round).getByText("8:30")).toBeTruthy();

    const cards = section("Flashcards");
    expect(within(cards).getByText("12 cards due today")).toBeTruthy();
    expect(within(cards).getByText("7 to review, 2 in learning, 3 new.")).toBeTruthy();
    expect(within(cards).getByRole("link", { name: "Start review" }).getAttribute("href")).toBe("/flashcards");

    const interview = section("Your interview");
    expect(within(interview).getByText("14 days to go")).toBeTruthy();
    const plan = within(interview)
      .getAllByRole("listitem")
      .map((li) => [li.textContent, within(li).getByRole("link").getAttribute("href")]);
    expect(plan).toEqual([
      ["Review your 12 due cards", "/flashcards"],
      ["Answer 3 Kafka Streams questions", "/practice?section=kafka-streams"],
      ["Take a mock round", "/rounds"],
    ]);

    const weakest = section("Weakest section");
    expect(within(weakest).getByText("Kafka Streams")).toBeTruthy();
    expect(within(weakest).getByText(/42 % mastery \(weak\) from your last 6 answers/)).toBeTruthy();
    expect(within(weakest).getByRole("link", { name: "Practise Kafka Streams" }).getAttribute("href")).toBe(
      "/practice?section=kafka-streams",
    );

    const feedback = section("From your mentor");
    expect(within(feedback).getByText(/Your mentor left 1 new comment and 1 grade change/)).toBeTruthy();
    const prompt = within(feedback).getByRole("link", { name: "Which engine fits fraud detection at 100 ms?" });
    expect(prompt.getAttribute("href")).toBe("/answers/a2000000-0000-4000-8000-000000000001");
    expect(within(feedback).getByText(/Grace Hopper changed the grade to correct/)).toBeTruthy();
    expect(within(feedback).getByText(/Grace Hopper commented/)).toBeTruthy();

    const activity = section("Your activity");
    expect(within(activity).getByText("3 days in a row")).toBeTruthy();
    expect(
      within(activity).getByText("Active on 3 days of the last ten weeks: 3 answers and 25 card reviews."),
    ).toBeTruthy();
    expect(within(activity).getByText(/^Thu,? (Dec 3|3 Dec): 0 answers, 20 reviews$/)).toBeTruthy();
    expect(screen.getByText(/Your mock round is still running/)).toBeTruthy();
  });

  it("when mentors ruled on disputes, then each ruling says what happened to the grade, once", async () => {
    const ruling = (n: number, verdict: string, text: string, grade?: string) => ({
      kind: "dispute" as const,
      id: `a1000000-0000-4000-8000-00000000001${n}`,
      answerId: `a1000000-0000-4000-8000-00000000001${n}`,
      title: `Question ${n}`,
      by: "Grace Hopper",
      text,
      verdict,
      ...(grade ? { grade } : {}),
      at: "2026-12-03T09:00:00.000Z",
    });
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      "GET /api/home": {
        status: 200,
        body: {
          ...emptyHome,
          unread: {
            comments: 0,
            overrides: 0,
            disputes: 3,
            items: [
              ruling(1, "upheld", "You are right", "correct"),
              ruling(2, "rejected", "Same verdict, fairer score", "partial"),
              ruling(3, "rejected", ""),
            ],
          },
        },
      },
    });
    renderApp("/");
    const feedback = await screen.findByRole("region", { name: "From your mentor" });
    expect(within(feedback).getByText(/Your mentor left 3 rulings on your disputes\./)).toBeTruthy();
    expect(
      within(feedback).getByText(/Grace Hopper upheld your dispute and changed the grade to correct:/),
    ).toBeTruthy();
    expect(
      within(feedback).getByText(/Grace Hopper rejected your dispute and kept the grade at partly correct:/),
    ).toBeTruthy();
    expect(within(feedback).getByText("Grace Hopper rejected your dispute.")).toBeTruthy();
  });

  it("when the round's time has run out, then the card says so and leads to the round", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      "GET /api/home": { status: 200, body: busyHome },
    });
    renderApp("/");
    const round = await screen.findByRole("region", { name: "Your round is running" });

    await clockAt(DEVICE_START + 10 * 60_000 + 1);
    expect(within(round).getByText("Time is up")).toBeTruthy();
    expect(within(round).getByRole("link", { name: "See how you did" })).toBeTruthy();
  });

  it("when no card is due, then the next due time is given instead of a review button", async () => {
    const home = { ...emptyHome, flashcards: { ...emptyHome.flashcards, nextDueAt: "2026-12-05T08:30:00.000Z" } };
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      "GET /api/home": { status: 200, body: home },
    });
    renderApp("/");

    const cards = await screen.findByRole("region", { name: "Flashcards" });
    expect(within(cards).getByText(/^Your next card is due .*2026/)).toBeTruthy();
    expect(within(cards).queryByRole("link", { name: "Start review" })).toBeNull();
  });

  it("when the home cannot be loaded, then the page says so and offers to try again", async () => {
    let fail = true;
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      "GET /api/home": () => (fail ? errorReply(404, "not_found", "Gone for now") : { status: 200, body: emptyHome }),
    });
    renderApp("/");

    expect((await screen.findByRole("alert")).textContent).toContain("We couldn't load your home page. Gone for now");
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("region", { name: "Flashcards" })).toBeTruthy();
  });

  it("when a mentor is signed in, then the queue, candidates and agreement show with links onward", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      "GET /api/home": { status: 200, body: mentorHome },
    });
    renderApp("/");

    const queue = await screen.findByRole("region", { name: "Review queue" });
    expect(within(queue).getByText("4 answers waiting for review")).toBeTruthy();
    expect(within(queue).getByRole("link", { name: "Open the review queue" }).getAttribute("href")).toBe(
      "/mentor/queue",
    );
    const candidates = section("Your candidates");
    expect(within(candidates).getByText("2 candidates linked")).toBeTruthy();
    expect(within(candidates).getByRole("link", { name: "Ada Lovelace" }).getAttribute("href")).toBe(
      "/mentor/candidates/c1000000-0000-4000-8000-000000000001",
    );
    expect(within(candidates).getByText(/all reviewed · 1 answer this week/)).toBeTruthy();
    const agreement = section("Grader agreement");
    expect(within(agreement).getByText("85 % agreement")).toBeTruthy();
    expect(within(agreement).getByText(/Over 20 rulings of yours; Cohen's kappa 0.71/)).toBeTruthy();
    expect(within(agreement).getByText(/Which engine fits fraud detection at 100 ms\?/)).toBeTruthy();
    expect(within(screen.getByRole("banner")).getByText("Mentor")).toBeTruthy();
  });

  it("when a mentor has no candidates yet, then the page says how to link one", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      "GET /api/home": { status: 200, body: emptyMentorHome },
    });
    renderApp("/");

    const candidates = await screen.findByRole("region", { name: "Your candidates" });
    expect(within(screen.getByRole("main")).getAllByRole("region")[0]).toBe(candidates);
    expect(within(candidates).getByRole("link", { name: "Redeem an invite code" }).getAttribute("href")).toBe(
      "/mentor/candidates",
    );
    expect(within(section("Review queue")).getByText("Nothing waiting")).toBeTruthy();
    expect(within(section("Grader agreement")).getByText("No rulings yet")).toBeTruthy();
  });

  it("when the review action is followed, then the review page shows inside the layout", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      "GET /api/home": { status: 200, body: busyHome },
      "GET /api/flashcards/queue?limit=100": {
        status: 200,
        body: { cards: [], counts: { learning: 0, review: 0, new: 0 } },
      },
    });
    const { router } = renderApp("/");

    fireEvent.click(await screen.findByRole("link", { name: "Start review" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Review" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Log out" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/flashcards");
  });

  it("when Log out is pressed, then the log-in page is shown", async () => {
    let signedIn = true;
    const fetchMock = mockApi({
      "GET /api/me": () => (signedIn ? { status: 200, body: { user: candidate } } : signedOut),
      "POST /api/auth/logout": () => {
        signedIn = false;
        return { status: 204 };
      },
    });
    const { router } = renderApp("/flashcards");

    fireEvent.click(await screen.findByRole("button", { name: "Log out" }));

    expect(await screen.findByRole("heading", { name: "Log in" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/login");
    // A deliberate log-out starts afresh: the next log-in goes to the home page, not back to /flashcards.
    expect(router.state.location.state).toBeNull();
    expect(fetchMock.mock.calls.some(([url, init]) => url === "/api/auth/logout" && init?.method === "POST")).toBe(
      true,
    );
  });
});
