import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dayFromToday,
  fitsWidth,
  screenshot,
  screenshotWidths,
  startE2E,
  type E2E,
  signUp,
  expectAccessible,
} from "./browser.ts";

const front = (page: Page) => page.locator(".fc-front").first().textContent();
const doneCount = async (page: Page) =>
  Number((await page.locator(".fc-progress-text strong").first().textContent()) ?? "-1");

describe("flashcards in the browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it("when a candidate reviews with the keyboard only, reloads and rates offline, then everything is kept and sent", async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await signUp(page, e2e.baseUrl, { name: "Linus" });
    const userId = ((await (await page.request.get(`${e2e.baseUrl}/api/me`)).json()) as { user: { id: string } }).user
      .id;
    const logCount = () => e2e.running.db.prisma.reviewLog.count({ where: { userId, undoneAt: null } });

    // From the dashboard to the review screen.
    await page.getByRole("main").getByRole("link", { name: "Start review" }).click();
    await page.waitForURL(/\/flashcards$/);
    await page.getByRole("button", { name: /Show answer/ }).waitFor();
    await screenshot(page, "flashcards-front");

    // Space reveals, 3 rates Good.
    const first = await front(page);
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    const good = page.getByRole("button", { name: "Good 10 min", exact: true });
    await good.waitFor();
    expect(await good.getAttribute("aria-keyshortcuts")).toBe("3");
    await screenshot(page, "flashcards-back");
    await page.keyboard.press("3");
    await expect.poll(() => front(page)).not.toBe(first);
    await expect.poll(() => doneCount(page)).toBe(1);
    await expect.poll(logCount).toBe(1);

    // Another card: Space, 1 (Again); then U undoes it and the same card is back, front side up.
    const second = await front(page);
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await page.keyboard.press("1");
    await expect.poll(() => front(page)).not.toBe(second);
    await expect.poll(logCount).toBe(2);
    await page.keyboard.press("u");
    await expect.poll(() => front(page)).toBe(second);
    await expect.poll(logCount).toBe(1);
    await expect.poll(() => doneCount(page)).toBe(1);
    expect(await page.getByTestId("card-back").count()).toBe(0);

    // Rate it for real (Easy), then reload in the middle: the session resumes where it was.
    await page.keyboard.press("Space");
    await page.keyboard.press("4");
    await expect.poll(logCount).toBe(2);
    await expect.poll(() => front(page)).not.toBe(second);
    const beforeReload = await front(page);
    await page.reload();
    await page.getByRole("button", { name: /Show answer/ }).waitFor();
    expect(await front(page)).toBe(beforeReload);
    expect(await doneCount(page)).toBe(2);
    expect([first, second]).not.toContain(await front(page));

    // Cut the network: the rating is kept on the device and the screen says so.
    await context.setOffline(true);
    const offlineCard = await front(page);
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    await page.keyboard.press("3");
    await page.getByText(/Offline — 1 rating kept on this device/).waitFor();
    await expect.poll(() => front(page)).not.toBe(offlineCard);
    await screenshot(page, "flashcards-offline");
    expect(await logCount()).toBe(2);

    // Back online: it arrives, once.
    await context.setOffline(false);
    await expect.poll(logCount, { timeout: 15_000 }).toBe(3);
    await expect.poll(() => page.getByText(/rating kept on this device/).count()).toBe(0);
    const logs = await e2e.running.db.prisma.reviewLog.findMany({ where: { userId }, orderBy: { reviewedAt: "asc" } });
    expect(logs.filter((l) => !l.undoneAt).map((l) => l.rating)).toEqual([3, 4, 3]);

    // Suspend a card by mistake: U takes it back (not the last rating), and it is in front again.
    const suspended = await front(page);
    await page.getByRole("button", { name: "Suspend" }).click();
    await page.getByText("Card suspended.").waitFor();
    await expect.poll(() => front(page)).not.toBe(suspended);
    await page.keyboard.press("u");
    await page.getByText("Card unsuspended.").waitFor();
    expect(await front(page)).toBe(suspended);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Show answer/);
    expect(await e2e.running.db.prisma.card.count({ where: { userId, suspended: true } })).toBe(0);
    expect(await logCount()).toBe(3);
    await context.close();
  });

  it("when the stats, settings and card pages are opened, then they show the forecast, save an interview date and list personal cards", async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await signUp(page, e2e.baseUrl, { name: "Ada" });
    // A practice answer that misses key points makes personal cards.
    const check = await page.request.post(`${e2e.baseUrl}/api/questions/scenario-backfill/check`, {
      data: { answer: "Flink, because it is exactly-once and handles huge volumes." },
    });
    expect(check.status()).toBe(200);

    await page.goto(`${e2e.baseUrl}/flashcards`);
    await page.getByText("Missed in your answers").waitFor();
    await page
      .getByText(/Your answer missed key point \d+ of \d+ of a strong answer/)
      .first()
      .waitFor();
    await screenshot(page, "flashcards-missed-card");
    // "Type your answer first": the typed recall is graded against the key point and a rating is suggested.
    await page.getByLabel("Type your answer first").check();
    await page.getByLabel("Your answer", { exact: true }).fill("No idea, honestly.");
    await page.keyboard.press("Control+Enter");
    await page.getByText(/Suggested rating/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Again .*suggested$/);
    await screenshot(page, "flashcards-typed-recall");
    const reviewed = await page.request.get(`${e2e.baseUrl}/api/flashcards/stats`);
    const before = ((await reviewed.json()) as { reviewsPerDay: { count: number }[] }).reviewsPerDay.at(-1)!.count;
    await page.keyboard.press("Enter");
    await expect
      .poll(
        async () =>
          (
            (await (await page.request.get(`${e2e.baseUrl}/api/flashcards/stats`)).json()) as {
              reviewsPerDay: { count: number }[];
            }
          ).reviewsPerDay.at(-1)!.count,
      )
      .toBe(before + 1);
    await page.getByLabel("Type your answer first").uncheck();

    await page.getByRole("navigation", { name: "Flashcards" }).getByRole("link", { name: "Stats" }).click();
    await page.getByRole("heading", { name: "Due in the next 14 days" }).waitFor();
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await screenshot(page, "flashcards-stats");

    await page.getByRole("navigation", { name: "Flashcards" }).getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Interview date (optional)").fill(dayFromToday(-2));
    await page.getByRole("button", { name: "Save settings" }).click();
    await page
      .getByRole("alert")
      .getByText(/Interview date has passed/)
      .waitFor();
    await screenshotWidths(page, "flashcards-settings-past-date");
    const interviewDate = dayFromToday(45);
    await page.getByLabel("Interview date (optional)").fill(interviewDate);
    await page.getByLabel("Desired retention (%)").fill("99");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page
      .getByRole("alert")
      .getByText(/between 80 and 97/)
      .waitFor();
    await screenshot(page, "flashcards-settings-error");
    await page.getByLabel("Desired retention (%)").fill("92");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();
    expect(await page.getByText(/between 80 and 97/).count()).toBe(0);
    const saved = await (await page.request.get(`${e2e.baseUrl}/api/me/study-settings`)).json();
    expect(saved).toMatchObject({ desiredRetention: 0.92, interviewDate });
    await screenshot(page, "flashcards-settings");

    await page.getByRole("navigation", { name: "Flashcards" }).getByRole("link", { name: "Your cards" }).click();
    const items = page.locator(".fc-card-item");
    await items.first().waitFor();
    const count = await items.count();
    await screenshot(page, "flashcards-cards");
    await items
      .first()
      .getByRole("button", { name: /^Suspend/ })
      .click();
    await page.getByText("Card suspended.").waitFor();
    await expectAccessible(page, "flashcards-card-suspended");
    await items
      .first()
      .getByRole("button", { name: /^Delete/ })
      .click();
    await items
      .first()
      .getByRole("button", { name: /^Yes, delete/ })
      .waitFor();
    await expectAccessible(page, "flashcards-card-delete-confirm");
    await items
      .first()
      .getByRole("button", { name: /^Yes, delete/ })
      .click();
    await expect.poll(() => items.count()).toBe(count - 1);
    await context.close();
  });

  it("when a candidate studies on a 390 px phone, then a tap reveals the card, the ratings are on screen, and bury, sections and cram work without sideways scrolling", async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await signUp(page, e2e.baseUrl, { name: "Grace" });
    const userId = ((await (await page.request.get(`${e2e.baseUrl}/api/me`)).json()) as { user: { id: string } }).user
      .id;
    await page.request.post(`${e2e.baseUrl}/api/questions/scenario-backfill/check`, {
      data: { answer: "Flink, because it is exactly-once." },
    });
    await page.goto(`${e2e.baseUrl}/flashcards`);
    await page.getByRole("button", { name: /Show answer/ }).waitFor();
    expect(await page.locator(".app-header").evaluate((h) => h.getBoundingClientRect().height)).toBeLessThan(110);

    await page.locator(".fc-front").tap();
    await page.getByTestId("card-back").waitFor();
    const bar = page.getByRole("group", { name: "How well did you remember it?" });
    const box = (await bar.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, "flashcards-phone-revealed-390");

    // A missed-concept card links to its question; burying it leaves the schedule alone.
    expect(await page.getByRole("link", { name: "Open the question" }).getAttribute("href")).toBe(
      "/practice/scenario-backfill",
    );
    const buried = await front(page);
    await page.getByRole("button", { name: "Bury until tomorrow" }).tap();
    await page.getByText("Card buried until tomorrow.").waitFor();
    await expect.poll(() => front(page)).not.toBe(buried);
    await expectAccessible(page, "flashcards-buried");
    const buriedCard = await e2e.running.db.prisma.card.findFirstOrThrow({
      where: { userId, buriedUntil: { not: null } },
    });
    expect(buriedCard).toMatchObject({ state: 0, reps: 0 });

    // The message and its Undo sit above the card: on a 390 or 360 px phone, the next card revealed keeps its
    // ratings on screen below the message, and nothing scrolls sideways.
    await screenshotWidths(page, "flashcards-buried-undo");
    const message = page.getByRole("button", { name: "Undo", exact: true }).locator("..");
    await page.locator(".fc-front").tap();
    await page.getByTestId("card-back").waitFor();
    for (const [width, height] of [
      [390, 844],
      [360, 740],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => window.scrollTo(0, 0));
      const note = (await message.boundingBox())!;
      const ratings = (await bar.boundingBox())!;
      expect(ratings.y + ratings.height, `${width}`).toBeLessThanOrEqual(height);
      expect(note.y + note.height, `${width}`).toBeLessThanOrEqual(ratings.y);
      expect(note.x + note.width, `${width}`).toBeLessThanOrEqual(width);
      expect(await fitsWidth(page), `${width}`).toBe(true);
      await screenshot(page, `flashcards-buried-revealed-${width}`);
    }
    await page.setViewportSize({ width: 390, height: 844 });

    // Undo: the buried card is back in front, face down, and no longer buried.
    await page.getByRole("button", { name: "Undo", exact: true }).tap();
    await page.getByText("Card unburied.").waitFor();
    await expect.poll(() => front(page)).toBe(buried);
    expect(await page.getByTestId("card-back").count()).toBe(0);
    expect(await e2e.running.db.prisma.card.findUniqueOrThrow({ where: { id: buriedCard.id } })).toMatchObject({
      buriedUntil: null,
      state: 0,
      reps: 0,
    });
    await screenshotWidths(page, "flashcards-unburied");

    // Only Flink, then cram it: the schedule does not move.
    await page.getByText("Sections:").tap();
    await page.getByLabel("Flink").check();
    await expect.poll(() => page.locator(".fc-meta .badge").first().textContent()).toBe("Flink");
    await expectAccessible(page, "flashcards-sections-open");
    const before = await e2e.running.db.prisma.card.findMany({
      where: { userId },
      select: { id: true, due: true, state: true, reps: true },
      orderBy: { id: "asc" },
    });
    await page.getByRole("navigation", { name: "Flashcards" }).getByRole("link", { name: "Cram" }).tap();
    await page.getByText(/to go of \d+/).waitFor();
    await page.locator(".fc-front").tap();
    await page.getByRole("button", { name: "Got it" }).tap();
    await page.locator(".fc-front").tap();
    await page.getByRole("button", { name: "Again" }).tap();
    await screenshotWidths(page, "flashcards-cram");
    for (const path of ["/flashcards/cram", "/flashcards/stats", "/flashcards/cards", "/flashcards/settings"]) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${e2e.baseUrl}${path}`);
      await page.locator("h1").waitFor();
      expect(await fitsWidth(page), path).toBe(true);
    }
    expect(
      await e2e.running.db.prisma.card.findMany({
        where: { userId },
        select: { id: true, due: true, state: true, reps: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual(before);
    expect(await e2e.running.db.prisma.reviewLog.count({ where: { userId } })).toBe(0);
    await context.close();
  });
});
