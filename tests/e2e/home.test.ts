import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fitsWidth, screenshotWidths, signUp, startE2E, type E2E, expectAccessible } from "./browser.ts";

describe("home in the browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it("when a candidate has a round running and cards due, then the home counts the round down and leads to both", async () => {
    const page = await e2e.browser.newPage();
    await signUp(page, e2e.baseUrl, { name: "Hedy" });
    const started = await page.request.post(`${e2e.baseUrl}/api/rounds`, {
      data: { questionCount: 3, timeLimitSeconds: 600 },
    });
    expect(started.status()).toBe(201);
    const roundId = ((await started.json()) as { id: string }).id;

    await page.reload();
    const round = page.getByRole("region", { name: "Your round is running" });
    const digits = round.locator(".home-countdown-digits");
    await digits.waitFor();
    const first = await digits.textContent();
    expect(first).toMatch(/^(10:00|9:[0-5]\d)$/);
    await expect.poll(() => digits.textContent(), { timeout: 3000 }).not.toBe(first);
    await round.getByText("0 of 3 questions answered.").waitFor();
    const cards = page.getByRole("region", { name: "Flashcards" });
    await cards.getByText("20 cards due today").waitFor();
    expect(await cards.getByRole("link", { name: "Start review" }).getAttribute("href")).toBe("/flashcards");

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "home-busy");

    await round.getByRole("link", { name: "Continue your round" }).click();
    await page.waitForURL(`${e2e.baseUrl}/rounds/${roundId}`);
    await page.getByRole("timer", { name: "Time left" }).waitFor();
    await expectAccessible(page, "home-continued-round");
  });
});
