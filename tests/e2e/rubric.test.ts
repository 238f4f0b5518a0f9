import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, fitsWidth, screenshotWidths, signUp, startE2E, type E2E } from "./browser.ts";

// Misses the event-at-a-time concept in words the rubric lacks: partly correct now, correct with the phrase.
// Short enough (three words of four letters or more) that no exemplar vote applies: the rubric alone decides, so the
// phrase is what moves it.
const PIPELINED = "Flink: its pipelined operators, so 100 ms is met.";
const STRONG = "Flink, because 100 ms needs event-at-a-time processing";

async function newUser(browser: Browser, baseUrl: string, who: { name: string; mentor?: boolean }): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signUp(page, baseUrl, who);
  return page;
}

/** A JSON request from inside the page, with its session and the app's CSRF rules, as the client sends one. */
const send = (page: Page, url: string, body: unknown) =>
  page.evaluate(
    async ({ url, body }) => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { url, body },
  );

describe("rubric health and phrase suggestions in the browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it("a mentor finds a disagreement on Rubric health, selects a span of the answer, previews the phrase and saves it", async () => {
    const ada = await newUser(e2e.browser, e2e.baseUrl, { name: "Ada" });
    const answers: string[] = [];
    for (const answer of [PIPELINED, STRONG]) {
      const res = await send(ada, "/api/questions/scenario-fraud-detection/check", { answer });
      expect(res.status).toBe(200);
      answers.push(res.body.answerId);
    }
    const invite = await send(ada, "/api/links/invites", {});
    const grace = await newUser(e2e.browser, e2e.baseUrl, { name: "Grace", mentor: true });
    expect((await send(grace, "/api/links", { code: invite.body.code })).status).toBe(201);
    const ruling = { verdict: "correct", score: 0.8, reason: "Pipelined operators are event-at-a-time" };
    expect((await send(grace, `/api/answers/${answers[0]}/override`, ruling)).status).toBe(201);
    expect((await send(grace, `/api/answers/${answers[1]}/confirm`, {})).status).toBe(200);

    await grace.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rubric health" }).click();
    await grace.getByRole("heading", { level: 1, name: "Rubric health" }).waitFor();
    await grace.getByText(/2 rulings · agreement 50%/).waitFor();
    await grace.getByText("Flink: its pipelined operators, so 100 … is met.").waitFor();
    expect(await fitsWidth(grace)).toBe(true);
    await screenshotWidths(grace, "rubric-health");

    await grace.getByRole("link", { name: /Open the answer/ }).click();
    await grace.getByRole("heading", { name: "Suggest a rubric phrase" }).waitFor();
    await expectAccessible(grace, "rubric-answer-suggester");
    // Select the span in the answer as a mouse would; the phrase field follows the selection.
    await grace.locator(".answer-view .answer-text").evaluate((quote, span) => {
      const walker = document.createTreeWalker(quote, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(span);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + span.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`"${span}" is not in the answer`);
    }, "pipelined operators");
    await expect.poll(() => grace.getByLabel("Phrase", { exact: true }).inputValue()).toBe("pipelined operators");

    // Keyboard from here on: the rubric entry, then Preview.
    await grace.getByLabel("It shows").focus();
    await grace.getByLabel("It shows").selectOption("concept:event-at-a-time");
    await grace.getByRole("button", { name: "Preview" }).press("Enter");
    await grace.getByText(/1 of 2 answers would change verdict/).waitFor();
    await grace.getByText(/50%\s*→\s*100%/).waitFor();
    const row = grace.getByRole("row", { name: /This answer/ });
    expect(await row.textContent()).toMatch(/Partly correct.*Correct.*Agrees with your ruling/);
    expect(await fitsWidth(grace)).toBe(true);
    await screenshotWidths(grace, "rubric-preview");

    await grace.getByLabel("Note for the maintainer (optional)").fill("Common wording for event-at-a-time");
    await grace.getByRole("button", { name: "Save suggestion" }).click();
    await grace.getByRole("status").filter({ hasText: "Suggestion saved" }).waitFor();
    await expectAccessible(grace, "rubric-suggestion-saved");
    const saved = await e2e.running.db.prisma.rubricSuggestion.findMany();
    expect(saved).toMatchObject([
      {
        question: "scenario-fraud-detection",
        concept: "event-at-a-time",
        phrase: "pipelined operators",
        note: "Common wording for event-at-a-time",
        total: 2,
        changedCount: 1,
        agreementBefore: 0.5,
        agreementAfter: 1,
      },
    ]);
  });
});
