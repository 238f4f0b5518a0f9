import { afterAll, beforeAll, expect, it, describe } from "vitest";
import { expectAccessible, screenshot, startE2E, type E2E } from "./browser.ts";

describe("accounts in the browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it("when a newcomer signs up as a candidate, then they land on a home that says where to start", async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.baseUrl);
    await page.waitForURL(/\/login$/);
    await page.getByRole("link", { name: "Create an account" }).waitFor();
    await expectAccessible(page, "login");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByRole("button", { name: "Create account" }).waitFor();
    await expectAccessible(page, "signup");
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("short");
    await page.getByLabel("Display name").fill("Ada");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("at least 10 characters");
    await screenshot(page, "signup-error");

    // Long enough, but guessable: the server's reason shows under the password field.
    await page.getByLabel("Password").fill("aaaaaaaaaa");
    await page.getByRole("button", { name: "Create account" }).click();
    await page
      .locator("#signup-password-error")
      .getByText(/too easy to guess/)
      .waitFor();
    await screenshot(page, "signup-weak-password");

    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Welcome, Ada" }).waitFor();
    const main = page.getByRole("main");
    for (const block of ["Flashcards", "Your interview", "Weakest section", "Mock round", "Your activity"]) {
      await main.getByRole("heading", { name: block, exact: true }).waitFor();
    }
    await screenshot(page, "dashboard-candidate");

    await page.reload();
    await page.getByRole("heading", { name: "Welcome, Ada" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login$/);
    await page.close();
  });

  it("when a mentor signs up and logs back in with the keyboard, then the mentor dashboard shows", async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.baseUrl}/signup`);
    await page.getByLabel("Email").fill("grace@example.com");
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByLabel("Display name").fill("Grace");
    await page.getByLabel("I coach candidates (mentor)").check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Welcome, Grace" }).waitFor();
    await page.getByRole("main").getByRole("heading", { name: "Review queue" }).waitFor();
    await screenshot(page, "dashboard-mentor");
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login$/);

    await page.getByLabel("Email").fill("grace@example.com");
    await page.getByLabel("Password").fill("a long enough password");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Welcome, Grace" }).waitFor();
    await page.close();
  });
});
