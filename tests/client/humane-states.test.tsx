import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Loading } from "../../client/src/components/ui/page-status";
import { SkeletonList } from "../../client/src/components/ui/skeleton";
import { candidate, mentor, mockApi, type Reply } from "./support/mock-api";
import { renderApp } from "./support/render-app";

const me = { status: 200, body: { user: candidate } };
const asMentor = { status: 200, body: { user: mentor } };

/** A reply held back until the test lets it go, so the page can be looked at while it waits. */
function held(reply: Reply) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { handler: async () => (await gate, reply), release };
}

const question = (slug: string, title: string, prompt: string) => ({
  slug,
  title,
  section: "flink",
  type: "free-text",
  difficulty: "medium",
  tags: [],
  prompt,
  version: 1,
  timeBudgetSeconds: 240,
});
const checkpoints = question(
  "flink-checkpoints",
  "Checkpoints in Flink",
  "How does Flink take a consistent snapshot of keyed state while records keep flowing?",
);
const page = (items: unknown[]) => ({ status: 200, body: { items, total: items.length, page: 1, pageSize: 20 } });
const noAnswers = { status: 200, body: { items: [], nextCursor: null } };

describe("loading states", () => {
  it("when a part of a page loads, then a status says what with a spinner hidden from assistive tech", () => {
    render(<Loading>Loading your stats…</Loading>);
    const status = screen.getByRole("status");
    expect(status.textContent).toBe(" Loading your stats…");
    expect(status.querySelector(".spinner")?.getAttribute("aria-hidden")).toBe("true");
  });

  it("when a list loads, then grey rows stand in for it and the words are said once", () => {
    render(<SkeletonList words="Loading answers…" rows={4} />);
    const status = screen.getByRole("status");
    expect(status.querySelectorAll(".skeleton-card[aria-hidden='true']")).toHaveLength(4);
    // Seen in the first row, heard from the hidden line: a screen reader gets the words once.
    expect(within(status).getAllByText("Loading answers…")).toHaveLength(2);
    expect(status.querySelector(".visually-hidden")?.textContent).toBe("Loading answers…");
  });

  it("when the practice list loads, and later refetches, then it shows skeleton rows, then keeps the rows at full strength with an updating status", async () => {
    const first = held(page([checkpoints]));
    const refetch = held(page([]));
    mockApi({
      "GET /api/me": me,
      "GET /api/questions?page=1&pageSize=20": first.handler,
      "GET /api/questions?q=savepoint&page=1&pageSize=20": refetch.handler,
    });
    const { router } = renderApp("/practice");
    const skeleton = await screen.findByText("Loading questions…", { selector: ".visually-hidden" });
    expect(skeleton.closest("[role=status]")!.querySelectorAll(".skeleton-card")).toHaveLength(3);
    first.release();

    // The row reads as the question's title, with the prompt under it.
    const link = await screen.findByRole("link", { name: checkpoints.title });
    const row = link.closest("li")!;
    expect(within(row).getByText(checkpoints.prompt).className).toBe("question-item-prompt");

    await router.navigate("/practice?q=savepoint");
    // The old rows stay as they were (no dimming that would fail contrast); the list says it is busy.
    const list = row.closest("ol")!;
    await waitFor(() => expect(list.getAttribute("aria-busy")).toBe("true"));
    expect(list.getAttribute("style")).toBeNull();
    const count = document.querySelector(".result-count")!;
    expect(count.getAttribute("role")).toBe("status");
    expect(count.textContent).toContain("Updating the list…");
    refetch.release();
    await screen.findByText(/No questions match “savepoint”/);
  });

  it("when a searched word is only in a prompt, then that row shows its prompt whole", async () => {
    mockApi({ "GET /api/me": me, "GET /api/questions?q=flowing&page=1&pageSize=20": page([checkpoints]) });
    renderApp("/practice?q=flowing");
    const link = await screen.findByRole("link", { name: checkpoints.title });
    expect(link.closest("ol")!.className).toContain("question-list-searched");
    expect(link.closest("li")!.textContent).toContain("records keep flowing");
  });

  it("when the answers load, then grey rows with words stand in for them", async () => {
    const answers = held(noAnswers);
    mockApi({ "GET /api/me": me, "GET /api/answers?limit=20": answers.handler });
    renderApp("/history");
    expect(await screen.findByText("Loading answers…", { selector: ".visually-hidden" })).toBeTruthy();
    answers.release();
    await screen.findByText(/You haven't answered a question yet/);
  });

  it("when the review queue loads, then grey rows with words stand in for it", async () => {
    const queue = held({ status: 200, body: { items: [], total: 0 } });
    mockApi({ "GET /api/me": asMentor, "GET /api/review/queue?limit=100": queue.handler });
    renderApp("/mentor/queue");
    expect(await screen.findByText("Loading the queue…", { selector: ".visually-hidden" })).toBeTruthy();
    queue.release();
    await screen.findByText(/Nothing to review/);
  });
});

describe("questions named by title", () => {
  it("when answers are listed, then each row links by the question's title with the prompt under it", async () => {
    const answer = {
      id: "a1a1a1a1-0000-4000-8000-000000000001",
      candidateId: candidate.id,
      question: { ...checkpoints, version: 1 },
      source: "practice",
      roundId: null,
      answer: "Barriers flow with the records.",
      autoGrade: { score: 1, verdict: "correct", matched: [], missed: [], flags: [] },
      effectiveGrade: { verdict: "correct", score: 1, overridden: false },
      overrides: [],
      commentCount: 0,
      dispute: null,
      selfAssessment: null,
      submittedAt: "2026-11-20T10:00:00.000Z",
      timeSpentSeconds: 60,
      timeBudgetSeconds: 240,
    };
    const { slug, title, section, type, prompt } = checkpoints;
    mockApi({
      "GET /api/me": me,
      "GET /api/answers?limit=20": {
        status: 200,
        body: {
          items: [{ ...answer, question: { slug, title, section, type, prompt, version: 1 } }],
          nextCursor: null,
        },
      },
    });
    renderApp("/history");
    const link = await screen.findByRole("link", { name: title });
    expect(link.getAttribute("href")).toBe(`/answers/${answer.id}`);
    expect(within(link.closest("li")!).getByText(prompt).className).toBe("history-row-prompt");
  });
});

describe("empty states say what to do next", () => {
  it("when a candidate has no answers, then History offers a question to practise; with filters, a way to clear them", async () => {
    mockApi({
      "GET /api/me": me,
      "GET /api/answers?limit=20": noAnswers,
      "GET /api/answers?verdict=correct&limit=20": noAnswers,
    });
    const { router } = renderApp("/history");
    const empty = (await screen.findByText(/You haven't answered a question yet/)).parentElement!;
    expect(within(empty).getByRole("link", { name: "Practise a question" }).getAttribute("href")).toBe("/practice");

    await router.navigate("/history?verdict=correct");
    const filtered = (await screen.findByText(/No answers match these filters/)).parentElement!;
    fireEvent.click(within(filtered).getByRole("link", { name: "Clear the filters" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("when no round was sat, then the rounds page brings the person to the form to start one", async () => {
    mockApi({
      "GET /api/me": me,
      "GET /api/rounds?page=1&pageSize=10": { status: 200, body: { items: [], total: 0, page: 1, pageSize: 10 } },
    });
    renderApp("/rounds");
    await screen.findByText(/haven't sat a round yet/);
    fireEvent.click(screen.getByRole("button", { name: "Set up your first round" }));
    expect(document.activeElement).toBe(screen.getByLabelText("Number of questions"));
  });

  it("when a mentor has nothing to review, no candidates and no rulings, then each page links to the next step", async () => {
    mockApi({
      "GET /api/me": asMentor,
      "GET /api/review/queue?limit=100": { status: 200, body: { items: [], total: 0 } },
      "GET /api/candidates": { status: 200, body: { items: [] } },
      "GET /api/review/agreement": {
        status: 200,
        body: {
          total: 0,
          labels: [],
          matrix: [],
          agreement: 0,
          kappa: 0,
          perQuestion: [],
          mostDisagreed: [],
          selfAssessments: { total: 0, agreement: 0, kappa: 0 },
        },
      },
    });
    const { router } = renderApp("/mentor/queue");
    const queue = (await screen.findByText(/Nothing to review/)).parentElement!;
    expect(within(queue).getByRole("link", { name: "See your candidates" }).getAttribute("href")).toBe(
      "/mentor/candidates",
    );

    await router.navigate("/mentor/candidates");
    const candidates = (await screen.findByText(/No candidates yet/)).parentElement!;
    expect(within(candidates).getByRole("link", { name: "Enter an invite code" }).getAttribute("href")).toBe(
      "#invite-code",
    );
    expect(document.getElementById("invite-code")).not.toBeNull();

    await router.navigate("/mentor/agreement");
    const agreement = (await screen.findByText(/No rulings yet/)).parentElement!;
    expect(within(agreement).getByRole("link", { name: "Open the review queue" }).getAttribute("href")).toBe(
      "/mentor/queue",
    );
  });

  it("when a card filter is empty, then it says what lands there and links to the step that fills it", async () => {
    const none = { status: 200, body: { cards: [] } };
    mockApi({
      "GET /api/me": me,
      "GET /api/flashcards/cards?filter=personal": none,
      "GET /api/flashcards/cards?filter=leeches": none,
      "GET /api/flashcards/cards?filter=suspended": none,
    });
    renderApp("/flashcards/cards");
    const personal = (await screen.findByText(/No personal cards yet/)).parentElement!;
    expect(within(personal).getByRole("link", { name: "Practise a question" }).getAttribute("href")).toBe("/practice");
    fireEvent.click(screen.getByRole("button", { name: "Suspended" }));
    const suspended = (await screen.findByText(/No suspended cards/)).parentElement!;
    expect(within(suspended).getByRole("link", { name: "Review your due cards" }).getAttribute("href")).toBe(
      "/flashcards",
    );
  });

  it("when there were no reviews, then the stats page says so and links to the review", async () => {
    const days = (n: number) => Array.from({ length: n }, (_, i) => `2026-11-${String(i + 1).padStart(2, "0")}`);
    mockApi({
      "GET /api/me": me,
      "GET /api/flashcards/stats": {
        status: 200,
        body: {
          counts: { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, leeches: 0 },
          forecast: days(14).map((date) => ({ date, due: 0 })),
          trueRetention: { reviews: 0, passed: 0, rate: null },
          reviewsPerDay: days(30).map((date) => ({ date, count: 0 })),
        },
      },
    });
    renderApp("/flashcards/stats");
    const empty = (await screen.findByText(/No reviews in the last 30 days yet/)).parentElement!;
    expect(within(empty).getByRole("link", { name: "Review your due cards" }).getAttribute("href")).toBe("/flashcards");
  });
});
