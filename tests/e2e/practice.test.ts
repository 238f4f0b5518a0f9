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
import { modelAnswer } from "./bank.ts";

describe("practice in the browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it("when a candidate filters the bank and answers a free-text question, then the result highlights what earned credit", async () => {
    const page = await e2e.browser.newPage();
    await signUp(page, e2e.baseUrl, { name: "Ines" });
    await page.getByRole("main").getByRole("link", { name: "Go to practice" }).click();
    await page.getByRole("heading", { level: 1, name: "Practice" }).waitFor();
    // The list is busy while a refetch is under way, so each state is checked once its own list has arrived and shows.
    const settled = page.locator(".practice-results:not([aria-busy])");
    const listed = (query: string) =>
      page.waitForResponse((r) => r.url().includes("/api/questions?") && r.url().includes(query));
    await settled.waitFor();
    await expectAccessible(page, "practice-list");

    // Filters live in the URL; wait for each to land before the next, as a person would see the list change.
    let arrived = listed("section=comparison");
    await page.getByLabel("Comparison").check();
    await page.waitForURL(/section=comparison/);
    await arrived;
    await settled.waitFor();
    await expectAccessible(page, "practice-list-section");
    arrived = listed("type=free-text");
    await page.getByLabel("Free text").check();
    await page.waitForURL(/\/practice\?section=comparison&type=free-text$/);
    await arrived;
    await settled.waitFor();
    // Rows are named by title; the prompt reads under it.
    const choosing = page.getByRole("link", { name: "Dimensions for choosing a framework" });
    await page
      .getByRole("listitem")
      .filter({ has: choosing })
      .getByText(/which dimensions do you weigh/)
      .waitFor();
    await page.locator(".result-count", { hasText: /^\d+ questions?$/ }).waitFor();
    await screenshotWidths(page, "practice-list");
    await choosing.click();
    await page.waitForURL(/\/practice\/compare-choosing-dimensions\?section=comparison&type=free-text$/);
    await page.getByRole("button", { name: "Check answer" }).waitFor();
    await expectAccessible(page, "practice-question");

    // The model answer, so the "Solved" mark below does not move as exemplars are added.
    await page.getByLabel("Your answer").fill(modelAnswer("compare-choosing-dimensions"));
    await page.getByRole("button", { name: "Check answer" }).click();
    const result = page.getByRole("region", { name: "Result" });
    await result.waitFor();
    await expect.poll(() => result.locator("mark").count()).toBeGreaterThan(0);
    await result.getByRole("heading", { name: "What you covered" }).waitFor();
    await result.getByRole("heading", { name: "Model answer" }).waitFor();
    await result.getByRole("link", { name: "Next unsolved in this section" }).waitFor();
    await screenshot(page, "practice-result");

    await page.getByRole("link", { name: "Next question" }).click();
    await page.waitForURL(/\/practice\/[a-z0-9-]+\?section=comparison&type=free-text$/);
    expect(page.url()).not.toContain("compare-choosing-dimensions");
    await page.getByRole("button", { name: "Check answer" }).waitFor();
    await expectAccessible(page, "practice-next-question");
    await page.getByRole("link", { name: "All questions" }).click();
    await page.waitForURL(/\/practice\?section=comparison&type=free-text$/);

    // "framework" is only in that question's title; the model answer above was graded correct.
    await page.getByLabel("Search questions").fill("Dimensions framework");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/practice\?section=comparison&type=free-text&q=Dimensions\+framework$/);
    // The title shown is where the search matched: the row visibly holds the word.
    const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /choosing a framework/ }) });
    await row.getByText("Solved").waitFor();
    // The count replaces "Updating the list…" once the search's own page is in, so the screenshot is the same each run.
    await page.locator(".result-count", { hasText: /^\d+ questions?$/ }).waitFor();
    await screenshotWidths(page, "practice-search");
    await page.close();
  });

  it("when a choice question is answered on a phone with the keyboard, then each choice is marked right or wrong", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 360, height: 740 } });
    await signUp(page, e2e.baseUrl, { name: "Kofi" });
    await page.goto(`${e2e.baseUrl}/practice/compare-deployment-no-new-cluster`);
    await page.getByRole("checkbox", { name: "Kafka Streams" }).waitFor();
    await expectAccessible(page, "practice-choice-question-360");
    await page.getByRole("checkbox", { name: "Kafka Streams" }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Check answer" }).focus();
    await page.keyboard.press("Enter");

    const result = page.getByRole("region", { name: "Result" });
    await result.waitFor();
    await expect.poll(() => result.getByText("Right answer").count()).toBe(2);
    await result.getByText("Your choice").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "practice-choice-result-360");
    await page.close();
  });

  it("when Check answer is double-clicked, then one answer is in the history, and a right choice alone reads as a covered point", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUp(page, e2e.baseUrl, { name: "Priya" });
    const userId = await currentUserId(page, e2e.baseUrl);
    await page.goto(`${e2e.baseUrl}/practice/scenario-fraud-detection`);
    await page.getByLabel("Your answer").fill("Flink.");
    await page.getByRole("button", { name: "Check answer" }).dblclick();
    const result = page.getByRole("region", { name: "Result" });
    await result.waitFor();

    await result.getByText("You chose Apache Flink, the right call for this scenario").waitFor();
    expect(await result.getByText("None of the key points yet").count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "practice-right-choice");

    const history = await (await page.request.get(`${e2e.baseUrl}/api/answers`)).json();
    expect(history.items).toHaveLength(1);
    expect(await e2e.running.db.prisma.answer.count({ where: { userId } })).toBe(1);
    await page.close();
  });
});
