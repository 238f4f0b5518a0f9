import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  currentUserId,
  fitsWidth,
  screenshot,
  screenshotWidths,
  startE2E,
  type E2E,
  signUp,
  expectAccessible,
} from "./browser.ts";

const roundId = (page: Page) => /\/rounds\/([0-9a-f-]{36})/.exec(page.url())![1]!;

describe("mock rounds in the browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it("when a candidate flags, reviews the summary, finishes and retries what they missed, then each step holds across a reload", async () => {
    const page = await e2e.browser.newPage();
    await signUp(page, e2e.baseUrl, { name: "Rosa" });
    await page.goto(`${e2e.baseUrl}/rounds`);
    await page.getByRole("button", { name: "Start round" }).waitFor();
    await expectAccessible(page, "rounds-start");
    await page.getByLabel("Number of questions").fill("2");
    await page.getByLabel("Time limit (minutes)").fill("10");
    await page.getByLabel("Free text").check();
    const onlyFreeText = page.getByLabel("Single choice");
    if (await onlyFreeText.isChecked()) await onlyFreeText.uncheck();
    const multi = page.getByLabel("Multiple choice");
    if (await multi.isChecked()) await multi.uncheck();
    await page.getByRole("button", { name: "Start round" }).click();
    await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
    await page.getByRole("timer", { name: "Time left" }).waitFor();

    const answer = page.getByLabel("Your answer");
    await answer.fill(
      "I would use Spark batch: the data is bounded and hours of latency are fine, so batch is simpler and cheaper.",
    );
    await expect.poll(() => page.getByTestId("save-status").textContent(), { timeout: 10_000 }).toMatch(/Saved/);
    await screenshot(page, "round-question");

    await page.reload();
    await expect.poll(() => page.getByLabel("Your answer").inputValue(), { timeout: 10_000 }).toContain("Spark batch");
    await page.getByRole("button", { name: "Submit answer" }).click();
    await page.getByText(/Submitted at/).waitFor();
    await expectAccessible(page, "round-question-submitted");

    // Flags live on the server: a reload keeps them.
    await page.getByRole("button", { name: "Next question" }).click();
    await page.getByRole("button", { name: "Flag for review" }).click();
    await page.getByRole("button", { name: "Remove flag" }).waitFor();
    await expect
      .poll(
        async () =>
          (await (await page.request.get(`${e2e.baseUrl}/api/rounds/${roundId(page)}`)).json()).questions[1].flagged,
      )
      .toBe(true);
    await page.reload();
    await page.getByRole("button", { name: "Remove flag" }).waitFor();
    await expectAccessible(page, "round-question-flagged");

    await page.getByRole("button", { name: "Finish round" }).click();
    const summary = page.getByRole("region", { name: "Summary before you finish" });
    const rows = summary.getByRole("listitem");
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([expect.stringMatching(/Answered$/), expect.stringMatching(/Not answered⚑ Flagged$/)]);
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "round-summary");
    await summary.getByRole("button", { name: "Submit all and finish" }).click();
    const confirm = page.getByRole("dialog", { name: "Finish the round now?" });
    await confirm.getByRole("button", { name: "Finish now" }).waitFor();
    await expectAccessible(page, "round-finish-confirm");
    await confirm.getByRole("button", { name: "Finish now" }).click();
    await page.waitForURL(/\/results$/);

    const overview = page.getByRole("region", { name: "Overview" });
    const questionRows = overview.getByRole("region", { name: "Question by question" }).getByRole("listitem");
    await questionRows.nth(1).getByRole("link").click();
    await page.waitForURL(/#question-2$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("question-2");
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "round-results");

    const finished = await (await page.request.get(`${e2e.baseUrl}/api/rounds/${roundId(page)}`)).json();
    const missed = finished.results.items
      .filter((i: { verdict: string }) => i.verdict !== "correct")
      .map((i: { slug: string }) => i.slug);
    await page.getByRole("button", { name: /^Retry the \d+ questions? I missed$/ }).click();
    await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
    await page.getByRole("timer", { name: "Time left" }).waitFor();
    const retry = await (await page.request.get(`${e2e.baseUrl}/api/rounds/${roundId(page)}`)).json();
    expect(retry.id).not.toBe(finished.id);
    expect(retry.questions.map((q: { slug: string }) => q.slug)).toEqual(missed);
    await expectAccessible(page, "round-retry");
    await page.close();
  });

  it("when a short round runs out, then it submits itself at zero and shows the results with the draft graded", async () => {
    const page = await e2e.browser.newPage();
    await signUp(page, e2e.baseUrl, { name: "Tomas" });
    const created = await page.request.post(`${e2e.baseUrl}/api/rounds`, {
      data: { questionCount: 1, timeLimitSeconds: 10, types: ["free-text"] },
    });
    expect(created.status()).toBe(201);
    const round = await created.json();
    await page.goto(`${e2e.baseUrl}/rounds/${round.id}`);
    await page.getByRole("timer", { name: "Time left" }).waitFor();
    await expectAccessible(page, "round-short");
    await page
      .getByLabel("Your answer")
      .fill("Kafka Streams, because it runs inside the app with no separate cluster.");
    await page.waitForURL(/\/results$/, { timeout: 30_000 });
    const state = await (await page.request.get(`${e2e.baseUrl}/api/rounds/${round.id}`)).json();
    expect(state.status).toBe("expired");
    expect(state.results.items[0].verdict).not.toBe("unanswered");
    await page.getByText(/· Time ran out/).waitFor();
    await page.getByText(/The round closed by itself at/).waitFor();
    await page.getByText("Graded from your saved draft when time ran out.").waitFor();
    expect(await page.getByText(/Time spent/).count()).toBe(0);
    await screenshotWidths(page, "round-expired-results");
    await page.close();
  });

  it("when Start round is double-clicked, then one round starts, and starting another offers to continue it", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUp(page, e2e.baseUrl, { name: "Wanjiru" });
    const userId = await currentUserId(page, e2e.baseUrl);
    await page.goto(`${e2e.baseUrl}/rounds`);
    await page.getByLabel("Number of questions").fill("2");
    await page.getByRole("button", { name: "Start round" }).dblclick();
    await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
    await page.getByRole("timer", { name: "Time left" }).waitFor();
    await expectAccessible(page, "round-started");
    const roundUrl = page.url();
    expect(await e2e.running.db.prisma.round.count({ where: { userId } })).toBe(1);

    await page.goto(`${e2e.baseUrl}/rounds`);
    await page.getByRole("button", { name: "Start round" }).waitFor();
    await expectAccessible(page, "rounds-start-while-running");
    await page.getByRole("button", { name: "Start round" }).click();
    const offer = page.getByRole("link", { name: "Continue that round" });
    await offer.waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "rounds-in-progress");
    await offer.click();
    await page.waitForURL(roundUrl);
    await page.getByRole("timer", { name: "Time left" }).waitFor();
    expect(await e2e.running.db.prisma.round.count({ where: { userId } })).toBe(1);
    await page.close();
  });

  it("when an answer is submitted offline, then the page says so in words and sends it once the connection is back", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signUp(page, e2e.baseUrl, { name: "Oskar" });
    const body = { questionCount: 1, timeLimitSeconds: 600, types: ["free-text"] };
    const created = await page.request.post(`${e2e.baseUrl}/api/rounds`, { data: body });
    const round = await created.json();
    await page.goto(`${e2e.baseUrl}/rounds/${round.id}`);
    await page.getByRole("timer", { name: "Time left" }).waitFor();
    await expectAccessible(page, "round-phone");
    await page.getByLabel("Your answer").fill("Flink, because each event must be handled within milliseconds.");
    await expect.poll(() => page.getByTestId("save-status").textContent(), { timeout: 10_000 }).toMatch(/Saved/);

    await context.setOffline(true);
    await page.getByRole("button", { name: "Submit answer" }).click();
    await page.getByText(/You seem to be offline\. Your answer is kept on this device/).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "round-offline-submit");

    await context.setOffline(false);
    await page.getByText(/Submitted at/).waitFor({ timeout: 15_000 });
    await expectAccessible(page, "round-online-submitted");
    const state = await (await page.request.get(`${e2e.baseUrl}/api/rounds/${round.id}`)).json();
    expect(state.questions[0].answer).toContain("Flink");
    await context.close();
  });
});
