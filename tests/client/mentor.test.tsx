import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { candidate, errorReply, mentor, mockApi, requestBodies } from "./support/mock-api";
import { renderApp } from "./support/render-app";

const A1 = "a1a1a1a1-0000-4000-8000-000000000001";
const A2 = "a2a2a2a2-0000-4000-8000-000000000002";

/** The candidate as answers name them. */
const author = { id: candidate.id, displayName: candidate.displayName };

const grade = (verdict: "correct" | "partial" | "incorrect", score: number) => ({
  score,
  verdict,
  matched: [{ concept: "latency", evidence: "100 ms" }],
  missed: [{ concept: "state", hint: "Mention state" }],
  flags: [],
});

const item = (id: string, prompt: string, extra: object = {}) => ({
  id,
  candidateId: candidate.id,
  question: { slug: `q-${id}`, title: `Question ${id}`, section: "scenarios", type: "free-text", prompt, version: 1 },
  source: "practice",
  roundId: null,
  answer: "Flink because 100 ms is too tight for micro-batches",
  autoGrade: grade("partial", 0.4),
  effectiveGrade: { verdict: "partial", score: 0.4, overridden: false },
  overrides: [],
  commentCount: 0,
  dispute: null,
  selfAssessment: null,
  submittedAt: "2026-11-20T10:00:00.000Z",
  timeSpentSeconds: 300,
  timeBudgetSeconds: 240,
  ...extra,
});

const detail = (id: string, prompt: string, extra: object = {}) => ({
  ...item(id, prompt),
  candidate: author,
  comments: [],
  reviewed: false,
  dispute: null,
  selfAssessment: null,
  parentAnswer: null,
  followUpAnswers: [],
  reveal: {
    explanation: "Because.",
    modelAnswer: "Flink.",
    concepts: { latency: { label: "Latency", explanation: "" }, state: { label: "State", explanation: "" } },
  },
  ...extra,
});

describe("mentor review", () => {
  it("when a mentor works the queue with the keyboard, then j/k move between answers and c confirms the grade", async () => {
    const fetchMock = mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      "GET /api/review/queue?limit=100": {
        status: 200,
        body: {
          total: 2,
          items: [
            { ...item(A1, "First prompt"), candidate: author, uncertainty: 1, disputed: false },
            { ...item(A2, "Second prompt"), candidate: author, uncertainty: 0, disputed: false },
          ],
        },
      },
      [`GET /api/answers/${A1}`]: { status: 200, body: detail(A1, "First prompt") },
      [`GET /api/answers/${A2}`]: { status: 200, body: detail(A2, "Second prompt") },
      [`POST /api/answers/${A2}/confirm`]: { status: 200, body: { reviewed: true } },
    });
    renderApp("/mentor/queue");

    expect(await screen.findByRole("heading", { name: "First prompt" })).toBeTruthy();
    expect(screen.getByText(/Answer 1 of 2/)).toBeTruthy();
    fireEvent.keyDown(window, { key: "j" });
    expect(await screen.findByRole("heading", { name: "Second prompt" })).toBeTruthy();
    fireEvent.keyDown(window, { key: "c" });
    await screen.findByText(/Answer 2 of 2/);
    await waitFor(() => expect(requestBodies(fetchMock, "POST", `/api/answers/${A2}/confirm`)).toEqual([{}]));
    fireEvent.keyDown(window, { key: "k" });
    expect(await screen.findByRole("heading", { name: "First prompt" })).toBeTruthy();
    // The evidence that earned credit is highlighted in the answer.
    expect(screen.getByText("100 ms").tagName).toBe("MARK");
  });

  it("when an override has no reason, then the form says so and nothing is sent", async () => {
    const fetchMock = mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      [`GET /api/answers/${A1}`]: { status: 200, body: detail(A1, "First prompt") },
    });
    renderApp(`/answers/${A1}`);
    fireEvent.click(await screen.findByRole("button", { name: "Save override" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/reason/i);
    expect(requestBodies(fetchMock, "POST", `/api/answers/${A1}/override`)).toEqual([]);
  });

  it("when a candidate opens an overridden answer, then both grades, the ruling and the comment show as plain text", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET /api/answers/${A1}`]: {
        status: 200,
        body: detail(A1, "First prompt", {
          effectiveGrade: { verdict: "correct", score: 0.8, overridden: true },
          overrides: [
            {
              id: "0e0e0e0e-0000-4000-8000-000000000001",
              verdict: "correct",
              score: 0.8,
              fromVerdict: "partial",
              fromScore: 0.4,
              reason: "Good enough",
              by: { id: mentor.id, displayName: "Grace Hopper" },
              at: "2026-11-21T10:00:00.000Z",
            },
          ],
          comments: [
            {
              id: "0c0c0c0c-0000-4000-8000-000000000001",
              body: "<img src=x onerror=alert(1)>",
              author: { id: mentor.id, displayName: "Grace Hopper", role: "mentor" },
              at: "2026-11-21T10:00:00.000Z",
            },
          ],
        }),
      },
    });
    renderApp(`/answers/${A1}`);
    const rulings = await screen.findByRole("heading", { name: "Mentor rulings" });
    const section = rulings.closest("section")!;
    expect(within(section).getByText("Good enough")).toBeTruthy();
    expect(screen.getByText(/grader said partly correct/)).toBeTruthy();
    expect(screen.getByText("<img src=x onerror=alert(1)>")).toBeTruthy();
    expect(document.querySelector("img[src=x]")).toBeNull();
    expect(screen.queryByRole("button", { name: "Save override" })).toBeNull();
  });

  it("when a candidate opens a mentor page, then it is the not-found page", async () => {
    mockApi({ "GET /api/me": { status: 200, body: { user: candidate } } });
    renderApp("/mentor/queue");

    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
    expect(screen.queryByText(/Only mentors/)).toBeNull();
    expect(screen.queryByRole("heading", { name: "Review queue" })).toBeNull();
  });

  it("when the candidate is no longer linked, then one plain state shows, without filters, export or failing panels", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      "GET /api/candidates": { status: 200, body: { items: [] } },
      [`GET /api/candidates/${candidate.id}/progress`]: errorReply(404, "not_found", "No such candidate"),
    });
    renderApp(`/mentor/candidates/${candidate.id}`);

    expect(await screen.findByRole("heading", { level: 1, name: "This candidate isn't linked to you" })).toBeTruthy();
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(screen.queryByText("No such candidate")).toBeNull();
    expect(screen.queryByRole("link", { name: "Download CSV" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Answers" })).toBeNull();
  });

  it("when an answer was opened from a candidate's page, then its back link returns there; opened directly, to the queue", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      [`GET /api/answers/${A1}`]: { status: 200, body: detail(A1, "First prompt") },
    });
    renderApp({ pathname: `/answers/${A1}`, state: { from: `/mentor/candidates/${candidate.id}?page=2` } });
    const back = await screen.findByRole("link", { name: "← Candidate" });
    expect(back.getAttribute("href")).toBe(`/mentor/candidates/${candidate.id}?page=2`);
  });

  it("when a mentor opens an answer by its address, then the back link leads to the review queue", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      [`GET /api/answers/${A1}`]: { status: 200, body: detail(A1, "First prompt") },
    });
    renderApp({ pathname: `/answers/${A1}`, state: { from: "https://evil.example/" } });
    expect((await screen.findByRole("link", { name: "← Review queue" })).getAttribute("href")).toBe("/mentor/queue");
  });
});
