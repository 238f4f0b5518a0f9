import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { candidate, errorReply, mockApi } from "./support/mock-api";
import { renderApp } from "./support/render-app";

const me = { status: 200, body: { user: candidate } };
const STATS = "/api/flashcards/stats";
const calls = (fetchMock: ReturnType<typeof mockApi>, path: string) =>
  fetchMock.mock.calls.filter(([url]) => url === path).length;

afterEach(() => {
  vi.useRealTimers();
});

describe("when the API fails", () => {
  it("when a load answers 5xx, then it is tried once more and the page says so with a Try again button", async () => {
    // The retry's 500 ms pause is moved by hand; shouldAdvanceTime keeps React Query's zero-delay timers running.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"], shouldAdvanceTime: true });
    const fetchMock = mockApi({
      "GET /api/me": me,
      [`GET ${STATS}`]: errorReply(503, "not_ready", "The database is not reachable"),
    });
    renderApp("/flashcards/stats");

    await waitFor(() => expect(calls(fetchMock, STATS)).toBe(1));
    await act(() => vi.advanceTimersByTimeAsync(500));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("We couldn't load your stats. The database is not reachable");
    expect(calls(fetchMock, STATS)).toBe(2);

    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(calls(fetchMock, STATS)).toBe(3));
  });

  it("when a load answers 4xx, then it is not retried: the same request would get the same answer", async () => {
    const fetchMock = mockApi({ "GET /api/me": me, [`GET ${STATS}`]: errorReply(403, "forbidden", "Not for you") });
    renderApp("/flashcards/stats");

    expect((await screen.findByRole("alert")).textContent).toContain("Not for you");
    expect(calls(fetchMock, STATS)).toBe(1);
  });
});
