import type { Browser, Page } from "playwright-core";
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

async function newUser(
  browser: Browser,
  baseUrl: string,
  who: { email: string; name: string; mentor?: boolean },
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await signUp(page, baseUrl, who);
  return page;
}

describe("mentor review in the browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it("a candidate invites, a mentor links, reviews the queue and overrides with a reason; the candidate sees the override and the comment", async () => {
    const ada = await newUser(e2e.browser, e2e.baseUrl, { email: "ada@example.com", name: "Ada" });
    // Two graded practice answers, as the practice page would send them.
    for (const answer of [
      "Spark batch, it is cheaper",
      "Flink: 100 ms needs event-at-a-time processing, micro-batches are too slow.",
    ]) {
      const status = await ada.evaluate(async (body) => {
        const res = await fetch("/api/questions/scenario-fraud-detection/check", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ answer: body, timeSpentSeconds: 95 }),
        });
        return res.status;
      }, answer);
      expect(status).toBe(200);
    }

    // Two short finished rounds, so the score-by-round chart has a line.
    for (const [i, answer] of [
      "Spark batch with checkpoints and watermarks",
      "Flink because of event time and watermarks",
    ].entries()) {
      const status = await ada.evaluate(
        async ({ answer, key }) => {
          const post = (url: string, body: unknown) =>
            fetch(url, {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify(body),
            }).then((r) => r.json());
          const round = await post("/api/rounds", { questionCount: 2, timeLimitSeconds: 600, types: ["free-text"] });
          await post(`/api/rounds/${round.id}/answers`, {
            question: round.questions[0].slug,
            answer,
            idempotencyKey: key,
          });
          const done = await fetch(`/api/rounds/${round.id}/finish`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: "{}",
          });
          return done.status;
        },
        { answer, key: `e2e-round-${i}` },
      );
      expect(status).toBe(200);
    }

    await ada.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
    await ada.getByRole("heading", { name: "History & progress" }).waitFor();
    await ada.getByText("No mentor can see your answers.").waitFor();
    await ada.locator(".history-row").first().waitFor();
    await expectAccessible(ada, "history-no-mentor");
    await ada.getByRole("button", { name: "Invite a mentor" }).click();
    const code = (await ada.locator(".invite-code").textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await screenshot(ada, "mentor-candidate-history");

    const grace = await newUser(e2e.browser, e2e.baseUrl, { email: "grace@example.com", name: "Grace", mentor: true });
    await grace.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).click();
    await grace.getByLabel("Invite code from a candidate").fill("WRONG-CODE");
    await grace.getByRole("button", { name: "Link candidate" }).click();
    await expect.poll(() => grace.getByRole("alert").textContent()).toContain("No invite");
    await expectAccessible(grace, "mentor-candidates-bad-code");
    await grace.getByLabel("Invite code from a candidate").fill(code);
    await grace.getByRole("button", { name: "Link candidate" }).click();
    await grace.getByRole("link", { name: "Ada" }).waitFor();
    await grace.getByText("4 answers waiting for review").waitFor();
    await screenshot(grace, "mentor-candidates");

    await grace.getByRole("link", { name: "Ada" }).click();
    await grace.getByRole("heading", { name: "Mastery by section" }).waitFor();
    await grace.getByRole("heading", { name: "Which framework: called for vs chosen" }).waitFor();
    await grace.locator(".history-row").first().waitFor();
    await screenshotWidths(grace, "mentor-candidate-page");

    await grace.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review queue" }).click();
    await grace.getByText("Answer 1 of 4").waitFor();
    await expectAccessible(grace, "mentor-queue");
    await grace.keyboard.press("j");
    await grace.getByText("Answer 2 of 4").waitFor();
    await grace.keyboard.press("k");
    await grace.getByText("Answer 1 of 4").waitFor();
    await grace.keyboard.press("o");
    await expect.poll(() => grace.evaluate(() => document.activeElement?.id)).toBe("override-verdict");
    await grace.getByLabel("Verdict").selectOption("correct");
    await grace.getByLabel("Score (%)").fill("85");
    await grace.getByRole("button", { name: "Save override" }).click();
    await expect.poll(() => grace.getByRole("alert").first().textContent()).toContain("reason");
    await expectAccessible(grace, "mentor-queue-override-error");
    await grace.getByLabel("Reason (required)").fill("The cost argument is what this scenario is about");
    await grace.getByLabel("Add a comment").fill("Good instinct <b>— mention latency</b> next time");
    await grace.getByRole("button", { name: "Post comment" }).click();
    await grace.getByText("Good instinct <b>— mention latency</b> next time").waitFor();
    await screenshot(grace, "mentor-queue-answer");
    await grace.getByRole("button", { name: "Save override" }).click();
    // The overridden answer leaves the queue; confirm the rest with the keyboard.
    for (const left of [3, 2, 1]) {
      await grace.getByText(`Answer 1 of ${left}`).waitFor();
      await grace.locator("body").click({ position: { x: 5, y: 5 } });
      await grace.keyboard.press("c");
    }
    await grace.getByText("Nothing to review.").waitFor();
    await expectAccessible(grace, "mentor-queue-empty");

    await grace.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Grader agreement" }).click();
    await grace.getByText(/4 rulings/).waitFor();
    expect(await fitsWidth(grace)).toBe(true);
    await screenshotWidths(grace, "mentor-agreement");

    await ada.goto(e2e.baseUrl);
    const notice = ada.getByTestId("unread-notice");
    await expect.poll(() => notice.textContent()).toContain("1 new comment and 1 grade change");
    await screenshot(ada, "mentor-candidate-dashboard-unread");
    await notice.getByRole("link", { name: "See your history" }).click();
    await ada.getByText("Grace", { exact: false }).first().waitFor();
    await ada.getByText("mentor override", { exact: false }).first().waitFor();
    await expectAccessible(ada, "history-with-override");
    await ada.locator(".history-row", { hasText: "mentor override" }).getByRole("link").click();
    await ada.getByRole("heading", { name: "Mentor rulings" }).waitFor();
    await ada.getByText("The cost argument is what this scenario is about").waitFor();
    await ada.getByText("Good instinct <b>— mention latency</b> next time").waitFor();
    expect(await ada.locator(".comment-body b").count()).toBe(0);
    await screenshot(ada, "mentor-candidate-answer");
    // The audit log is the candidate's to read.
    await ada.getByRole("link", { name: "← History" }).click();
    await ada.getByText(/Activity on your data/).click();
    // Which answer heads the queue depends on the rounds' random draw, so its automatic verdict can be any of them.
    await ada.getByText(/overrode a grade \((incorrect|partial|correct) → correct: The cost argument/).waitFor();
    await screenshot(ada, "mentor-candidate-activity");
    await ada.goto(e2e.baseUrl);
    await ada.getByRole("heading", { name: "Welcome, Ada" }).waitFor();
    expect(await ada.getByTestId("unread-notice").count()).toBe(0);
  });

  it("when Invite a mentor is double-clicked, then one invite is made; after the link ends the mentor sees one plain page", async () => {
    const lin = await newUser(e2e.browser, e2e.baseUrl, { email: "lin@example.com", name: "Lin" });
    const linId = await currentUserId(lin, e2e.baseUrl);
    await lin.goto(`${e2e.baseUrl}/history`);
    await lin.getByRole("button", { name: "Invite a mentor" }).dblclick();
    const code = (await lin.locator(".invite-code").textContent())!.trim();
    await expectAccessible(lin, "history-invite-code");
    expect(await e2e.running.db.prisma.linkInvite.count({ where: { candidateId: linId } })).toBe(1);

    // A candidate has no mentor pages: the address leads nowhere.
    await lin.goto(`${e2e.baseUrl}/mentor/queue`);
    await lin.getByRole("heading", { name: "Page not found" }).waitFor();
    expect(await lin.getByText(/Only mentors/).count()).toBe(0);
    await screenshotWidths(lin, "mentor-page-as-candidate");

    const joan = await newUser(e2e.browser, e2e.baseUrl, { email: "joan@example.com", name: "Joan", mentor: true });
    await joan.goto(`${e2e.baseUrl}/mentor/candidates`);
    await joan.getByLabel("Invite code from a candidate").fill(code);
    await joan.getByRole("button", { name: "Link candidate" }).click();
    await joan.getByRole("link", { name: "Lin" }).waitFor();
    await expectAccessible(joan, "mentor-candidates-linked");
    await joan.getByRole("link", { name: "Lin" }).click();
    await joan.getByRole("heading", { level: 1, name: "Lin" }).waitFor();
    await joan.getByRole("heading", { name: "Mastery by section" }).waitFor();
    await expectAccessible(joan, "mentor-candidate-new");
    const candidatePage = joan.url();

    await lin.goto(`${e2e.baseUrl}/history`);
    await lin.getByRole("button", { name: /^Remove access/ }).click();
    await lin.getByText("No mentor can see your answers.").waitFor();
    await expectAccessible(lin, "history-access-removed");

    await joan.goto(candidatePage);
    await joan.getByRole("heading", { level: 1, name: "This candidate isn't linked to you" }).waitFor();
    expect(await joan.getByRole("alert").count()).toBe(1);
    expect(await joan.getByText("No such candidate").count()).toBe(0);
    expect(await joan.getByRole("link", { name: "Download CSV" }).count()).toBe(0);
    expect(await fitsWidth(joan)).toBe(true);
    await screenshotWidths(joan, "mentor-candidate-unlinked");
  });
});
