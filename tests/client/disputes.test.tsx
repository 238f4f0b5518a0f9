import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { candidate, mentor, mockApi, requestBodies } from "./support/mock-api";
import { renderApp } from "./support/render-app";

const A1 = "a1a1a1a1-0000-4000-8000-000000000001";

const detail = (extra: object = {}) => ({
  id: A1,
  candidateId: candidate.id,
  question: {
    slug: "q-1",
    title: "Fraud blocking",
    section: "scenarios",
    type: "free-text",
    prompt: "Which framework?",
    version: 1,
  },
  source: "practice",
  roundId: null,
  answer: "Spark batch, it is cheaper",
  autoGrade: { score: 0.1, verdict: "incorrect", matched: [], missed: [], flags: [], confidence: "low" },
  effectiveGrade: { verdict: "incorrect", score: 0.1, overridden: false },
  overrides: [],
  commentCount: 0,
  dispute: null,
  selfAssessment: null,
  submittedAt: "2026-11-20T10:00:00.000Z",
  timeSpentSeconds: 60,
  timeBudgetSeconds: 240,
  candidate: { id: candidate.id, displayName: candidate.displayName },
  comments: [],
  reviewed: false,
  parentAnswer: null,
  followUpAnswers: [],
  reveal: { explanation: "Because.", modelAnswer: "Flink." },
  ...extra,
});

const openDispute = {
  reason: "Cost decides this one",
  status: "open",
  createdAt: "2026-11-21T10:00:00.000Z",
};

describe("disputes and self-assessment", () => {
  it("when the owner disputes, then the reason is counted live, checked for length, and sent trimmed", async () => {
    const fetchMock = mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET /api/answers/${A1}`]: { status: 200, body: detail() },
      [`POST /api/answers/${A1}/dispute`]: { status: 201, body: { dispute: openDispute } },
    });
    renderApp(`/answers/${A1}`);
    fireEvent.click(await screen.findByRole("button", { name: "Dispute this grade" }));
    const reason = screen.getByLabelText("Why is the grade wrong?");
    fireEvent.change(reason, { target: { value: "  too short " } });
    expect(screen.getByText("9/1000 characters (at least 10)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Submit dispute" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/at least 10/);
    expect(requestBodies(fetchMock, "POST", `/api/answers/${A1}/dispute`)).toEqual([]);

    fireEvent.change(reason, { target: { value: "  Cost decides this one  " } });
    fireEvent.click(screen.getByRole("button", { name: "Submit dispute" }));
    await waitFor(() =>
      expect(requestBodies(fetchMock, "POST", `/api/answers/${A1}/dispute`)).toEqual([
        { reason: "Cost decides this one" },
      ]),
    );
  });

  it("when a low-confidence answer is self-assessed, then the verdict is PUT and shown as pressed", async () => {
    const fetchMock = mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET /api/answers/${A1}`]: {
        status: 200,
        body: detail({ selfAssessment: { verdict: "partial", createdAt: "2026-11-21T10:00:00.000Z" } }),
      },
      [`PUT /api/answers/${A1}/self-assessment`]: {
        status: 200,
        body: { selfAssessment: { verdict: "correct", createdAt: "2026-11-21T11:00:00.000Z" } },
      },
    });
    renderApp(`/answers/${A1}`);
    const partly = await screen.findByRole("button", { name: "Partly correct" });
    expect(partly.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText("You assessed it as partly correct.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Correct" }));
    await waitFor(() =>
      expect(requestBodies(fetchMock, "PUT", `/api/answers/${A1}/self-assessment`)).toEqual([{ verdict: "correct" }]),
    );
  });

  it("when a mentor opens a disputed answer, then the reason shows above the review and Confirm sends the reply", async () => {
    const fetchMock = mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      [`GET /api/answers/${A1}`]: { status: 200, body: detail({ dispute: openDispute }) },
      [`POST /api/answers/${A1}/confirm`]: { status: 200, body: { reviewed: true } },
    });
    renderApp(`/answers/${A1}`);
    expect(await screen.findByRole("heading", { name: "The candidate disputes this grade" })).toBeTruthy();
    expect(screen.getByText("Cost decides this one")).toBeTruthy();
    // Only the owner disputes or assesses.
    expect(screen.queryByRole("button", { name: "Dispute this grade" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Partly correct" })).toBeNull();
    fireEvent.change(screen.getByLabelText(/Reply to the dispute/), { target: { value: " The rubric wants state " } });
    fireEvent.click(screen.getByRole("button", { name: "Confirm grade" }));
    await waitFor(() =>
      expect(requestBodies(fetchMock, "POST", `/api/answers/${A1}/confirm`)).toEqual([
        { reply: "The rubric wants state" },
      ]),
    );
  });

  it("when the dispute was resolved, then the owner reads the resolution, the mentor and the reply, and no button to dispute again", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET /api/answers/${A1}`]: {
        status: 200,
        body: detail({
          dispute: {
            ...openDispute,
            status: "resolved",
            resolvedAt: "2026-11-22T10:00:00.000Z",
            resolvedBy: { id: mentor.id, name: "Grace Hopper" },
            resolution: "rejected",
            reply: "The grade stands",
          },
        }),
      },
    });
    renderApp(`/answers/${A1}`);
    expect(await screen.findByRole("heading", { name: "Your dispute" })).toBeTruthy();
    expect(screen.getAllByText("Dispute rejected").length).toBeGreaterThan(0);
    expect(screen.getByText(/Rejected by Grace Hopper/)).toBeTruthy();
    expect(screen.getByText("The grade stands")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Dispute this grade" })).toBeNull();
    // The low-confidence grade was ruled on: it is no longer shown as provisional.
    expect(screen.queryByText("We're not sure about this one")).toBeNull();
  });

  it("when a low-confidence grade has no ruling yet, then it is shown as provisional", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET /api/answers/${A1}`]: { status: 200, body: detail({}) },
    });
    renderApp(`/answers/${A1}`);
    expect(await screen.findByText("We're not sure about this one")).toBeTruthy();
  });
});
