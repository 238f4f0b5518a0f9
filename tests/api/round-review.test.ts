import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createTestApp, describeEachDatabase, signedUpAgent, type TestApp } from "../setup/test-app.ts";

const GRACE = 5;
type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];
type Q = { slug: string; flagged: boolean };

describeEachDatabase("reviewing a round: flags and retrying the missed questions", (kind) => {
  let t: TestApp;
  let clock = Date.now();
  const now = () => new Date(clock);

  beforeAll(async () => {
    t = await createTestApp(kind, { graceSeconds: GRACE, now });
  });
  beforeEach(() => {
    clock = Date.now();
  });
  afterAll(() => t.close());

  const start = (agent: Agent, body: object) => agent.post("/api/rounds").send(body);
  const flag = (agent: Agent, roundId: string, slug: string, body: unknown) =>
    agent.put(`/api/rounds/${roundId}/flags/${slug}`).send(body as object);

  it("when the owner flags a question, then the flag is stored, shows on reload and can be taken off", async () => {
    const { agent } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 2, timeLimitSeconds: 600 }).expect(201)).body;
    expect(round.questions.every((q: Q) => q.flagged === false)).toBe(true);
    const slug = round.questions[1].slug;

    const res = await flag(agent, round.id, slug, { flagged: true }).expect(200);
    expect(res.body).toEqual({ question: slug, flagged: true });
    const reloaded = (await agent.get(`/api/rounds/${round.id}`).expect(200)).body;
    expect(reloaded.questions.map((q: Q) => q.flagged)).toEqual([false, true]);

    await flag(agent, round.id, slug, { flagged: false }).expect(200);
    expect((await agent.get(`/api/rounds/${round.id}`).expect(200)).body.questions[1].flagged).toBe(false);
  });

  it("when someone else flags the round's question, then 404 and nothing changes", async () => {
    const owner = await signedUpAgent(t.app);
    const other = await signedUpAgent(t.app);
    const round = (await start(owner.agent, { questionCount: 1, timeLimitSeconds: 600 }).expect(201)).body;
    const slug = round.questions[0].slug;
    const res = await flag(other.agent, round.id, slug, { flagged: true }).expect(404);
    expect(res.body.error.code).toBe("not_found");
    expect((await owner.agent.get(`/api/rounds/${round.id}`).expect(200)).body.questions[0].flagged).toBe(false);
  });

  it("when the round is finished or its time ran out, then flagging is 409 round_closed", async () => {
    const { agent } = await signedUpAgent(t.app);
    const finished = (await start(agent, { questionCount: 1, timeLimitSeconds: 600 }).expect(201)).body;
    await agent.post(`/api/rounds/${finished.id}/finish`).expect(200);
    const late = await flag(agent, finished.id, finished.questions[0].slug, { flagged: true }).expect(409);
    expect(late.body.error.code).toBe("round_closed");

    const timed = (await start(agent, { questionCount: 1, timeLimitSeconds: 30 }).expect(201)).body;
    clock += (30 + GRACE + 1) * 1000;
    await flag(agent, timed.id, timed.questions[0].slug, { flagged: true }).expect(409);
    expect((await agent.get(`/api/rounds/${timed.id}`).expect(200)).body.status).toBe("expired");
  });

  it("when the flag request is malformed or names a question outside the round, then 400 with the field", async () => {
    const { agent } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 1, timeLimitSeconds: 600 }).expect(201)).body;
    const slug = round.questions[0].slug;
    for (const [body, path] of [
      [{}, "flagged"],
      [{ flagged: "yes" }, "flagged"],
    ] as const) {
      const res = await flag(agent, round.id, slug, body).expect(400);
      expect(res.body.error).toMatchObject({ code: "validation_failed" });
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const outside = await flag(agent, round.id, "not-in-this-round", { flagged: true }).expect(400);
    expect(outside.body.error.details[0].path).toBe("slug");
    await flag(agent, round.id, "Not A Slug", { flagged: true }).expect(400);
    await agent.put(`/api/rounds/not-a-uuid/flags/${slug}`).send({ flagged: true }).expect(400);
  });

  it("when the candidate retries the questions they missed, then a new round holds exactly those, in order", async () => {
    const { agent } = await signedUpAgent(t.app);
    const first = (
      await start(agent, { questionCount: 4, timeLimitSeconds: 600, types: ["single-choice"] }).expect(201)
    ).body;
    const closed = (await agent.post(`/api/rounds/${first.id}/finish`).expect(200)).body;
    const missed: string[] = closed.results.items
      .filter((i: { verdict: string }) => i.verdict !== "correct")
      .map((i: { slug: string }) => i.slug);
    expect(missed).toHaveLength(4);

    const retry = (
      await start(agent, { questionCount: 2, timeLimitSeconds: 120, questions: missed.slice(0, 2) }).expect(201)
    ).body;
    expect(retry.questions.map((q: Q) => q.slug)).toEqual(missed.slice(0, 2));
    expect(new Date(retry.deadline).getTime() - new Date(retry.startedAt).getTime()).toBe(120_000);

    // Still one open round at a time, whichever way it is started.
    const again = await start(agent, { questionCount: 1, timeLimitSeconds: 120, questions: missed.slice(2, 3) }).expect(
      409,
    );
    expect(again.body.error).toMatchObject({ code: "round_in_progress", roundId: retry.id });
  });

  it("when the listed questions are not in the bank, repeated, out of order or at odds with the rest, then 400 names them", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    for (const [body, path] of [
      [{ questionCount: 1, timeLimitSeconds: 60, questions: ["no-such-question"] }, "questions.0"],
      [{ questionCount: 2, timeLimitSeconds: 60, questions: ["flink-weaknesses", "flink-weaknesses"] }, "questions"],
      [{ questionCount: 2, timeLimitSeconds: 60, questions: ["flink-weaknesses"] }, "questionCount"],
      [{ questionCount: 1, timeLimitSeconds: 60, questions: ["flink-weaknesses"], sections: ["faq"] }, "questions"],
      [{ questionCount: 1, timeLimitSeconds: 5, questions: ["flink-weaknesses"] }, "timeLimitSeconds"],
      [{ questionCount: 0, timeLimitSeconds: 60, questions: [] }, "questions"],
      [
        {
          questionCount: 2,
          timeLimitSeconds: 60,
          questions: ["arch-design-pipeline-backfill", "arch-design-whole-pipeline"],
        },
        "questions.0",
      ],
    ] as const) {
      const res = await start(agent, body).expect(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await t.db.prisma.round.count({ where: { userId: user.id } })).toBe(0);
  });

  it("when listed questions are refused, then each message names questions by title, never by slug", async () => {
    const { agent } = await signedUpAgent(t.app);
    const unknown = await start(agent, { questionCount: 1, timeLimitSeconds: 60, questions: ["no-such-question"] });
    expect(unknown.body.error.details).toEqual([
      { path: "questions.0", message: "This question is no longer in the bank" },
    ]);
    const questions = ["arch-design-pipeline-backfill", "arch-design-whole-pipeline"];
    const reversed = await start(agent, { questionCount: 2, timeLimitSeconds: 60, questions }).expect(400);
    expect(reversed.body.error.details).toEqual([
      {
        path: "questions.0",
        message:
          "“Food-delivery platform: backfill” must come after the question it follows up, “Food-delivery data platform”",
      },
    ]);
  });
});
