import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { candidate, errorReply, mockApi, requestBodies, signedOut, type Reply } from "./support/mock-api";
import { renderApp, typeInto } from "./support/render-app";

async function fillInSignup() {
  await screen.findByRole("heading", { name: "Create your account" });
  typeInto("Email", "ada@example");
  typeInto("Password", "correct horse battery");
  typeInto("Display name", "Ada ☃");
  fireEvent.click(screen.getByRole("radio", { name: "I coach candidates (mentor)" }));
}

function describedByText(input: HTMLElement): string {
  const ids = input.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

describe("sign-up", () => {
  it("when the server rejects fields, then each error shows by its field and in a focused alert", async () => {
    const fetchMock = mockApi({
      "GET /api/me": signedOut,
      "POST /api/auth/signup": {
        status: 400,
        body: {
          error: {
            code: "validation_failed",
            message: "Request validation failed",
            details: [
              { path: "email", message: "must be a valid email address" },
              { path: "displayName", message: "Display name can only use letters, numbers and spaces" },
            ],
          },
        },
      },
    });
    renderApp("/signup");
    await fillInSignup();

    fireEvent.click(screen.getByRole("button", { name: "Create account" }));

    const alert = await screen.findByRole("alert");
    expect(document.activeElement).toBe(alert);
    expect(within(alert).getByRole("link", { name: "Email must be a valid email address" })).toBeTruthy();
    expect(alert.textContent).toContain("Display name can only use letters, numbers and spaces");

    const email = screen.getByLabelText("Email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(describedByText(email)).toContain("Email must be a valid email address");
    expect(screen.getByLabelText("Display name").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBeNull();

    expect(requestBodies(fetchMock, "POST", "/api/auth/signup")).toEqual([
      { email: "ada@example", password: "correct horse battery", displayName: "Ada ☃", role: "mentor" },
    ]);
  });

  it("when the server finds the password too easy to guess, then its reason shows under the password field", async () => {
    const reason = 'Password is too easy to guess. Repeated characters like "aaa" are easy to guess.';
    mockApi({
      "GET /api/me": signedOut,
      "POST /api/auth/signup": {
        status: 400,
        body: {
          error: {
            code: "validation_failed",
            message: "Choose a stronger password",
            details: [{ path: "password", message: reason }],
          },
        },
      },
    });
    renderApp("/signup");
    await fillInSignup();

    fireEvent.click(screen.getByRole("button", { name: "Create account" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: reason })).toBeTruthy();
    const password = screen.getByLabelText("Password");
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(describedByText(password)).toContain(reason);
    expect(describedByText(password)).toContain("not a common password, a repeat, or your email or name");
  });

  it("when sign-ups from this address are rate-limited, then the form says how long to wait", async () => {
    mockApi({
      "GET /api/me": signedOut,
      "POST /api/auth/signup": {
        status: 429,
        headers: { "Retry-After": "1800" },
        body: { error: { code: "rate_limited", message: "Too many attempts; try again in 1800 seconds" } },
      },
    });
    renderApp("/signup");
    await fillInSignup();

    fireEvent.click(screen.getByRole("button", { name: "Create account" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Too many sign-ups from your network. Try again in 30 minutes.");
  });

  it("when an error link in the summary is followed, then focus moves to that field", async () => {
    mockApi({
      "GET /api/me": signedOut,
      "POST /api/auth/signup": errorReply(409, "email_taken", "Email already registered"),
    });
    renderApp("/signup");
    await fillInSignup();
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));

    const link = await screen.findByRole("link", { name: /an account with this email already exists/i });
    fireEvent.click(link);

    expect(document.activeElement).toBe(screen.getByLabelText("Email"));
  });

  it("when required fields are empty, then the form explains without calling the server", async () => {
    const fetchMock = mockApi({ "GET /api/me": signedOut });
    renderApp("/signup");
    await screen.findByRole("heading", { name: "Create your account" });
    typeInto("Password", "short");

    fireEvent.click(screen.getByRole("button", { name: "Create account" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Enter your email address");
    expect(alert.textContent).toContain("Password must be at least 10 characters");
    expect(alert.textContent).toContain("Enter a display name");
    expect(requestBodies(fetchMock, "POST", "/api/auth/signup")).toEqual([]);
  });

  it("when Create account is pressed again while the first request is in flight, then only one request is sent", async () => {
    let answer: (reply: Reply) => void = () => {};
    const fetchMock = mockApi({
      "GET /api/me": signedOut,
      "POST /api/auth/signup": () => new Promise<Reply>((resolve) => (answer = resolve)),
    });
    renderApp("/signup");
    await fillInSignup();
    const button = screen.getByRole("button", { name: "Create account" });

    fireEvent.click(button);
    await screen.findByText("Creating your account…");
    expect(button.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(button);
    answer({ status: 201, body: { user: { ...candidate, role: "mentor" } } });

    expect(await screen.findByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeTruthy();
    expect(requestBodies(fetchMock, "POST", "/api/auth/signup")).toHaveLength(1);
  });
});
