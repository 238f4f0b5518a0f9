import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, startE2E, type E2E, signUp } from "./browser.ts";

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
    expect(state.status).not.toBe("open");
    expect(state.results.items[0].verdict).not.toBe("unanswered");
    await screenshot(page, "round-expired-results");
    await page.close();
  });
});
