import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentUserId, fitsWidth, screenshot, screenshotWidths, startE2E, type E2E, signUp } from "./browser.ts";

describe("mock rounds in the browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it("when a candidate runs a whole round and reloads in the middle, then nothing typed is lost and results explain each answer", async () => {
    const page = await e2e.browser.newPage();
    await signUp(page, e2e.baseUrl, { name: "Rosa" });
    await page.goto(`${e2e.baseUrl}/rounds`);
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
    await answer.fill("I would use Spark batch: the data is bounded and hours of latency are fine, so batch is simpler and cheaper.");
    await expect.poll(() => page.getByTestId("save-status").textContent(), { timeout: 10_000 }).toMatch(/Saved/);
    await screenshot(page, "round-question");

    await page.reload();
    await expect.poll(() => page.getByLabel("Your answer").inputValue(), { timeout: 10_000 }).toContain("Spark batch");
    await page.getByRole("button", { name: "Submit answer" }).click();

    await page.getByRole("button", { name: "Finish round" }).click();
    await page.getByRole("dialog", { name: "Finish the round now?" }).getByRole("button", { name: "Finish now" }).click();
    await page.waitForURL(/\/results$/);
    await page.getByText(/Model answer/i).first().waitFor();
    await screenshot(page, "round-results");
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
    await page.getByLabel("Your answer").fill("Kafka Streams, because it runs inside the app with no separate cluster.");
    await page.waitForURL(/\/results$/, { timeout: 30_000 });
    const state = await (await page.request.get(`${e2e.baseUrl}/api/rounds/${round.id}`)).json();
    expect(state.status).toBe("expired");
    expect(state.results.items[0].verdict).not.toBe("unanswered");
    await page.getByText(/· Time ran out/).waitFor();
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
    const roundUrl = page.url();
    expect(await e2e.running.db.prisma.round.count({ where: { userId } })).toBe(1);

    await page.goto(`${e2e.baseUrl}/rounds`);
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
    await page.getByLabel("Your answer").fill("Flink, because each event must be handled within milliseconds.");
    await expect.poll(() => page.getByTestId("save-status").textContent(), { timeout: 10_000 }).toMatch(/Saved/);

    await context.setOffline(true);
    await page.getByRole("button", { name: "Submit answer" }).click();
    await page.getByText(/You seem to be offline\. Your answer is kept on this device/).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "round-offline-submit");

    await context.setOffline(false);
    await page.getByText(/Submitted at/).waitFor({ timeout: 15_000 });
    const state = await (await page.request.get(`${e2e.baseUrl}/api/rounds/${round.id}`)).json();
    expect(state.questions[0].answer).toContain("Flink");
    await context.close();
  });
});
