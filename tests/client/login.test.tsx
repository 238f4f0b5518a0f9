import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { candidate, errorReply, mockApi, requestBodies, signedOut } from "./support/mock-api";
import { renderApp, typeInto } from "./support/render-app";

async function logIn() {
  await screen.findByRole("heading", { name: "Log in" });
  typeInto("Email", "ada@example.com");
  typeInto("Password", "correct horse battery");
  fireEvent.click(screen.getByRole("button", { name: "Log in" }));
}

describe("log-in", () => {
  it("when the log-in succeeds, then the dashboard greets the user", async () => {
    let signedIn = false;
    const fetchMock = mockApi({
      "GET /api/me": () => (signedIn ? { status: 200, body: { user: candidate } } : signedOut),
      "POST /api/auth/login": () => {
        signedIn = true;
        return { status: 200, body: { user: candidate } };
      },
    });
    const { router } = renderApp("/login");

    await logIn();

    expect(await screen.findByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/");
    expect(requestBodies(fetchMock, "POST", "/api/auth/login")).toEqual([
      { email: "ada@example.com", password: "correct horse battery" },
    ]);
  });

  it("when a signed-out visitor follows a deep link, then log-in takes them back to it", async () => {
    mockApi({
      "GET /api/me": signedOut,
      "POST /api/auth/login": { status: 200, body: { user: candidate } },
    });
    const { router } = renderApp("/history");

    await logIn();

    expect(await screen.findByRole("heading", { name: "History & progress" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/history");
  });

  it("when the email or password is wrong, then a focused alert says so", async () => {
    mockApi({
      "GET /api/me": signedOut,
      "POST /api/auth/login": errorReply(401, "invalid_credentials", "Invalid email or password"),
    });
    renderApp("/login");

    await logIn();

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("That email and password don't match an account");
    expect(document.activeElement).toBe(alert);
    expect(screen.getByRole("heading", { name: "Log in" })).toBeTruthy();
  });

  it("when there have been too many attempts, then the alert says how long to wait", async () => {
    mockApi({
      "GET /api/me": signedOut,
      "POST /api/auth/login": errorReply(429, "rate_limited", "Too many attempts", {
        headers: { "Retry-After": "90" },
      }),
    });
    renderApp("/login");

    await logIn();

    expect((await screen.findByRole("alert")).textContent).toContain(
      "Too many log-in attempts. Try again in 2 minutes.",
    );
  });
});
