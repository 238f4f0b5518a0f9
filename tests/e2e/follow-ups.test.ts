import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelAnswer } from "./bank.ts";
import { currentUserId, fitsWidth, screenshotWidths, signUp, startE2E, type E2E, expectAccessible } from "./browser.ts";

const PARENT = "scenario-realtime-dashboard";
const FOLLOW = "scenario-realtime-dashboard-200ms";
const CHOICE_PARENT = "scenario-realtime-dashboard-choice";
const CHOICE_FOLLOW = "scenario-realtime-dashboard-restarts";

describe("interviewer follow-ups in the browser", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it("when a candidate answers a parent in practice, then the result offers the follow-up, which they answer next", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUp(page, e2e.baseUrl, { name: "Aiko" });

    // Straight to the follow-up: it is not open yet, and the page leads to the question it follows up.
    await page.goto(`${e2e.baseUrl}/practice/${FOLLOW}`);
    await page.getByRole("heading", { name: "Answer the first question before its follow-up" }).waitFor();
    await expectAccessible(page, "follow-up-practice-locked");
    await page.getByRole("link", { name: "Go to that question" }).click();
    await page.waitForURL(new RegExp(`/practice/${PARENT}$`));

    await page.getByLabel("Your answer").fill(modelAnswer(PARENT));
    await page.getByRole("button", { name: "Check answer" }).click();
    const result = page.getByRole("region", { name: "Result" });
    await result.waitFor();
    const offer = result.getByRole("region", { name: "The interviewer follows up" });
    await offer.getByText(/within 200\s*ms/).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "follow-up-practice-offer");

    // Keyboard only: tab to the offer's link and follow it.
    await offer.getByRole("link", { name: "Answer the follow-up" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/practice/${FOLLOW}$`));
    await page.getByText("Follow-up", { exact: true }).first().waitFor();
    await page.getByText(/The interviewer follows up on/).waitFor();
    await expectAccessible(page, "follow-up-practice-question");
    await page.getByLabel("Your answer").fill(modelAnswer(FOLLOW));
    await page.getByRole("button", { name: "Check answer" }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("region", { name: "Result" })
      .getByText(/Correct/)
      .first()
      .waitFor();
    await screenshotWidths(page, "follow-up-practice-result");

    // History shows the chain together: the follow-up right after its parent, labelled.
    await page.goto(`${e2e.baseUrl}/history`);
    const rows = page.locator(".history-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await expect.poll(() => rows.nth(1).getByText("Follow-up", { exact: true }).count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "follow-up-history");
    await page.close();
  });

  it("when a round holds a chain, then the follow-up is locked until its parent is submitted, then answered as the next step", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUp(page, e2e.baseUrl, { name: "Bruno" });
    const userId = await currentUserId(page, e2e.baseUrl);
    // The chain is placed in known positions; the draw itself is covered by the API and unit tests.
    const prisma = e2e.running.db.prisma;
    const slugs = [CHOICE_PARENT, CHOICE_FOLLOW, "scenario-fraud-detection"];
    const questions = await prisma.question.findMany({
      where: { slug: { in: slugs } },
      select: { id: true, slug: true, currentVersionId: true },
    });
    const bySlug = new Map(questions.map((q) => [q.slug, q]));
    const startedAt = new Date();
    const round = await prisma.round.create({
      data: {
        userId,
        timeLimitSeconds: 900,
        filters: {},
        startedAt,
        deadline: new Date(startedAt.getTime() + 900_000),
        questions: {
          create: slugs.map((slug, position) => ({
            questionId: bySlug.get(slug)!.id,
            questionVersionId: bySlug.get(slug)!.currentVersionId!,
            position,
          })),
        },
      },
    });

    await page.goto(`${e2e.baseUrl}/rounds/${round.id}?q=2`);
    await page.getByText(/The interviewer asks this once you have submitted question 1/).waitFor();
    expect(await page.getByRole("button", { name: "Submit answer" }).count()).toBe(0);
    expect(
      await page
        .getByRole("button", { name: "Question 2 locked, follow-up, opens after the question before it" })
        .count(),
    ).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "follow-up-round-locked");

    await page.getByRole("button", { name: "Go to question 1" }).click();
    await page.getByRole("radio", { name: "Spark Structured Streaming" }).waitFor();
    await expectAccessible(page, "follow-up-round-parent");
    await page.getByRole("radio", { name: "Spark Structured Streaming" }).check();
    await page.getByRole("button", { name: "Submit answer" }).click();
    const next = page.getByRole("button", { name: "Answer the follow-up" });
    await next.waitFor();
    await expectAccessible(page, "follow-up-round-parent-submitted");
    await next.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?q=2$/);
    await page.getByText(/The interviewer follows up on your answer to question 1/).waitFor();
    await page.getByText(/never be counted twice/).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "follow-up-round-open");
    await page.getByRole("radio", { name: /replayable source/ }).check();
    await page.getByRole("button", { name: "Submit answer" }).click();
    await page.getByText(/Submitted/).waitFor();
    await expectAccessible(page, "follow-up-round-submitted");

    await page.getByRole("button", { name: "Finish round" }).click();
    await page.getByRole("button", { name: "Submit all and finish" }).waitFor();
    await expectAccessible(page, "follow-up-round-summary");
    await page.getByRole("button", { name: "Submit all and finish" }).click();
    const confirm = page.getByRole("dialog", { name: "Finish the round now?" });
    await confirm.getByRole("button", { name: "Finish now" }).waitFor();
    await expectAccessible(page, "follow-up-round-finish-confirm");
    await confirm.getByRole("button", { name: "Finish now" }).click();
    await page.waitForURL(/\/results$/);
    await page.getByRole("heading", { name: /Question 2: .+ · Follow-up to question 1/ }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshotWidths(page, "follow-up-round-results");
    await page.close();
  });
});
