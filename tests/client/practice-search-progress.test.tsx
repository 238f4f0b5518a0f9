import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { candidate, mockApi } from "./support/mock-api";
import { renderApp, typeInto } from "./support/render-app";

const me = { status: 200, body: { user: candidate } };

const question = (slug: string, prompt: string, progress?: "attempted" | "solved") => ({
  slug,
  title: `Title of ${slug}`,
  section: "flink",
  type: "single-choice",
  difficulty: "easy",
  tags: [],
  prompt,
  choices: [
    { id: "a", text: "Yes" },
    { id: "b", text: "No" },
  ],
  version: 1,
  timeBudgetSeconds: 60,
  ...(progress ? { progress } : {}),
});

const first = question("flink-a", "Does Flink checkpoint state?", "solved");
const second = question("flink-b", "Does Flink need a cluster?", "attempted");
const third = question("flink-c", "Is Flink a batch engine?");

const page = (items: unknown[], pageSize = 20) => ({
  status: 200,
  body: { items, total: items.length, page: 1, pageSize },
});

describe("practice search", () => {
  it("when words are searched, then the address and the request carry them, and no match says how to clear the search", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      "GET /api/questions?section=flink&page=1&pageSize=20": page([first, second]),
      "GET /api/questions?section=flink&q=exactly+once&page=1&pageSize=20": page([]),
    });
    const { router } = renderApp("/practice?section=flink");
    await screen.findByText("2 questions");

    typeInto("Search questions", "  exactly once ");
    fireEvent.click(screen.getByRole("button", { name: "Search" }));

    const empty = await screen.findByText(/No questions match “exactly once” with these filters/);
    expect(router.state.location.search).toBe("?section=flink&q=exactly+once");
    expect(fetchMock.mock.calls.map(([url]) => url)).toContain(
      "/api/questions?section=flink&q=exactly+once&page=1&pageSize=20",
    );
    const clear = within(empty.parentElement!).getByRole("link", { name: "Clear the search" });
    expect(clear.getAttribute("href")).toBe("/practice?section=flink");
  });

  it("when the address has a search, then the box holds it and Clear search removes it from the address", async () => {
    mockApi({
      "GET /api/me": me,
      "GET /api/questions?q=checkpoint&page=1&pageSize=20": page([first]),
      "GET /api/questions?page=1&pageSize=20": page([first, second]),
    });
    const { router } = renderApp("/practice?q=checkpoint");
    await screen.findByText("1 question");
    expect((screen.getByLabelText("Search questions") as HTMLInputElement).value).toBe("checkpoint");

    fireEvent.click(screen.getByRole("button", { name: "Clear search" }));
    await screen.findByText("2 questions");
    expect(router.state.location.search).toBe("");
    expect((screen.getByLabelText("Search questions") as HTMLInputElement).value).toBe("");
  });
});

describe("practice progress", () => {
  it("when listed, then each row says solved or attempted in words, and the progress filter lands in the address", async () => {
    const fetchMock = mockApi({
      "GET /api/me": me,
      "GET /api/questions?page=1&pageSize=20": page([first, second, third]),
      "GET /api/questions?progress=unsolved&page=1&pageSize=20": page([second, third]),
    });
    const { router } = renderApp("/practice");
    await screen.findByText("3 questions");

    const row = (title: string) => screen.getByRole("link", { name: title }).closest("li")!;
    expect(row(first.title).textContent).toContain("Solved");
    expect(row(second.title).textContent).toContain("Attempted");
    expect(row(third.title).textContent).not.toMatch(/Solved|Attempted/);

    expect((screen.getByRole("radio", { name: "All" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole("radio", { name: "Not solved yet" }));
    await screen.findByText("2 questions");
    expect(router.state.location.search).toBe("?progress=unsolved");
    expect(fetchMock.mock.calls.map(([url]) => url)).toContain("/api/questions?progress=unsolved&page=1&pageSize=20");
  });
});

describe("next unsolved in the section", () => {
  const checked = {
    question: first.slug,
    answerId: "7a0c6c1e-0000-4000-8000-000000000000",
    score: 1,
    verdict: "correct",
    matched: [],
    missed: [],
    flags: [],
    explanation: "Yes.",
    choices: [],
  };

  function answerFirst(section: unknown[]) {
    mockApi({
      "GET /api/me": me,
      [`GET /api/questions/${first.slug}`]: { status: 200, body: first },
      [`POST /api/questions/${first.slug}/check`]: { status: 200, body: checked },
      "GET /api/questions?page=1&pageSize=100": page(section, 100),
      "GET /api/questions?section=flink&page=1&pageSize=100": page(section, 100),
    });
    renderApp(`/practice/${first.slug}?difficulty=easy`);
  }

  it("when other questions in the section are unsolved, then the result links to the next one, keeping the list's filters", async () => {
    answerFirst([first, question("flink-b", "Solved already", "solved"), third]);
    fireEvent.click(await screen.findByRole("radio", { name: "Yes" }));
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));
    const result = await screen.findByRole("region", { name: "Result" });
    const link = await within(result).findByRole("link", { name: "Next unsolved in this section" });
    expect(link.getAttribute("href")).toBe(`/practice/${third.slug}?difficulty=easy`);
  });

  it("when every other question in the section is solved, then the result says so", async () => {
    answerFirst([first, question("flink-b", "Solved already", "solved")]);
    fireEvent.click(await screen.findByRole("radio", { name: "Yes" }));
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));
    const result = await screen.findByRole("region", { name: "Result" });
    expect(await within(result).findByText("You've solved every other question in Flink.")).toBeTruthy();
  });
});
