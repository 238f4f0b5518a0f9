import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, fitsWidth, screenshot, screenshotWidths, signUp, startE2E, type E2E } from "./browser.ts";

async function newUser(browser: Browser, baseUrl: string, who: { name: string; mentor?: boolean }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signUp(page, baseUrl, who);
  return page;
}

/** A JSON request from inside the page, as the app itself sends it (same origin, session cookie). */
const send = (page: Page, method: string, url: string, body: unknown) =>
  page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, {
        method,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, string> };
    },
    { method, url, body },
  );

describe("disputes in the browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it("a candidate disputes a grade; the mentor sees it first in the queue and overrides; the candidate sees it upheld with the reply", async () => {
    const ada = await newUser(e2e.browser, e2e.baseUrl, { name: "Dora" });
    const checks = [];
    for (const answer of ["Spark batch, it is cheaper", "Flink: 100 ms needs event-at-a-time processing."]) {
      const res = await send(ada, "POST", "/api/questions/scenario-fraud-detection/check", { answer });
      expect(res.status).toBe(200);
      checks.push(res.body);
    }
    // The first answer is the one disputed; the second was submitted later, so it is not first on its own merits.
    const disputed = checks[0]!;
    const invite = await send(ada, "POST", "/api/links/invites", {});
    const grace = await newUser(e2e.browser, e2e.baseUrl, { name: "Hedy", mentor: true });
    expect((await send(grace, "POST", "/api/links", { code: invite.body.code })).status).toBe(201);

    await ada.goto(`${e2e.baseUrl}/answers/${disputed.answerId}`);
    await ada.getByRole("button", { name: "Dispute this grade" }).click();
    const reason = ada.getByLabel("Why is the grade wrong?");
    await reason.fill("Too short");
    await ada.getByText("9/1000 characters").waitFor();
    await ada.getByRole("button", { name: "Submit dispute" }).click();
    await expect.poll(() => ada.getByRole("alert").first().textContent()).toContain("at least 10");
    await expectAccessible(ada, "dispute-form-error");
    await reason.fill("Cost is the deciding factor here, the rubric ignores it");
    await ada.getByRole("button", { name: "Submit dispute" }).click();
    await ada.getByText("Disputed: waiting for a mentor").waitFor();
    // Without waiting for a mentor, Dora judges the answer herself against the key points; the grade stays as it is.
    await ada.getByRole("button", { name: "Partly correct" }).click();
    await ada.getByText("You assessed it as partly correct.").waitFor();
    expect(await ada.getByRole("button", { name: "Partly correct" }).getAttribute("aria-pressed")).toBe("true");
    await screenshotWidths(ada, "dispute-open");
    expect(await fitsWidth(ada)).toBe(true);

    await grace.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review queue" }).click();
    await grace.getByText("Answer 1 of 2").waitFor();
    const bar = grace.getByRole("navigation", { name: "Queue" });
    await bar.getByText("Disputed").waitFor();
    await grace.getByText("The candidate disputes this grade").waitFor();
    await grace.getByText("Cost is the deciding factor here, the rubric ignores it").waitFor();
    // The queue offers the phrase suggester too, with the grade it concerns, above the mentor's review.
    const suggest = await grace.getByRole("heading", { name: "Suggest a rubric phrase" }).boundingBox();
    const review = await grace.getByRole("heading", { name: "Your review" }).boundingBox();
    expect(suggest!.y).toBeLessThan(review!.y);
    await expectAccessible(grace, "queue-disputed-first");
    await grace.getByLabel("Disputed only").check();
    await grace.getByText("Answer 1 of 1").waitFor();
    await screenshotWidths(grace, "queue-disputed-only");

    const flipped = disputed.verdict === "incorrect" ? "correct" : "incorrect";
    await grace.getByLabel("Verdict").selectOption(flipped);
    await grace.getByLabel("Reason (required)").fill("Fair point: cost decides this scenario");
    await grace.getByRole("button", { name: "Save override" }).click();
    await grace.getByText("No open disputes.").waitFor();
    await expectAccessible(grace, "queue-no-disputes");
    await grace.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Grader agreement" }).click();
    await grace.getByRole("heading", { name: "Candidates' self-assessments" }).waitFor();
    await grace.getByText(/1 self-assessment ·/).waitFor();
    await screenshotWidths(grace, "agreement-self-assessments");

    // The home page tells the candidate once: the ruling, with the grade it set (not also as a grade change).
    await ada.goto(`${e2e.baseUrl}/`);
    const feedback = ada.getByRole("region", { name: "From your mentor" });
    await feedback.getByText("Your mentor left 1 ruling on your dispute.").waitFor();
    await feedback
      .getByText(`Hedy upheld your dispute and changed the grade to ${flipped}:`, { exact: false })
      .waitFor();
    expect(await feedback.locator("li").count()).toBe(1);
    await expectAccessible(ada, "home-dispute-upheld");
    await screenshotWidths(ada, "home-dispute-upheld");

    await ada.goto(`${e2e.baseUrl}/history`);
    const row = ada.locator(".history-row", { hasText: "Dispute upheld" });
    await row.waitFor();
    await row.getByText("Self-assessed: partly correct").waitFor();
    await screenshotWidths(ada, "history-dispute-upheld");
    await row.getByRole("link").first().click();
    await ada.getByTestId("dispute").getByText("Dispute upheld").waitFor();
    await ada.getByTestId("dispute").getByText("Fair point: cost decides this scenario").waitFor();
    await ada.getByText(/Upheld by Hedy/).waitFor();
    await screenshot(ada, "dispute-upheld-answer");
    // Resolved once, never again: no dispute button is offered.
    expect(await ada.getByRole("button", { name: "Dispute this grade" }).count()).toBe(0);
  });
});
