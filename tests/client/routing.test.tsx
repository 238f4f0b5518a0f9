import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { candidate, mockApi, signedOut } from "./support/mock-api";
import { renderApp } from "./support/render-app";

describe("routing", () => {
  it("when a signed-out visitor opens /, then the log-in page is shown", async () => {
    mockApi({ "GET /api/me": signedOut });
    const { router } = renderApp("/");

    expect(await screen.findByRole("heading", { name: "Log in" })).toBeTruthy();
    expect(screen.getByLabelText("Email")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/login");
    expect(screen.getByText("Welcome back. Pick up your practice where you left off.")).toBeTruthy();
  });

  it("when a page inside the app finds the session gone, then the log-in page says so and that typed work is kept", async () => {
    mockApi({ "GET /api/me": signedOut });
    const { router } = renderApp("/rounds/r1?summary=1");

    expect(
      await screen.findByText(/^You're signed out\. Log in and you'll go straight back to that page/),
    ).toBeTruthy();
    expect(router.state.location.state).toEqual({ from: "/rounds/r1?summary=1" });
  });

  it("when a signed-in user opens /signup, then they are sent to the dashboard", async () => {
    mockApi({ "GET /api/me": { status: 200, body: { user: candidate } } });
    const { router } = renderApp("/signup");

    expect(await screen.findByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/");
  });

  it("when the address matches no page, then the not-found page is shown", async () => {
    mockApi({ "GET /api/me": signedOut });
    renderApp("/no-such-page");

    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
  });
});
