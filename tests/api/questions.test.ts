import supertest from "supertest";
import { expect, it } from "vitest";
import { VersionBodies } from "../../server/src/questions/version-bodies.ts";
import { warmRubrics } from "../../server/src/questions/warm-rubrics.ts";
import { bank, createTestApp, describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

const SECRET_FIELDS = /"(rubric|resolvedRubric|modelAnswer|correct|feedback|explanation)"/;
/** What a signed-out visitor is shown: follow-ups stay hidden until their parent is answered. */
const visible = () => bank().questions.filter((q) => !q.followUpOf);

describeEachDatabase("question bank API", (kind) => {
  const t = useTestApp(kind);

  it("when the server has started, then every active free-text question's rubric is compiled once, and stopping ends it", async () => {
    const freeText = bank().questions.filter((q) => q.type === "free-text").length;
    const deps = { prisma: t.db.prisma, versionBodies: new VersionBodies(), lexicon: bank().lexicon };
    expect(await warmRubrics(deps)).toBe(freeText);
    expect(await warmRubrics(deps, () => true)).toBe(0);
  });

  it("when the bank is listed, then every active question is there, paginated, with nothing that gives answers away", async () => {
    const all = visible().length;
    const first = await supertest(t.app).get("/api/questions?pageSize=100").expect(200);
    expect(first.body.total).toBe(all);
    expect(first.body.items).toHaveLength(Math.min(all, 100));
    expect(JSON.stringify(first.body)).not.toMatch(SECRET_FIELDS);
    // Each row carries the title a person reads in the list, the bank's own where it has one.
    const titleOf = new Map(bank().questions.map((q) => [q.slug, q.title]));
    for (const item of first.body.items as { slug: string; title: string }[]) {
      expect(item.title).toEqual(titleOf.get(item.slug) ?? expect.any(String));
    }
    expect(first.body.items.filter((q: { slug: string }) => titleOf.get(q.slug)).length).toBeGreaterThan(0);
    const page2 = await supertest(t.app).get("/api/questions?pageSize=10&page=2").expect(200);
    expect(page2.body.items.map((q: { slug: string }) => q.slug)).toEqual(
      first.body.items.slice(10, 20).map((q: { slug: string }) => q.slug),
    );
  });

  it("when filtered by section, type, difficulty and tag, then only matching questions come back", async () => {
    const res = await supertest(t.app).get("/api/questions?section=scenarios&type=free-text&pageSize=100").expect(200);
    const expected = visible().filter((q) => q.section === "scenarios" && q.type === "free-text");
    expect(res.body.total).toBe(expected.length);
    expect(
      res.body.items.every(
        (q: { section: string; type: string }) => q.section === "scenarios" && q.type === "free-text",
      ),
    ).toBe(true);

    const several = await supertest(t.app)
      .get("/api/questions?section=flink,faq&difficulty=easy,medium&pageSize=100")
      .expect(200);
    const want = visible().filter((q) => ["flink", "faq"].includes(q.section) && q.difficulty !== "hard");
    expect(several.body.total).toBe(want.length);

    const tag = bank().questions[0]!.tags[0]!;
    const tagged = await supertest(t.app).get(`/api/questions?tag=${tag}&pageSize=100`).expect(200);
    expect(tagged.body.total).toBe(visible().filter((q) => q.tags.includes(tag)).length);
  });

  it("when a filter value is unknown, then 400 names the field", async () => {
    const res = await supertest(t.app).get("/api/questions?section=cobol&pageSize=500").expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["pageSize", "section.0"]);
  });

  it("when one question is fetched, then it has its choices without correct flags; unknown slugs are 404", async () => {
    const choice = bank().questions.find((q) => q.type === "single-choice")!;
    const res = await supertest(t.app).get(`/api/questions/${choice.slug}`).expect(200);
    expect(res.body).toMatchObject({ slug: choice.slug, type: "single-choice", version: 1, title: expect.any(String) });
    expect(res.body.choices).toHaveLength(choice.type === "single-choice" ? choice.choices.length : 0);
    expect(JSON.stringify(res.body)).not.toMatch(SECRET_FIELDS);
    const missing = await supertest(t.app).get("/api/questions/no-such-question").expect(404);
    expect(missing.body.error.message).toBe("No such question");
  });

  it("when a signed-out user checks an answer, then 401", async () => {
    await supertest(t.app).post("/api/questions/scenario-backfill/check").send({ answer: "Spark batch" }).expect(401);
  });

  it("when a choice answer is checked, then it is graded, revealed and stored in history as practice", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const q = bank().questions.find((x) => x.type === "single-choice")!;
    if (q.type !== "single-choice") throw new Error("fixture");
    const right = q.choices.find((c) => c.correct)!;
    const res = await agent.post(`/api/questions/${q.slug}/check`).send({ answer: right.id }).expect(200);
    expect(res.body).toMatchObject({ question: q.slug, verdict: "correct", score: 1, explanation: q.explanation });
    expect(res.body.choices.find((c: { id: string }) => c.id === right.id).correct).toBe(true);
    const stored = await t.db.prisma.answer.findUniqueOrThrow({
      where: { id: res.body.answerId },
      include: { questionVersion: true },
    });
    expect(stored).toMatchObject({ userId: user.id, source: "practice", verdict: "correct", score: 1 });
    expect(stored.questionVersion.version).toBe(1);
  });

  it("when a free-text answer is checked, then the grading result names matched evidence and the model answer", async () => {
    const { agent } = await signedUpAgent(t.app);
    const res = await agent
      .post("/api/questions/scenario-backfill/check")
      .send({
        answer:
          "Spark batch: three years of history is a huge bounded dataset, nobody needs low latency, and batch gives the throughput.",
      })
      .expect(200);
    expect(["correct", "partial"]).toContain(res.body.verdict);
    expect(res.body.matched.length).toBeGreaterThan(0);
    expect(res.body.modelAnswer).toEqual(expect.any(String));
    const wrong = await agent
      .post("/api/questions/scenario-backfill/check")
      .send({ answer: "Flink, because it is exactly-once and handles huge volumes with great throughput." })
      .expect(200);
    expect(wrong.body.verdict).toBe("incorrect");
  });

  it("when a check is sent twice with one key, at once or one after the other, then one answer is stored and both get its response", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const body = {
      answer: "Flink: 100 ms needs event-at-a-time processing.",
      timeSpentSeconds: 30,
      idempotencyKey: "check-key-1",
    };
    const [a, b] = await Promise.all([
      agent.post("/api/questions/scenario-fraud-detection/check").send(body),
      agent.post("/api/questions/scenario-fraud-detection/check").send(body),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body).toEqual(a.body);
    const later = await agent.post("/api/questions/scenario-fraud-detection/check").send(body).expect(200);
    expect(later.body).toEqual(a.body);
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(1);
    await agent
      .post("/api/questions/scenario-fraud-detection/check")
      .send({ ...body, idempotencyKey: "check-key-2" })
      .expect(200);
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(2);
  });

  it("when a check key is reused with another answer or question, then 422 idempotency_key_reused and nothing is stored", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const body = { answer: "Spark batch for a bounded backfill.", idempotencyKey: "check-key-reused" };
    const first = await agent.post("/api/questions/scenario-backfill/check").send(body).expect(200);
    const otherAnswer = await agent
      .post("/api/questions/scenario-backfill/check")
      .send({ ...body, answer: "Flink" })
      .expect(422);
    expect(otherAnswer.body.error.code).toBe("idempotency_key_reused");
    const otherQuestion = await agent.post("/api/questions/scenario-fraud-detection/check").send(body).expect(422);
    expect(otherQuestion.body.error.code).toBe("idempotency_key_reused");
    expect(await t.db.prisma.answer.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([
      { id: first.body.answerId },
    ]);
  });

  it("when a check that missed concepts is resent with its key, then the first response comes back and no answer or card is written", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const body = { answer: "Flink, because it is exactly-once.", idempotencyKey: "check-key-cards" };
    const first = await agent.post("/api/questions/scenario-backfill/check").send(body).expect(200);
    expect(first.body.missed.length).toBeGreaterThan(0);
    const cards = () => t.db.prisma.card.findMany({ where: { userId: user.id }, orderBy: { conceptId: "asc" } });
    const before = await cards();
    expect(before).toHaveLength(first.body.missed.length);
    const again = await agent.post("/api/questions/scenario-backfill/check").send(body).expect(200);
    expect(again.body).toEqual(first.body);
    expect(await cards()).toEqual(before);
    expect(await t.db.prisma.answer.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([
      { id: first.body.answerId },
    ]);
  });

  it("when a used key comes back with a request that would be refused on its own, then it is still 422 idempotency_key_reused", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const body = { answer: "Spark batch for a bounded backfill.", idempotencyKey: "check-key-refused" };
    await agent.post("/api/questions/scenario-backfill/check").send(body).expect(200);
    for (const [slug, answer] of [
      ["scenario-backfill", ["spark-batch"]],
      ["no-such-question", "x"],
    ] as const) {
      const res = await agent
        .post(`/api/questions/${slug}/check`)
        .send({ ...body, answer })
        .expect(422);
      expect(res.body.error.code).toBe("idempotency_key_reused");
    }
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(1);
  });

  it("when a question is retired, then its check is 404 and stores nothing, while a key used before still gets its first response", async () => {
    // Retiring changes what every other test file reads: this one gets a database of its own.
    const own = await createTestApp(kind, { privateDatabase: true });
    try {
      const { agent, user } = await signedUpAgent(own.app);
      const body = { answer: "Spark batch for a bounded backfill.", idempotencyKey: "before-retiring" };
      const first = await agent.post("/api/questions/scenario-backfill/check").send(body).expect(200);
      await own.db.prisma.question.update({ where: { slug: "scenario-backfill" }, data: { retiredAt: new Date() } });
      const res = await agent.post("/api/questions/scenario-backfill/check").send({ answer: body.answer }).expect(404);
      expect(res.body.error.code).toBe("not_found");
      await agent.get("/api/questions/scenario-backfill").expect(404);
      expect((await agent.post("/api/questions/scenario-backfill/check").send(body).expect(200)).body).toEqual(
        first.body,
      );
      expect(await own.db.prisma.answer.count({ where: { userId: user.id } })).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('when a "which framework" answer is checked, then the options it weighs come back with their labels', async () => {
    const { agent } = await signedUpAgent(t.app);
    const res = await agent
      .post("/api/questions/scenario-fraud-detection/check")
      .send({ answer: "Flink." })
      .expect(200);
    expect(res.body.choice).toEqual({ expected: ["flink"], committed: ["flink"] });
    expect(res.body.options).toMatchObject({ flink: "Apache Flink", "spark-batch": "Apache Spark (batch)" });
  });

  it("when the answer does not fit the question type, then 400 on the answer field and nothing is stored", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const single = bank().questions.find((x) => x.type === "single-choice")!;
    const multi = bank().questions.find((x) => x.type === "multi-choice")!;
    for (const [slug, answer] of [
      [single.slug, "no-such-choice"],
      [single.slug, ["a", "b"]],
      [multi.slug, "just-a-string"],
      ["scenario-backfill", ["spark-batch"]],
    ] as const) {
      const res = await agent.post(`/api/questions/${slug}/check`).send({ answer }).expect(400);
      expect(res.body.error.details[0].path).toBe("answer");
    }
    await agent.post("/api/questions/scenario-backfill/check").send({}).expect(400);
    await agent.post("/api/questions/nope/check").send({ answer: "x" }).expect(404);
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(0);
  });
});
