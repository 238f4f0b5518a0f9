import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { candidate, errorReply, mockApi, requestBodies } from "./support/mock-api";
import { renderApp } from "./support/render-app";
import { closedRound, openRound, ROUND_ID, roundPath } from "./support/rounds";

// This device's clock, and the server's: five minutes ahead of it. The countdown must follow the server.
const DEVICE_START = new Date("2026-03-02T10:00:00.000Z").getTime();
const SERVER_AHEAD_MS = 5 * 60_000;
const DEADLINE = new Date(DEVICE_START + SERVER_AHEAD_MS + 10 * 60_000);

const serverNow = () => new Date(Date.now() + SERVER_AHEAD_MS);
const setDeviceClock = (msAfterStart: number) => vi.setSystemTime(DEVICE_START + msAfterStart);
/** Moves the device clock by way of the countdown's next tick (it ticks every 500 ms). */
const tickTo = async (msAfterStart: number) => {
  setDeviceClock(msAfterStart - 500);
  await act(() => vi.advanceTimersByTimeAsync(500));
};

beforeEach(() => {
  // The clock and the countdown's ticks are faked; Testing Library and the save/finish retries keep real timeouts.
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  setDeviceClock(0);
});

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

function timer() {
  return screen.getByRole("timer", { name: "Time left" });
}

describe("round countdown", () => {
  it("when the server's clock differs from the device's, then the time left follows the server's deadline", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET ${roundPath}`]: () => ({ status: 200, body: openRound({ serverNow: serverNow(), deadline: DEADLINE }) }),
    });
    renderApp(`/rounds/${ROUND_ID}`);

    await screen.findByRole("timer", { name: "Time left" });
    // Ten minutes by the server; the device clock alone would have said fifteen.
    expect(timer().textContent).toBe("10:00");

    await tickTo(4 * 60_000 + 30_000);
    expect(timer().textContent).toBe("5:30");
    expect(screen.queryByText("One minute left")).toBeNull();
  });

  it("when one minute is left, then a status message says so", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET ${roundPath}`]: () => ({ status: 200, body: openRound({ serverNow: serverNow(), deadline: DEADLINE }) }),
    });
    renderApp(`/rounds/${ROUND_ID}`);
    await screen.findByRole("timer", { name: "Time left" });

    await tickTo(9 * 60_000 + 1_000);

    const warning = screen.getByText("One minute left");
    expect(warning.getAttribute("role")).toBe("status");
    expect(timer().textContent).toBe("0:59");
  });

  it("when the time reaches zero, then the round is finished and the results are shown", async () => {
    let finished = false;
    const fetchMock = mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET ${roundPath}`]: () => ({
        status: 200,
        body: finished ? closedRound("finished", DEADLINE) : openRound({ serverNow: serverNow(), deadline: DEADLINE }),
      }),
      [`POST ${roundPath}/finish`]: () => {
        finished = true;
        return { status: 200, body: closedRound("finished", DEADLINE) };
      },
    });
    const { router } = renderApp(`/rounds/${ROUND_ID}`);
    await screen.findByRole("timer", { name: "Time left" });

    await tickTo(10 * 60_000);

    expect(await screen.findByRole("heading", { level: 1, name: "Round results" })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/rounds/${ROUND_ID}/results`);
    expect(
      fetchMock.mock.calls.filter(([url, init]) => url === `${roundPath}/finish` && init?.method === "POST"),
    ).toHaveLength(1);
  });

  it("when the laptop wakes after the deadline and the server has already closed the round, then its state is fetched and the results shown", async () => {
    let closedByServer = false;
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET ${roundPath}`]: () => ({
        status: 200,
        body: closedByServer
          ? closedRound("expired", DEADLINE)
          : openRound({ serverNow: serverNow(), deadline: DEADLINE }),
      }),
      [`POST ${roundPath}/finish`]: () => errorReply(409, "round_closed", "This round is closed"),
    });
    renderApp(`/rounds/${ROUND_ID}`);
    await screen.findByRole("timer", { name: "Time left" });

    // Asleep for an hour: no ticks in between, the first one after waking sees the deadline long gone.
    closedByServer = true;
    await tickTo(60 * 60_000);

    expect(await screen.findByRole("heading", { level: 1, name: "Round results" })).toBeTruthy();
    expect(screen.getByText("Time ran out.")).toBeTruthy();
  });

  it("when the time runs out with a draft waiting to be saved, then the draft is sent before the round is finished", async () => {
    const order: string[] = [];
    const fetchMock = mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET ${roundPath}`]: () => ({ status: 200, body: openRound({ serverNow: serverNow(), deadline: DEADLINE }) }),
      [`PUT ${roundPath}/drafts/flink-state`]: () => {
        order.push("draft");
        return { status: 204 };
      },
      [`POST ${roundPath}/finish`]: () => {
        order.push("finish");
        return { status: 200, body: closedRound("finished", DEADLINE) };
      },
    });
    renderApp(`/rounds/${ROUND_ID}`);
    const box = await screen.findByRole("textbox", { name: "Your answer" });

    fireEvent.change(box, { target: { value: "Restores from the last checkpoint" } });
    await tickTo(10 * 60_000);

    await screen.findByRole("heading", { level: 1, name: "Round results" });
    expect(order).toEqual(["draft", "finish"]);
    expect(requestBodies(fetchMock, "PUT", `${roundPath}/drafts/flink-state`)).toEqual([
      { answer: "Restores from the last checkpoint" },
    ]);
  });
});
