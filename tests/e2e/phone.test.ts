import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fitsWidth, screenshot, signUp, startE2E, type E2E } from "./browser.ts";

const PHONE = { width: 360, height: 740 };

/** The elements reaching past the window's right edge, for the failure message. */
const widest = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} (${e.getBoundingClientRect().right} px)`)
      .slice(0, 10)
      .join(", "),
  );

/** Once `ready` shows, the page must fit 360 px and pass axe-core; it is kept as `w360-<name>.png`. */
async function look(page: Page, name: string, ready: Locator): Promise<void> {
  await ready.waitFor();
  if (!(await fitsWidth(page))) expect.fail(`${name} scrolls sideways at 360 px: ${await widest(page)}`);
  await screenshot(page, `w360-${name}`);
}

describe("every page on a 360 px phone", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  // Some twenty pages and two sign-ups in one walk: more than the suite's per-test budget on a busy 2-core runner.
  it("when a candidate and a mentor open every page of the app on a 360 px phone, then none scrolls sideways", async () => {
    const url = (path: string) => `${e2e.baseUrl}${path}`;
    const candidate = await (await e2e.browser.newContext({ viewport: PHONE })).newPage();
    const page = candidate;
    await page.goto(url("/login"));
    await look(page, "login", page.getByRole("button", { name: "Log in" }));
    await page.goto(url("/signup"));
    await look(page, "signup", page.getByRole("button", { name: "Create account" }));
    await page.goto(url("/no-such-page"));
    await look(page, "not-found", page.getByRole("heading", { name: "Page not found" }));

    // A long name, as some people have, in the header and the greeting.
    await signUp(page, e2e.baseUrl, { name: "Maximiliana Konstantinopoulou-Vandermeer", email: "max@example.com" });
    await look(page, "home", page.getByRole("main").getByRole("heading", { name: "Your activity" }));

    // Answers the practice page sends, seeded through the API: missed key points make personal flashcards.
    for (const [slug, answer] of [
      ["scenario-backfill", "Flink, because it is exactly-once and handles huge volumes."],
      ["compare-choosing-dimensions", "Latency first, then what the team already knows."],
    ] as const) {
      expect((await page.request.post(url(`/api/questions/${slug}/check`), { data: { answer } })).status()).toBe(200);
    }

    await page.goto(url("/practice"));
    await look(page, "practice", page.locator(".practice-results:not([aria-busy])"));
    await page.goto(url("/practice/scenario-fraud-detection"));
    await page
      .getByLabel("Your answer")
      .fill("Flink: 100 ms needs event-at-a-time processing, with event-time windows.");
    await page.getByRole("button", { name: "Check answer" }).click();
    await look(page, "practice-result", page.getByRole("region", { name: "Result" }).getByText("Model answer"));

    await page.goto(url("/rounds"));
    await look(page, "rounds", page.getByRole("button", { name: "Start round" }));
    const round = (await (
      await page.request.post(url("/api/rounds"), {
        data: { questionCount: 2, timeLimitSeconds: 600, types: ["free-text"] },
      })
    ).json()) as { id: string; questions: { slug: string }[] };
    const saved = await page.request.post(url(`/api/rounds/${round.id}/answers`), {
      data: {
        question: round.questions[0]!.slug,
        answer: "Spark batch with checkpoints; the latency budget is hours, so batch is simpler and cheaper.",
        idempotencyKey: "phone-round-1",
      },
    });
    expect(saved.ok()).toBe(true);
    await page.goto(url(`/rounds/${round.id}`));
    await look(page, "round", page.getByRole("timer", { name: "Time left" }));
    await page.getByRole("button", { name: "Finish round" }).click();
    const summary = page.getByRole("region", { name: "Summary before you finish" });
    await look(page, "round-summary", summary.getByRole("button", { name: "Submit all and finish" }));
    await summary.getByRole("button", { name: "Submit all and finish" }).click();
    const confirm = page.getByRole("dialog", { name: "Finish the round now?" });
    await look(page, "round-finish-confirm", confirm.getByRole("button", { name: "Finish now" }));
    await confirm.getByRole("button", { name: "Finish now" }).click();
    await page.waitForURL(/\/results$/);
    await look(page, "round-results", page.getByRole("region", { name: "Overview" }));

    await page.goto(url("/history"));
    await page.getByRole("heading", { name: "Mastery by section" }).waitFor();
    await look(page, "history", page.locator(".history-row").first());
    await page.locator(".history-row").first().getByRole("link").first().click();
    await page.waitForURL(/\/answers\//);
    await look(page, "answer", page.locator("#answer-h"));
    await page.goto(url("/history"));
    await page.getByRole("button", { name: "Invite a mentor" }).click();
    await look(page, "history-invite", page.locator(".invite-code"));
    const code = (await page.locator(".invite-code").textContent())!.trim();

    await page.goto(url("/flashcards"));
    await look(page, "flashcards", page.getByRole("button", { name: /Show answer/ }));
    await page.getByRole("button", { name: /Show answer/ }).click();
    await look(page, "flashcards-back", page.getByRole("group", { name: "How well did you remember it?" }));
    // One rating, so the stats page has a forecast to chart.
    await page.getByRole("button", { name: /^Good/ }).click();
    await expect.poll(() => page.locator(".fc-progress-text strong").first().textContent()).toBe("1");
    await page.goto(url("/flashcards/cram"));
    await look(page, "flashcards-cram", page.getByText(/to go of \d+/));
    await page.goto(url("/flashcards/cards"));
    await look(page, "flashcards-cards", page.locator(".fc-card-item").first());
    await page.goto(url("/flashcards/stats"));
    await page.getByRole("heading", { name: "Due in the next 14 days" }).waitFor();
    await look(page, "flashcards-stats", page.locator(".recharts-bar-rectangle").first());
    await page.goto(url("/flashcards/settings"));
    await look(page, "flashcards-settings", page.getByRole("button", { name: "Save settings" }));

    const mentor = await (await e2e.browser.newContext({ viewport: PHONE })).newPage();
    await signUp(mentor, e2e.baseUrl, { name: "Bartholomew", mentor: true });
    await look(mentor, "mentor-home", mentor.getByRole("main").getByRole("heading", { name: "Review queue" }));
    await mentor.goto(url("/mentor/candidates"));
    await mentor.getByLabel("Invite code from a candidate").fill(code);
    await mentor.getByRole("button", { name: "Link candidate" }).click();
    await look(mentor, "mentor-candidates", mentor.getByText(/answers? waiting for review/));
    await mentor.getByRole("link", { name: /^Maximiliana/ }).click();
    await mentor.getByRole("heading", { name: "Mastery by section" }).waitFor();
    await look(mentor, "mentor-candidate", mentor.locator(".history-row").first());
    await mentor.goto(url("/mentor/queue"));
    await look(mentor, "mentor-queue", mentor.locator("#answer-h"));
    const confirmed = mentor.waitForResponse((r) => r.url().endsWith("/confirm") && r.ok());
    await mentor.getByRole("button", { name: "Confirm grade" }).click();
    await confirmed;
    await mentor.goto(url("/mentor/agreement"));
    await look(mentor, "mentor-agreement", mentor.getByText(/1 ruling · agreement/));
    await candidate.context().close();
    await mentor.context().close();
  }, 180_000);
});
