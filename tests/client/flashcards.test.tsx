import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatInterval } from "../../client/src/features/flashcards/utils/format-interval";
import { candidate, errorReply, mockApi, requestBodies } from "./support/mock-api";
import { renderApp } from "./support/render-app";

const QUEUE = "GET /api/flashcards/queue?limit=100";
const intervals = { again: 60, hard: 360, good: 600, easy: 3 * 86_400 };
const card = (n: number, over: Record<string, unknown> = {}) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  kind: "bank",
  front: `Front ${n}`,
  back: `Back ${n}`,
  section: "flink",
  state: "new",
  intervals,
  ...over,
});
const me = { status: 200, body: { user: candidate } };
const cardState = {
  kind: "bank",
  state: "learning",
  due: "2026-11-25T10:10:00.000Z",
  stability: 0.4,
  difficulty: 5.3,
  scheduledDays: 0,
  reps: 1,
  lapses: 0,
  lastReview: "2026-11-25T10:00:00.000Z",
  suspended: false,
  leech: false,
};

const press = (key: string) => act(() => void fireEvent.keyDown(document.body, { key }));

describe("flashcard review", () => {
  beforeEach(() => window.localStorage.clear());

  it("when Space is pressed, then the answer shows with ratings and their intervals; 3 rates Good and the next card comes", async () => {
    let reviewed = false;
    const fetchMock = mockApi({
      "GET /api/me": me,
      [QUEUE]: () => ({
        status: 200,
        body: {
          cards: reviewed ? [card(2)] : [card(1), card(2)],
          counts: { learning: 0, review: 0, new: reviewed ? 1 : 2 },
        },
      }),
      [`POST /api/flashcards/${card(1).id}/reviews`]: () => {
        reviewed = true;
        return { status: 201, body: { id: card(1).id, ...cardState } };
      },
    });
    renderApp("/flashcards");
    expect(await screen.findByText("Front 1")).toBeTruthy();
    expect(screen.queryByText("Back 1")).toBeNull();
    expect(screen.getByText(/left today/).textContent).toContain("2");

    press(" ");
    expect(await screen.findByText("Back 1")).toBeTruthy();
    // Each rating is named by what it shows, so the name starts with the visible text; the rest is its description.
    const bar = within(screen.getByRole("group", { name: "How well did you remember it?" }));
    const named = [
      ["Again 1 min", "1 minute"],
      ["Hard 6 min", "6 minutes"],
      ["Good 10 min", "10 minutes"],
      ["Easy 3 d", "3 days"],
    ].map(([name, next]) => bar.getByRole("button", { name, description: `Next review in ${next}` }));
    expect(named.map((b) => b.textContent)).toEqual(
      ["Again 1 min1", "Hard 6 min2", "Good 10 min3", "Easy 3 d4"].map((t) =>
        expect.stringMatching(new RegExp(`^${t}`)),
      ),
    );
    const good = named[2]!;
    expect(document.activeElement).toBe(good);

    press("3");
    expect(await screen.findByText("Front 2")).toBeTruthy();
    const [body] = requestBodies(fetchMock, "POST", `/api/flashcards/${card(1).id}/reviews`) as {
      rating: string;
      reviewId: string;
      durationMs: number;
    }[];
    expect(body).toMatchObject({
      rating: "good",
      reviewId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      durationMs: expect.any(Number),
    });
    await waitFor(() => expect(screen.getByText(/done/).textContent).toMatch(/1\s*done/));
  });

  it("when U is pressed, then the last review is undone and that card is shown again", async () => {
    let undone = false;
    mockApi({
      "GET /api/me": me,
      [QUEUE]: () => ({
        status: 200,
        body: {
          cards: undone ? [card(2), card(1)] : [card(2)],
          counts: { learning: 0, review: 0, new: undone ? 2 : 1 },
        },
      }),
      "POST /api/flashcards/undo": () => {
        undone = true;
        return {
          status: 200,
          body: { reviewId: "r1", rating: "good", card: { id: card(1).id, ...cardState, state: "new" } },
        };
      },
    });
    renderApp("/flashcards");
    expect(await screen.findByText("Front 2")).toBeTruthy();
    press("u");
    expect(await screen.findByText("Front 1")).toBeTruthy();
    expect(screen.getByText(/Undid your last rating/)).toBeTruthy();
  });

  it("when a rating cannot reach the server, then it is kept on the device with its reviewId and the screen says so", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      [QUEUE]: { status: 200, body: { cards: [card(1), card(2)], counts: { learning: 0, review: 0, new: 2 } } },
    });
    const realFetch = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) => {
      if (String(input).endsWith("/reviews")) throw new TypeError("Failed to fetch");
      return realFetch(input, init);
    });
    renderApp("/flashcards");
    await screen.findByText("Front 1");
    press(" ");
    await screen.findByText("Back 1");
    press("2");
    expect(await screen.findByText(/Offline — 1 rating kept on this device/)).toBeTruthy();
    expect(await screen.findByText("Front 2")).toBeTruthy();
    const stored = JSON.parse(window.localStorage.getItem(`wm.flashcards.pending.${candidate.id}`) ?? "[]");
    expect(stored).toEqual([
      expect.objectContaining({ cardId: card(1).id, rating: "hard", reviewId: expect.any(String) }),
    ]);
  });

  it("when keys are typed in a text field, then they are not taken as shortcuts", async () => {
    mockApi({
      "GET /api/me": me,
      [QUEUE]: { status: 200, body: { cards: [card(1)], counts: { learning: 0, review: 0, new: 1 } } },
    });
    renderApp("/flashcards");
    await screen.findByText("Front 1");
    const input = document.createElement("input");
    document.body.append(input);
    act(() => void fireEvent.keyDown(input, { key: " " }));
    expect(screen.queryByText("Back 1")).toBeNull();
    input.remove();
  });

  it("when 'type your answer first' is on, then typed recall of a personal card is graded and the suggested rating is focused", async () => {
    const missed = card(5, {
      kind: "missed",
      front: "Why Flink here?\n\nYour answer missed key point 2 of 3 of a strong answer. What is it?",
    });
    const fetchMock = mockApi({
      "GET /api/me": me,
      [QUEUE]: { status: 200, body: { cards: [missed], counts: { learning: 0, review: 0, new: 1 } } },
      [`POST /api/flashcards/${missed.id}/check`]: {
        status: 200,
        body: { gradable: true, verdict: "partial", score: 0.5, matched: [], missed: [], suggestedRating: "hard" },
      },
    });
    renderApp("/flashcards");
    await screen.findByText(/missed key point 2 of 3/);
    fireEvent.click(screen.getByLabelText("Type your answer first"));
    const box = await screen.findByLabelText("Your answer");
    await waitFor(() => expect(document.activeElement).toBe(box));
    fireEvent.change(box, { target: { value: "sub-second latency" } });
    fireEvent.keyDown(box, { key: " " });
    expect(screen.queryByText("Back 5")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Check and show answer" }));
    expect(await screen.findByText(/Suggested rating/)).toBeTruthy();
    expect(screen.getByText("Back 5")).toBeTruthy();
    const hard = screen.getByRole("button", { name: "Hard 6 min", description: "Next review in 6 minutes; suggested" });
    await waitFor(() => expect(document.activeElement).toBe(hard));
    expect(requestBodies(fetchMock, "POST", `/api/flashcards/${missed.id}/check`)).toEqual([
      { answer: "sub-second latency" },
    ]);
  });

  it("when the card is tapped anywhere but the hint, then the answer shows", async () => {
    mockApi({
      "GET /api/me": me,
      [QUEUE]: {
        status: 200,
        body: { cards: [card(1, { hint: "Think state" })], counts: { learning: 0, review: 0, new: 1 } },
      },
    });
    renderApp("/flashcards");
    fireEvent.click(await screen.findByText("Hint"));
    expect(screen.queryByText("Back 1")).toBeNull();
    fireEvent.click(screen.getByText("Front 1"));
    expect(await screen.findByText("Back 1")).toBeTruthy();
    expect(screen.getByRole("group", { name: "How well did you remember it?" }).classList).toContain("fc-bar");
  });

  it("when a card is buried or suspended, then it leaves the session and the next card shows; a missed-concept card links to its question", async () => {
    const missed = card(3, { kind: "missed", front: "Why?", questionSlug: "scenario-backfill" });
    const setAside = new Set<string>();
    const fetchMock = mockApi({
      "GET /api/me": me,
      [QUEUE]: () => {
        const cards = [missed, card(1), card(2)].filter((c) => !setAside.has(c.id));
        return { status: 200, body: { cards, counts: { learning: 0, review: 0, new: cards.length } } };
      },
      [`POST /api/flashcards/${missed.id}/bury`]: () => {
        setAside.add(missed.id);
        return {
          status: 200,
          body: { id: missed.id, ...cardState, kind: "missed", buriedUntil: "2026-11-26T00:00:00.000Z" },
        };
      },
      [`POST /api/flashcards/${card(1).id}/suspend`]: () => {
        setAside.add(card(1).id);
        return { status: 200, body: { id: card(1).id, ...cardState, suspended: true } };
      },
    });
    renderApp("/flashcards");
    await screen.findByText("Why?");
    expect(screen.getByRole("link", { name: "Open the question" }).getAttribute("href")).toBe(
      "/practice/scenario-backfill",
    );
    fireEvent.click(screen.getByRole("button", { name: "Bury until tomorrow" }));
    expect(await screen.findByText("Front 1")).toBeTruthy();
    expect(await screen.findByText("Card buried until tomorrow.")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Open the question" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Suspend" }));
    expect(await screen.findByText("Front 2")).toBeTruthy();
    expect(await screen.findByText(/Card suspended/)).toBeTruthy();
    expect(requestBodies(fetchMock, "POST", `/api/flashcards/${card(1).id}/reviews`)).toEqual([]);
  });

  it("when a bury or suspend is undone, by its button or U, then the card is back in front face down; a rating ends the offer", async () => {
    const setAside = new Set<string>();
    const calls: string[] = [];
    const state = (n: number, over: Record<string, unknown> = {}) => ({ id: card(n).id, ...cardState, ...over });
    const fetchMock = mockApi({
      "GET /api/me": me,
      [QUEUE]: () => {
        const cards = [card(1), card(2), card(3)].filter((c) => !setAside.has(c.id));
        return { status: 200, body: { cards, counts: { learning: 0, review: 0, new: cards.length } } };
      },
      [`POST /api/flashcards/${card(1).id}/bury`]: () => {
        setAside.add(card(1).id);
        return { status: 200, body: { ...state(1), buriedUntil: "2026-11-26T00:00:00.000Z" } };
      },
      [`DELETE /api/flashcards/${card(1).id}/bury`]: () => {
        calls.push("unbury");
        setAside.delete(card(1).id);
        return { status: 200, body: state(1) };
      },
      [`POST /api/flashcards/${card(1).id}/suspend`]: () => {
        setAside.add(card(1).id);
        return { status: 200, body: state(1, { suspended: true }) };
      },
      [`POST /api/flashcards/${card(1).id}/unsuspend`]: () => {
        calls.push("unsuspend");
        setAside.delete(card(1).id);
        return { status: 200, body: state(1) };
      },
      [`POST /api/flashcards/${card(2).id}/reviews`]: () => ({ status: 201, body: state(2) }),
      "POST /api/flashcards/undo": () => {
        calls.push("undo rating");
        return { status: 200, body: { reviewId: "r1", rating: "good", card: state(2) } };
      },
    });
    renderApp("/flashcards");
    await screen.findByText("Front 1");
    const toolbarUndo = screen.getByRole("button", { name: "Undo last rating" });
    expect(toolbarUndo.getAttribute("aria-keyshortcuts")).toBe("U");

    // Bury, then the message's own Undo button: the card is back, front side up, with focus on Show answer.
    fireEvent.click(screen.getByRole("button", { name: "Bury until tomorrow" }));
    const status = await screen.findByText("Card buried until tomorrow.");
    expect(await screen.findByText("Front 2")).toBeTruthy();
    expect(status.closest("[aria-live='polite']")).toBeTruthy();
    const undo = within(status).getByRole("button", { name: "Undo" });
    expect(undo.getAttribute("aria-keyshortcuts")).toBe("U");
    expect(toolbarUndo.hasAttribute("aria-keyshortcuts")).toBe(false);
    fireEvent.click(undo);
    expect(await screen.findByText("Card unburied.")).toBeTruthy();
    expect(screen.getByText("Front 1")).toBeTruthy();
    expect(screen.queryByText("Back 1")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Show answer" }));
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    expect(toolbarUndo.getAttribute("aria-keyshortcuts")).toBe("U");

    // Suspend, then U: unsuspended, back in front; U did not undo a rating.
    fireEvent.click(screen.getByRole("button", { name: "Suspend" }));
    await screen.findByText("Card suspended.");
    await screen.findByText("Front 2");
    press("u");
    expect(await screen.findByText("Card unsuspended.")).toBeTruthy();
    expect(screen.getByText("Front 1")).toBeTruthy();
    expect(calls).toEqual(["unbury", "unsuspend"]);

    // Bury again, then rate the next card: the offer is gone and U undoes that rating, not the bury.
    fireEvent.click(screen.getByRole("button", { name: "Bury until tomorrow" }));
    await screen.findByText("Card buried until tomorrow.");
    await screen.findByText("Front 2");
    press(" ");
    await screen.findByText("Back 2");
    press("3");
    await waitFor(() => expect(screen.queryByText("Card buried until tomorrow.")).toBeNull());
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith(`${card(2).id}/reviews`))).toBe(true),
    );
    press("u");
    expect(await screen.findByText("Undid your last rating (good).")).toBeTruthy();
    expect(calls).toEqual(["unbury", "unsuspend", "undo rating"]);
  });

  it("when taking back a bury fails, then the message says the card is still buried", async () => {
    mockApi({
      "GET /api/me": me,
      [QUEUE]: { status: 200, body: { cards: [card(1), card(2)], counts: { learning: 0, review: 0, new: 2 } } },
      [`POST /api/flashcards/${card(1).id}/bury`]: {
        status: 200,
        body: { id: card(1).id, ...cardState, buriedUntil: "2026-11-26T00:00:00.000Z" },
      },
      [`DELETE /api/flashcards/${card(1).id}/bury`]: errorReply(404, "not_found", "No such card"),
    });
    renderApp("/flashcards");
    await screen.findByText("Front 1");
    fireEvent.click(screen.getByRole("button", { name: "Bury until tomorrow" }));
    fireEvent.click(await screen.findByRole("button", { name: "Undo" }));
    expect(await screen.findByText("The card is still buried: No such card")).toBeTruthy();
  });

  it("when sections are chosen, then the queue is fetched for them and the choice is kept on the device", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      [QUEUE]: { status: 200, body: { cards: [card(1)], counts: { learning: 0, review: 0, new: 1 } } },
      [`${QUEUE}&sections=flink,faq`]: {
        status: 200,
        body: { cards: [card(2)], counts: { learning: 0, review: 0, new: 1 } },
      },
      [`${QUEUE}&sections=flink`]: {
        status: 200,
        body: { cards: [card(3)], counts: { learning: 0, review: 0, new: 1 } },
      },
    });
    renderApp("/flashcards");
    await screen.findByText("Front 1");
    fireEvent.click(screen.getByLabelText("FAQ"));
    fireEvent.click(screen.getByLabelText("Flink"));
    expect(await screen.findByText("Front 2")).toBeTruthy();
    expect(screen.getByText(/Sections:/).textContent).toBe("Sections: Flink, FAQ");
    expect(JSON.parse(window.localStorage.getItem("wm.flashcards.sections")!)).toEqual(["flink", "faq"]);
    fireEvent.click(screen.getByLabelText("FAQ"));
    expect(await screen.findByText("Front 3")).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes("/reviews"))).toBe(false);
  });

  it("when nothing is due, then the screen says so", async () => {
    mockApi({
      "GET /api/me": me,
      [QUEUE]: { status: 200, body: { cards: [], counts: { learning: 0, review: 0, new: 0 } } },
    });
    renderApp("/flashcards");
    expect(await screen.findByRole("heading", { name: "All done for now" })).toBeTruthy();
  });
});

describe("cram", () => {
  beforeEach(() => window.localStorage.clear());

  it("when cramming, then Again sends the card to the back and Got it takes it out, and nothing is sent to the server", async () => {
    const cramCard = (n: number) => ({
      id: card(n).id,
      kind: "bank",
      front: `Front ${n}`,
      back: `Back ${n}`,
      section: "flink",
    });
    const fetchMock = mockApi({
      "GET /api/me": me,
      "GET /api/flashcards/cram?limit=500": { status: 200, body: { cards: [cramCard(1), cramCard(2)] } },
    });
    renderApp("/flashcards/cram");
    await screen.findByText("Front 1");
    expect(screen.getByText(/to go of 2/)).toBeTruthy();
    fireEvent.click(screen.getByText("Front 1"));
    await screen.findByText("Back 1");
    const bar = within(screen.getByRole("group", { name: "Did you know it?" }));
    expect(document.activeElement).toBe(bar.getByRole("button", { name: "Got it" }));
    fireEvent.click(bar.getByRole("button", { name: "Again" }));
    expect(await screen.findByText("Front 2")).toBeTruthy();
    press(" ");
    await screen.findByText("Back 2");
    press("2");
    expect(await screen.findByText("Front 1")).toBeTruthy();
    press(" ");
    press("2");
    expect(await screen.findByRole("heading", { name: "You went through every card" })).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([, init]) => (init?.method ?? "GET") !== "GET")).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Start over" }));
    expect(await screen.findByText("Front 1")).toBeTruthy();
  });
});

/** The day `days` from now in a time zone, as the date field writes it. */
const inDays = (days: number, timeZone = "Europe/Berlin") =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString("en-CA", { timeZone });

describe("study settings", () => {
  it("when a value is out of range, then the server's error names the field", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      "GET /api/me/study-settings": {
        status: 200,
        body: { desiredRetention: 0.9, newCardsPerDay: 20, interviewDate: null, timeZone: "Europe/Berlin" },
      },
      "PUT /api/me/study-settings": (body) =>
        (body as { newCardsPerDay: number }).newCardsPerDay > 500
          ? {
              ...errorReply(400, "validation_failed", "The request body is not valid"),
              body: {
                error: {
                  code: "validation_failed",
                  message: "bad",
                  details: [{ path: "newCardsPerDay", message: "must be at most 500" }],
                },
              },
            }
          : { status: 200, body },
    });
    renderApp("/flashcards/settings");
    const perDay = await screen.findByLabelText("New cards per day");
    fireEvent.change(perDay, { target: { value: "900" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect((await screen.findByRole("alert")).textContent).toContain("New cards per day must be at most 500");

    fireEvent.change(perDay, { target: { value: "15" } });
    const interviewDate = inDays(60);
    fireEvent.change(screen.getByLabelText("Interview date (optional)"), { target: { value: interviewDate } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Settings saved.")).toBeTruthy();
    expect(requestBodies(fetchMock, "PUT", "/api/me/study-settings").at(-1)).toEqual({
      desiredRetention: 0.9,
      newCardsPerDay: 15,
      interviewDate,
      timeZone: "Europe/Berlin",
    });
  });

  it("when the interview date has passed, then the form says so without calling the server", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      "GET /api/me/study-settings": {
        status: 200,
        body: { desiredRetention: 0.9, newCardsPerDay: 20, interviewDate: null, timeZone: "Europe/Berlin" },
      },
    });
    renderApp("/flashcards/settings");
    const date = await screen.findByLabelText("Interview date (optional)");
    expect(date.getAttribute("min")).toBe(inDays(0));

    fireEvent.change(date, { target: { value: inDays(-3) } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));

    expect((await screen.findByRole("alert")).textContent).toContain("Interview date has passed");
    expect(requestBodies(fetchMock, "PUT", "/api/me/study-settings")).toEqual([]);
  });
});

describe("interval labels", () => {
  it("reads like Anki's", () => {
    expect([30, 60, 600, 3 * 3600, 86_400, 3 * 86_400, 45 * 86_400, 400 * 86_400].map(formatInterval)).toEqual([
      "<1 min",
      "1 min",
      "10 min",
      "3 h",
      "1 d",
      "3 d",
      "1.5 mo",
      "1.1 y",
    ]);
    vi.unstubAllGlobals();
  });
});
