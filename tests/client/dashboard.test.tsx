import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { candidate, mentor, mockApi, signedOut } from "./support/mock-api";
import { renderApp } from "./support/render-app";

const CANDIDATE_MODES = ["Mock rounds", "Flashcards", "Practice", "History & progress"];
const MENTOR_MODES = ["Your candidates", "Review queue", "Grader agreement"];

function cardTitles(): string[] {
  return within(screen.getByRole("main"))
    .getAllByRole("heading", { level: 2 })
    .map((heading) => heading.textContent ?? "");
}

describe("dashboard", () => {
  it("when a candidate is signed in, then the dashboard shows the candidate modes", async () => {
    mockApi({ "GET /api/me": { status: 200, body: { user: candidate } } });
    renderApp("/");

    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Ada Lovelace" })).toBeTruthy();
    expect(cardTitles()).toEqual(CANDIDATE_MODES);
    expect(within(screen.getByRole("banner")).getByText("Candidate")).toBeTruthy();
  });

  it("when a mentor is signed in, then the dashboard shows the mentor tools", async () => {
    mockApi({ "GET /api/me": { status: 200, body: { user: mentor } } });
    renderApp("/");

    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Grace Hopper" })).toBeTruthy();
    expect(cardTitles()).toEqual(MENTOR_MODES);
    expect(within(screen.getByRole("banner")).getByText("Mentor")).toBeTruthy();
  });

  it("when the Flashcards card is followed, then the review page shows inside the layout", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      "GET /api/flashcards/queue?limit=100": { status: 200, body: { cards: [], counts: { learning: 0, review: 0, new: 0 } } },
    });
    const { router } = renderApp("/");

    const main = await screen.findByRole("main");
    fireEvent.click(within(main).getByRole("link", { name: "Flashcards" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Review" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "All done for now" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Log out" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/flashcards");
  });

  it("when a candidate is signed in, then Practice and Mock rounds are not marked coming soon and lead to their pages", async () => {
    mockApi({
      "GET /api/me": { status: 200, body: { user: candidate } },
      "GET /api/questions?page=1&pageSize=20": { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } },
    });
    renderApp("/");

    const main = await screen.findByRole("main");
    await within(main).findByRole("heading", { level: 1, name: "Welcome, Ada Lovelace" });
    const badgeOf = (title: string) => within(main).getByRole("link", { name: title }).closest("article")?.textContent ?? "";
    expect(badgeOf("Practice")).not.toContain("Coming soon");
    expect(badgeOf("Mock rounds")).not.toContain("Coming soon");

    fireEvent.click(within(main).getByRole("link", { name: "Practice" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Practice" })).toBeTruthy();
    expect(screen.queryByText(/^Coming soon — /)).toBeNull();
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
    // A deliberate log-out starts afresh: the next log-in goes to the dashboard, not back to /flashcards.
    expect(router.state.location.state).toBeNull();
    expect(fetchMock.mock.calls.some(([url, init]) => url === "/api/auth/logout" && init?.method === "POST")).toBe(true);
  });
});
