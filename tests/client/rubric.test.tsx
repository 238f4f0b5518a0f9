import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { candidate, errorReply, mentor, mockApi, requestBodies } from "./support/mock-api";
import { renderApp, typeInto } from "./support/render-app";

const A1 = "a1a1a1a1-0000-4000-8000-000000000001";
const A2 = "a2a2a2a2-0000-4000-8000-000000000002";
const SLUG = "scenario-fraud-detection";

const answer = {
  id: A1,
  candidateId: candidate.id,
  question: { slug: SLUG, title: "Fraud", section: "scenarios", type: "free-text", prompt: "Which one?", version: 1 },
  source: "practice",
  roundId: null,
  answer: "Flink: its pipelined operators keep latency low",
  autoGrade: {
    score: 0.6,
    verdict: "partial",
    matched: [{ concept: "latency", evidence: "latency low" }],
    missed: [],
    flags: [],
  },
  effectiveGrade: { verdict: "partial", score: 0.6, overridden: false },
  overrides: [],
  commentCount: 0,
  submittedAt: "2026-11-20T10:00:00.000Z",
  timeSpentSeconds: 100,
  timeBudgetSeconds: 240,
  candidate: { id: candidate.id, displayName: candidate.displayName },
  comments: [],
  reviewed: false,
  parentAnswer: null,
  followUpAnswers: [],
  dispute: null,
  selfAssessment: null,
  reveal: {
    explanation: "Because.",
    modelAnswer: "Flink.",
    concepts: { latency: { label: "Latency", explanation: "" } },
  },
};

const entries = {
  slug: SLUG,
  title: "Fraud",
  concepts: [
    { id: "latency", label: "Latency" },
    { id: "event-at-a-time", label: "Event at a time" },
  ],
  misconceptions: [{ id: "batch-for-fraud", explanation: "Batch is too late" }],
};

const preview = {
  total: 3,
  changed: [
    { answerId: A1, from: "partial", to: "correct", ruling: "correct" },
    { answerId: A2, from: "incorrect", to: "partial" },
  ],
  agreementBefore: 0.5,
  agreementAfter: 1,
};

describe("rubric tools", () => {
  it("when a mentor types a phrase, picks a concept and previews, then each change shows against the ruling and the suggestion saves with its note", async () => {
    const fetchMock = mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      [`GET /api/answers/${A1}`]: { status: 200, body: answer },
      [`GET /api/rubric/questions/${SLUG}`]: { status: 200, body: entries },
      "POST /api/rubric/preview": { status: 200, body: preview },
      "POST /api/rubric/suggestions": {
        status: 201,
        body: {
          suggestion: {
            id: "5a5a5a5a-0000-4000-8000-000000000005",
            question: SLUG,
            concept: "event-at-a-time",
            phrase: "pipelined operators",
            note: "Seen twice",
            total: 3,
            changedCount: 2,
            agreementBefore: 0.5,
            agreementAfter: 1,
            createdBy: { id: mentor.id, name: mentor.displayName },
            createdAt: "2026-12-01T10:00:00.000Z",
          },
        },
      },
    });
    renderApp(`/answers/${A1}`);
    await screen.findByRole("heading", { name: "Suggest a rubric phrase" });

    // Too short, and no entry picked: said on the page, nothing sent.
    typeInto("Phrase", "p");
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/2 to 120 characters/);
    typeInto("Phrase", "  pipelined operators ");
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/Pick the concept or misconception/);
    expect(requestBodies(fetchMock, "POST", "/api/rubric/preview")).toEqual([]);

    fireEvent.change(screen.getByLabelText("It shows"), { target: { value: "concept:event-at-a-time" } });
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    await screen.findByText(/2 of 3 answers would change verdict/);
    expect(requestBodies(fetchMock, "POST", "/api/rubric/preview")).toEqual([
      { question: SLUG, phrase: "pipelined operators", concept: "event-at-a-time" },
    ]);
    const table = screen.getByRole("table");
    const [, mine, other] = within(table).getAllByRole("row");
    expect(mine!.textContent).toMatch(/This answer.*Partly correct.*Correct.*Agrees with your ruling/);
    expect(other!.textContent).toMatch(/Answer 2.*Incorrect.*Partly correct.*No ruling/);
    expect(within(other!).getByRole("link", { name: "Answer 2" }).getAttribute("href")).toBe(`/answers/${A2}`);

    typeInto("Note for the maintainer (optional)", " Seen twice ");
    fireEvent.click(screen.getByRole("button", { name: "Save suggestion" }));
    await screen.findByText(/Suggestion saved/);
    expect(requestBodies(fetchMock, "POST", "/api/rubric/suggestions")).toEqual([
      { question: SLUG, phrase: "pipelined operators", concept: "event-at-a-time", note: "Seen twice" },
    ]);

    // Editing the phrase retires the preview: Save needs a fresh one.
    typeInto("Phrase", "pipelined operator");
    expect(screen.queryByRole("button", { name: "Save suggestion" })).toBeNull();
  });

  it("when the preview is refused, then the server's message shows", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      [`GET /api/answers/${A1}`]: { status: 200, body: answer },
      [`GET /api/rubric/questions/${SLUG}`]: { status: 200, body: entries },
      "POST /api/rubric/preview": errorReply(404, "not_found", "No such question"),
    });
    renderApp(`/answers/${A1}`);
    await screen.findByRole("heading", { name: "Suggest a rubric phrase" });
    typeInto("Phrase", "overnight job");
    fireEvent.change(screen.getByLabelText("It shows"), { target: { value: "misconception:batch-for-fraud" } });
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/No such question/);
  });

  it("when a candidate opens their answer, then there is no suggester", async () => {
    const fetchMock = mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      [`GET /api/answers/${A1}`]: { status: 200, body: answer },
    });
    renderApp(`/answers/${A1}`);
    await screen.findByRole("heading", { name: "Which one?" });
    expect(screen.queryByRole("heading", { name: "Suggest a rubric phrase" })).toBeNull();
    expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain(`/api/rubric/questions/${SLUG}`);
  });

  it("when a mentor has no rulings yet, then Rubric health says so and points at the queue", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: mentor } },
      "GET /api/rubric/health": { status: 200, body: { questions: [] } },
    });
    renderApp("/mentor/rubric");
    await screen.findByText(/No rulings yet/);
    expect(screen.getByRole("link", { name: "Open the review queue" }).getAttribute("href")).toBe("/mentor/queue");
  });
});
