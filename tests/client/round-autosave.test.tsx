import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { candidate, errorReply, mockApi, requestBodies, type Reply } from "./support/mock-api";
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
const draftPath = `${roundPath}/drafts/${freeTextQuestion.slug}`;
const draftKey = `watermark:round:${ROUND_ID}:draft:${freeTextQuestion.slug}`;
const submissionKey = `watermark:round:${ROUND_ID}:submission:${freeTextQuestion.slug}`;
// The draft sync's clock is moved by hand (its debounce is 800 ms, its first retry 1 s) rather than waited for.
// shouldAdvanceTime keeps zero-delay timers (React Query's notifications) running as they would.
const DEBOUNCE_MS = 800;
const FIRST_RETRY_MS = 1000;
const elapse = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"], shouldAdvanceTime: true });
});

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

const saveStatus = () => screen.getByTestId("save-status").textContent;

async function openAndType(text: string) {
  const box = await screen.findByRole("textbox", { name: "Your answer" });
  fireEvent.change(box, { target: { value: text } });
  return box;
}

const networkDown = (): Reply => {
  throw new TypeError("Failed to fetch");
};

describe("round autosave", () => {
  it("when the candidate types, then the draft is kept locally, saved after a pause, and the indicator says so", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft() },
      [`PUT ${draftPath}`]: { status: 204 },
    });
    renderApp(`/rounds/${ROUND_ID}`);

    await screen.findByRole("textbox", { name: "Your answer" });
    // A new round has saved nothing yet, so it does not say "Saved".
    expect(saveStatus()).toBe("Drafts save as you type");
    await openAndType("Flink restores");
    await openAndType("Flink restores from checkpoints");

    expect(saveStatus()).toBe("Saving…");
    expect(JSON.parse(localStorage.getItem(draftKey) ?? "{}").answer).toBe("Flink restores from checkpoints");
    expect(screen.getByTestId("save-status").getAttribute("aria-live")).toBe("polite");

    await elapse(DEBOUNCE_MS);
    expect(saveStatus()).toBe("Saved");
    // Debounced: only the latest text went, once.
    expect(requestBodies(fetchMock, "PUT", draftPath)).toEqual([{ answer: "Flink restores from checkpoints" }]);
    expect(localStorage.getItem(draftKey)).toBeNull();
  });

  it("when the connection is down, then the indicator says offline, keeps the draft and resends it when the browser is back online", async () => {
    let online = false;
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft() },
      [`PUT ${draftPath}`]: () => (online ? { status: 204 } : networkDown()),
    });
    renderApp(`/rounds/${ROUND_ID}`);

    await openAndType("Written on a train");

    await elapse(DEBOUNCE_MS);
    expect(saveStatus()).toBe("Offline — will retry");
    expect(JSON.parse(localStorage.getItem(draftKey) ?? "{}").answer).toBe("Written on a train");

    online = true;
    await act(() => window.dispatchEvent(new Event("online")));

    await waitFor(() => expect(saveStatus()).toBe("Saved"));
    expect(requestBodies(fetchMock, "PUT", draftPath).at(-1)).toEqual({ answer: "Written on a train" });
    expect(localStorage.getItem(draftKey)).toBeNull();
  });

  it("when the server fails for a moment, then the save is retried on its own after a pause", async () => {
    let calls = 0;
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft() },
      [`PUT ${draftPath}`]: () =>
        ++calls === 1 ? errorReply(503, "database_unavailable", "Try later") : { status: 204 },
    });
    renderApp(`/rounds/${ROUND_ID}`);

    await openAndType("Barriers flow with the data");

    await elapse(DEBOUNCE_MS);
    expect(saveStatus()).toBe("Couldn't save — will retry");
    await elapse(FIRST_RETRY_MS);
    expect(saveStatus()).toBe("Saved");
    expect(requestBodies(fetchMock, "PUT", draftPath)).toHaveLength(2);
  });

  it("when a local draft is newer than the server's, then it is restored on load and sent again", async () => {
    localStorage.setItem(draftKey, JSON.stringify({ answer: "Typed just before the crash", savedAt: Date.now() }));
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: {
        status: 200,
        body: roundWithTimeLeft([{ ...freeTextQuestion, draft: "Older server draft" }, choiceQuestion]),
      },
      [`PUT ${draftPath}`]: { status: 204 },
    });
    renderApp(`/rounds/${ROUND_ID}`);

    const box = await screen.findByRole<HTMLTextAreaElement>("textbox", { name: "Your answer" });
    expect(box.value).toBe("Typed just before the crash");

    await elapse(DEBOUNCE_MS);
    expect(requestBodies(fetchMock, "PUT", draftPath)).toEqual([{ answer: "Typed just before the crash" }]);
    await waitFor(() => expect(saveStatus()).toBe("Saved"));
    expect(localStorage.getItem(draftKey)).toBeNull();
  });

  it("when the local copy matches the server's draft, then the server's draft shows and nothing is resent", async () => {
    localStorage.setItem(draftKey, JSON.stringify({ answer: "Same text", savedAt: Date.now() }));
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: {
        status: 200,
        body: roundWithTimeLeft([{ ...freeTextQuestion, draft: "Same text" }, choiceQuestion]),
      },
    });
    renderApp(`/rounds/${ROUND_ID}`);

    const box = await screen.findByRole<HTMLTextAreaElement>("textbox", { name: "Your answer" });
    expect(box.value).toBe("Same text");
    expect(saveStatus()).toBe("Saved");
    expect(requestBodies(fetchMock, "PUT", draftPath)).toEqual([]);
    expect(localStorage.getItem(draftKey)).toBeNull();
  });

  it("when the question was answered on another device, then a stale local draft is ignored and the answer shown read-only", async () => {
    localStorage.setItem(draftKey, JSON.stringify({ answer: "Stale local text", savedAt: Date.now() }));
    const answered = { ...freeTextQuestion, answer: "The submitted answer", answeredAt: new Date().toISOString() };
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft([answered, choiceQuestion]) },
    });
    renderApp(`/rounds/${ROUND_ID}?q=1`);

    const box = await screen.findByRole<HTMLTextAreaElement>("textbox", { name: "Your answer" });
    expect(box.value).toBe("The submitted answer");
    expect(box.readOnly).toBe(true);
    expect(screen.queryByRole("button", { name: "Submit answer" })).toBeNull();
    expect(requestBodies(fetchMock, "PUT", draftPath)).toEqual([]);
  });

  it("when the server says the round has closed, then the page moves to the results", async () => {
    let closed = false;
    mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: () => ({
        status: 200,
        body: closed ? closedRound("expired", new Date()) : roundWithTimeLeft(),
      }),
      [`PUT ${draftPath}`]: () => {
        closed = true;
        return errorReply(409, "round_closed", "This round is closed");
      },
    });
    const { router } = renderApp(`/rounds/${ROUND_ID}`);

    await openAndType("Too late");
    await elapse(DEBOUNCE_MS);

    expect(await screen.findByRole("heading", { level: 1, name: "Round results" })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/rounds/${ROUND_ID}/results`);
  });
});

describe("submitting an answer in a round", () => {
  it("when the first attempt loses its connection, then pressing Submit answer again reuses the same idempotency key", async () => {
    let online = false;
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft() },
      [`PUT ${draftPath}`]: { status: 204 },
      [`POST ${roundPath}/answers`]: () =>
        online
          ? { status: 201, body: { question: freeTextQuestion.slug, answeredAt: new Date().toISOString() } }
          : networkDown(),
    });
    renderApp(`/rounds/${ROUND_ID}`);
    await openAndType("Checkpoints and barriers");

    fireEvent.click(screen.getByRole("button", { name: "Submit answer" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/offline/i);
    expect(JSON.parse(localStorage.getItem(submissionKey) ?? "{}").answer).toBe("Checkpoints and barriers");

    online = true;
    fireEvent.click(screen.getByRole("button", { name: "Submit answer" }));

    expect(await screen.findByText(/^Submitted/)).toBeTruthy();
    const bodies = requestBodies(fetchMock, "POST", `${roundPath}/answers`) as {
      idempotencyKey: string;
      answer: string;
    }[];
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.idempotencyKey).toBeTruthy();
    expect(bodies[1]?.idempotencyKey).toBe(bodies[0]?.idempotencyKey);
    expect(bodies[1]).toMatchObject({ question: freeTextQuestion.slug, answer: "Checkpoints and barriers" });
    expect(localStorage.getItem(submissionKey)).toBeNull();
  });

  it("when a submission from an earlier visit never got its reply, then it is resent on load with its stored key", async () => {
    localStorage.setItem(
      submissionKey,
      JSON.stringify({ answer: "Sent before the reload", idempotencyKey: "key-from-last-visit" }),
    );
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${roundPath}`]: { status: 200, body: roundWithTimeLeft() },
      [`POST ${roundPath}/answers`]: {
        status: 201,
        body: { question: freeTextQuestion.slug, answeredAt: new Date().toISOString() },
      },
    });
    renderApp(`/rounds/${ROUND_ID}`);

    await waitFor(() =>
      expect(requestBodies(fetchMock, "POST", `${roundPath}/answers`)).toEqual([
        { question: freeTextQuestion.slug, answer: "Sent before the reload", idempotencyKey: "key-from-last-visit" },
      ]),
    );
    expect(await screen.findByText(/^Submitted/)).toBeTruthy();
  });
});
