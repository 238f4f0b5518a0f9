import supertest from "supertest";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { roundDeps } from "../../server/src/app.ts";
import { closeDueRounds, closeRound } from "../../server/src/rounds/close-round.ts";
import { VersionBodies } from "../../server/src/questions/version-bodies.ts";
import { bank, createTestApp, describeEachDatabase, roundOf, signedUpAgent, type TestApp } from "../setup/test-app.ts";

const GRACE = 5;
const SECRET_FIELDS = /"(rubric|resolvedRubric|modelAnswer|correct|feedback|explanation)"/;
type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];
type Q = { slug: string; type: string; choices?: { id: string }[] };

describeEachDatabase("mock rounds", (kind) => {
  let t: TestApp;
  let clock = Date.now();
  const now = () => new Date(clock);
  // Each call is a process of its own: its caches start empty.
  const deps = () =>
    roundDeps({ db: t.db, bank: bank(), roundGraceSeconds: GRACE, now, versionBodies: new VersionBodies() });

  beforeAll(async () => {
    t = await createTestApp(kind, { graceSeconds: GRACE, now });
  });
  beforeEach(() => {
    clock = Date.now();
  });
  afterAll(() => t.close());

  const start = (agent: Agent, body: object) => agent.post("/api/rounds").send(body);
  const someAnswer = (q: Q) =>
    q.type === "free-text"
      ? "Spark batch for bounded data"
      : q.type === "single-choice"
        ? q.choices![0]!.id
        : [q.choices![0]!.id];

  it("when a round starts, then it has that many distinct matching questions, a server deadline and no answers given away", async () => {
    const { agent } = await signedUpAgent(t.app);
    const res = await start(agent, {
      questionCount: 5,
      timeLimitSeconds: 600,
      sections: ["scenarios", "faq"],
      types: ["free-text"],
    }).expect(201);
    expect(res.body.status).toBe("open");
    expect(new Date(res.body.deadline).getTime() - new Date(res.body.startedAt).getTime()).toBe(600_000);
    const slugs = res.body.questions.map((q: Q) => q.slug);
    expect(new Set(slugs).size).toBe(5);
    const allowed = new Set(
      bank()
        .questions.filter((q) => ["scenarios", "faq"].includes(q.section) && q.type === "free-text")
        .map((q) => q.slug),
    );
    expect(slugs.every((s: string) => allowed.has(s))).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(SECRET_FIELDS);
    expect(res.body).not.toHaveProperty("results");
  });

  it("when the round body is bad or too few questions match, then 400 names the field", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    for (const [body, path] of [
      [{ questionCount: 0, timeLimitSeconds: 60 }, "questionCount"],
      [{ questionCount: 31, timeLimitSeconds: 60 }, "questionCount"],
      [{ questionCount: 2, timeLimitSeconds: 9 }, "timeLimitSeconds"],
      [{ questionCount: 2, timeLimitSeconds: 7201 }, "timeLimitSeconds"],
      [{ questionCount: 2, timeLimitSeconds: 60, sections: ["cobol"] }, "sections.0"],
      [{ questionCount: 2.5, timeLimitSeconds: 60 }, "questionCount"],
      [{ questionCount: 30, timeLimitSeconds: 60, sections: ["interview-signal"] }, "questionCount"],
    ] as const) {
      const res = await start(agent, body).expect(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await t.db.prisma.round.count({ where: { userId: user.id } })).toBe(0);
  });

  it("when a round is open, then starting another is 409 round_in_progress naming the open round", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const open = (await start(agent, { questionCount: 1, timeLimitSeconds: 600 }).expect(201)).body;
    const second = await start(agent, { questionCount: 2, timeLimitSeconds: 300 }).expect(409);
    expect(second.body.error).toMatchObject({ code: "round_in_progress", roundId: open.id });
    expect(await t.db.prisma.round.count({ where: { userId: user.id } })).toBe(1);
    await agent.post(`/api/rounds/${open.id}/finish`).expect(200);
    await start(agent, { questionCount: 1, timeLimitSeconds: 600 }).expect(201);
  });

  it("when two starts arrive at once, then exactly one round is created and the other is told which", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const body = { questionCount: 3, timeLimitSeconds: 600 };
    const [a, b] = await Promise.all([start(agent, body), start(agent, body)]);
    const [created, refused] = a.status === 201 ? [a, b] : [b, a];
    expect([created.status, refused.status]).toEqual([201, 409]);
    expect(refused.body.error).toMatchObject({ code: "round_in_progress", roundId: created.body.id });
    expect(await t.db.prisma.round.count({ where: { userId: user.id } })).toBe(1);
  });

  it("when the open round's time ran out unseen, then it is closed first and a new round starts", async () => {
    const { agent } = await signedUpAgent(t.app);
    const old = (await start(agent, { questionCount: 1, timeLimitSeconds: 60 }).expect(201)).body;
    clock += (60 + GRACE + 1) * 1000;
    const fresh = (await start(agent, { questionCount: 1, timeLimitSeconds: 60 }).expect(201)).body;
    expect(fresh.id).not.toBe(old.id);
    expect((await agent.get(`/api/rounds/${old.id}`).expect(200)).body.status).toBe("expired");
  });

  it("when the round is finished after its deadline (the client submits at zero), then it says the time ran out", async () => {
    const { agent } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 1, timeLimitSeconds: 60, types: ["free-text"] }).expect(201))
      .body;
    await agent
      .put(`/api/rounds/${round.id}/drafts/${round.questions[0].slug}`)
      .send({ answer: "Spark batch for bounded data" })
      .expect(204);
    clock += 61_000;
    const closed = (await agent.post(`/api/rounds/${round.id}/finish`).expect(200)).body;
    expect(closed.status).toBe("expired");
    expect(closed.results.items[0]).toMatchObject({ gradedFromDraft: true, answer: "Spark batch for bounded data" });
  });

  it("when drafts are saved, then the latest wins and shows in the round state", async () => {
    const { agent } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 1, timeLimitSeconds: 600, types: ["free-text"] }).expect(201))
      .body;
    const slug = round.questions[0].slug;
    await agent.put(`/api/rounds/${round.id}/drafts/${slug}`).send({ answer: "first" }).expect(204);
    await agent.put(`/api/rounds/${round.id}/drafts/${slug}`).send({ answer: "second thoughts" }).expect(204);
    const state = await agent.get(`/api/rounds/${round.id}`).expect(200);
    expect(state.body.questions[0].draft).toBe("second thoughts");
    await agent
      .put(`/api/rounds/${round.id}/drafts/${slug}`)
      .send({ answer: ["not", "text"] })
      .expect(400);
    const stray = await agent.put(`/api/rounds/${round.id}/drafts/not-in-round`).send({ answer: "x" }).expect(400);
    expect(stray.body.error.details).toEqual([{ path: "slug", message: "This question is not in this round" }]);
    const elsewhere = bank().questions.find((q) => q.type === "free-text" && q.slug !== slug)!.slug;
    const strayAnswer = await agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: elsewhere, answer: "x", idempotencyKey: "key-stray-1" })
      .expect(400);
    expect(strayAnswer.body.error.details).toEqual([
      { path: "question", message: "This question is not in this round" },
    ]);
  });

  it("when an answer is replayed with its key, then the same response comes back and one row is stored; a different answer is 409", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 1, timeLimitSeconds: 600, types: ["free-text"] }).expect(201))
      .body;
    const slug = round.questions[0].slug;
    const body = { question: slug, answer: "Spark batch, since the data is bounded", idempotencyKey: "key-000001" };
    const first = await agent.post(`/api/rounds/${round.id}/answers`).send(body).expect(201);
    clock += 3000;
    const again = await agent.post(`/api/rounds/${round.id}/answers`).send(body).expect(201);
    expect(again.body).toEqual(first.body);
    const different = await agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ ...body, answer: "Flink", idempotencyKey: "key-000002" })
      .expect(409);
    expect(different.body.error.code).toBe("already_answered");
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(1);
  });

  it("when a key is reused for another question or another answer, then 422 idempotency_key_reused and nothing changes", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 1, timeLimitSeconds: 600, types: ["free-text"] }).expect(201))
      .body;
    const slug = round.questions[0].slug;
    // Never the round's own question, whatever the draw picked.
    const elsewhere = bank().questions.find((q) => q.type === "free-text" && q.slug !== slug)!.slug;
    const body = { question: slug, answer: "Spark batch, since the data is bounded", idempotencyKey: "reused-key-1" };
    const first = await agent.post(`/api/rounds/${round.id}/answers`).send(body).expect(201);

    const otherAnswer = await agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ ...body, answer: "Flink for everything" })
      .expect(422);
    expect(otherAnswer.body.error.code).toBe("idempotency_key_reused");
    const otherQuestion = await agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ ...body, question: elsewhere })
      .expect(422);
    expect(otherQuestion.body.error.code).toBe("idempotency_key_reused");
    const practice = await agent
      .post(`/api/questions/${slug}/check`)
      .send({ answer: body.answer, idempotencyKey: body.idempotencyKey })
      .expect(422);
    expect(practice.body.error.code).toBe("idempotency_key_reused");

    expect((await agent.post(`/api/rounds/${round.id}/answers`).send(body).expect(201)).body).toEqual(first.body);
    const stored = await t.db.prisma.answer.findMany({ where: { userId: user.id }, select: { response: true } });
    expect(stored).toEqual([{ response: body.answer }]);
  });

  it("when two submissions with the same key arrive at once, then exactly one answer is stored and both get 201", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const round = (
      await start(agent, { questionCount: 1, timeLimitSeconds: 600, types: ["single-choice"] }).expect(201)
    ).body;
    const q = round.questions[0];
    const body = { question: q.slug, answer: q.choices[0].id, idempotencyKey: "same-key-123" };
    const [a, b] = await Promise.all([
      agent.post(`/api/rounds/${round.id}/answers`).send(body),
      agent.post(`/api/rounds/${round.id}/answers`).send(body),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(1);
  });

  it("when a round is finished, then results cover every question with verdicts, model answers and totals, and it accepts nothing more", async () => {
    const { agent } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 3, timeLimitSeconds: 600, sections: ["scenarios"] }).expect(201))
      .body;
    const q1 = round.questions[0] as Q;
    await agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: q1.slug, answer: someAnswer(q1), idempotencyKey: "finish-key-1" })
      .expect(201);
    // Read again: the second may be the first's follow-up, shown only now that its parent is answered.
    const q2 = (await agent.get(`/api/rounds/${round.id}`).expect(200)).body.questions[1] as Q;
    await agent
      .put(`/api/rounds/${round.id}/drafts/${q2.slug}`)
      .send({ answer: someAnswer(q2) })
      .expect(204);
    const res = await agent.post(`/api/rounds/${round.id}/finish`).expect(200);
    expect(res.body.status).toBe("finished");
    const items = res.body.results.items;
    expect(items.map((i: { slug: string }) => i.slug)).toEqual(round.questions.map((q: Q) => q.slug));
    expect(items[2].verdict).toBe("unanswered");
    expect(items[1].verdict).not.toBe("unanswered");
    expect(items.map((i: { gradedFromDraft: boolean }) => i.gradedFromDraft)).toEqual([false, true, false]);
    for (const i of items) expect(i.explanation).toEqual(expect.any(String));
    expect(res.body.results.totals).toMatchObject({ questions: 3, unanswered: 1 });
    const third = items[2] as Q;
    await agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: third.slug, answer: someAnswer(third), idempotencyKey: "late-key-1" })
      .expect(409);
    await agent
      .put(`/api/rounds/${round.id}/drafts/${third.slug}`)
      .send({ answer: someAnswer(third) })
      .expect(409);
    const again = await agent.post(`/api/rounds/${round.id}/finish`).expect(200);
    expect(again.body.results).toEqual(res.body.results);
  });

  it("when autosaves race a finish, then the graded answer is a draft the server accepted and later saves are refused", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 1, timeLimitSeconds: 600, types: ["free-text"] }).expect(201))
      .body;
    const slug = round.questions[0].slug;
    const saves = Array.from({ length: 8 }, (_, i) =>
      agent
        .put(`/api/rounds/${round.id}/drafts/${slug}`)
        .send({ answer: `draft number ${i}` })
        .then((r) => ({ i, status: r.status })),
    );
    const [finish, ...results] = await Promise.all([agent.post(`/api/rounds/${round.id}/finish`), ...saves]);
    expect(finish.status).toBe(200);
    expect(results.every((r) => r.status === 204 || r.status === 409)).toBe(true);
    const accepted = results.filter((r) => r.status === 204).map((r) => `draft number ${r.i}`);
    const answers = await t.db.prisma.answer.findMany({ where: { userId: user.id } });
    if (accepted.length === 0) expect(answers).toHaveLength(0);
    else expect(accepted).toContain(answers[0]!.response);
    await agent.put(`/api/rounds/${round.id}/drafts/${slug}`).send({ answer: "after the close" }).expect(409);
  });

  it("when a draft arrives for an answered question, then it is accepted and changes nothing", async () => {
    const { agent } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 1, timeLimitSeconds: 600, types: ["free-text"] }).expect(201))
      .body;
    const slug = round.questions[0].slug;
    await agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: slug, answer: "the final answer", idempotencyKey: "final-key-1" })
      .expect(201);
    await agent.put(`/api/rounds/${round.id}/drafts/${slug}`).send({ answer: "a late second thought" }).expect(204);
    const state = await agent.get(`/api/rounds/${round.id}`).expect(200);
    expect(state.body.questions[0]).toMatchObject({ answer: "the final answer", draft: null });
  });

  it("when time runs out while the candidate is away, then the sweep closes the round once, grading drafts", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 2, timeLimitSeconds: 60, types: ["free-text"] }).expect(201))
      .body;
    await agent
      .put(`/api/rounds/${round.id}/drafts/${round.questions[0].slug}`)
      .send({ answer: "Use Spark batch; the data is bounded." })
      .expect(204);
    clock += (60 + GRACE - 1) * 1000;
    // A second question that follows up the first stays locked (its parent is only drafted) and takes no draft.
    await agent
      .put(`/api/rounds/${round.id}/drafts/${round.questions[1].slug}`)
      .send({ answer: "   " })
      .expect(round.questions[1].locked ? 409 : 204);
    clock += 2000;
    const results = await Promise.all([
      closeDueRounds(deps()),
      closeDueRounds(deps()),
      closeRound(deps(), round.id, "expired"),
    ]);
    expect(results.filter((r) => r === 1 || r === true)).toHaveLength(1);
    const state = await agent.get(`/api/rounds/${round.id}`).expect(200);
    expect(state.body.status).toBe("expired");
    expect(state.body.results.items.map((i: { verdict: string }) => i.verdict)[1]).toBe("unanswered");
    expect(state.body.results.items[0].verdict).not.toBe("unanswered");
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(1);
  });

  it("when answers come in, then each records the seconds since the round began or since the previous answer, rounded", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    // Three choice questions that follow up nothing, so none is locked behind another.
    const picked = bank()
      .questions.filter((q) => q.type === "single-choice" && !q.followUpOf)
      .slice(0, 3);
    const id = await roundOf(
      t.db,
      user.id,
      picked.map((q) => q.slug),
      { startedAt: now() },
    );
    await agent.get(`/api/rounds/${id}`).expect(200);
    const answer = (q: (typeof picked)[number], key: string) =>
      agent
        .post(`/api/rounds/${id}/answers`)
        .send({
          question: q.slug,
          answer: q.type === "free-text" ? "" : q.choices[0]!.id,
          idempotencyKey: `${key}-${id}`,
        })
        .expect(201);
    clock += 42_400;
    await answer(picked[0]!, "t1");
    clock += 10_500;
    await answer(picked[1]!, "t2");
    // The question the previous answer left hanging resumes from that answer, however long the round has run.
    clock += 1_499;
    await answer(picked[2]!, "t3");
    const stored = await t.db.prisma.answer.findMany({
      where: { userId: user.id },
      orderBy: { submittedAt: "asc" },
      select: { timeSpentSeconds: true },
    });
    expect(stored.map((s) => s.timeSpentSeconds)).toEqual([42, 11, 1]);
  });

  it("when the process restarts with nothing cached, then answering and closing still work inside their transactions", async () => {
    const { agent, user, email } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 2, timeLimitSeconds: 60, types: ["free-text"] }).expect(201))
      .body;
    const [first, second] = round.questions as Q[];
    // A restarted process: a new app on the same database, with caches of its own.
    const restarted = async () => {
      const fresh = (await createTestApp(kind, { db: t.db, graceSeconds: GRACE, now })).app;
      const again = supertest.agent(fresh);
      await again.post("/api/auth/login").send({ email, password: "a long enough password" }).expect(200);
      return again;
    };
    await (
      await restarted()
    )
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: first!.slug, answer: "Spark batch", idempotencyKey: "cold-key-1" })
      .expect(201);
    // Drafted after the first answer: the second may be its follow-up, locked until then.
    await (
      await restarted()
    )
      .put(`/api/rounds/${round.id}/drafts/${second!.slug}`)
      .send({ answer: "Flink for the low latency" })
      .expect(204);
    clock += (60 + GRACE + 1) * 1000;
    expect(await closeDueRounds(deps())).toBeGreaterThanOrEqual(1);
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(2);
  });

  it("when a request arrives after deadline plus grace, then 409 and the round closes itself", async () => {
    const { agent } = await signedUpAgent(t.app);
    const round = (await start(agent, { questionCount: 1, timeLimitSeconds: 30, types: ["free-text"] }).expect(201))
      .body;
    const slug = round.questions[0].slug;
    await agent
      .put(`/api/rounds/${round.id}/drafts/${slug}`)
      .send({ answer: "Kafka Streams as a library" })
      .expect(204);
    clock += (30 + GRACE) * 1000;
    await agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: slug, answer: "in grace", idempotencyKey: "grace-key-1" })
      .expect(201);
    clock += 1000;
    const late = await agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: slug, answer: "too late", idempotencyKey: "late-key-2" })
      .expect(409);
    expect(late.body.error.code).toBe("round_closed");
    const state = await agent.get(`/api/rounds/${round.id}`).expect(200);
    expect(state.body.status).toBe("expired");
    expect(state.body.results.items[0].answer).toBe("in grace");
  });

  it("when someone else's round is touched, then 404 everywhere; signed out is 401", async () => {
    const owner = await signedUpAgent(t.app);
    const other = await signedUpAgent(t.app);
    const round = (await start(owner.agent, { questionCount: 1, timeLimitSeconds: 600 }).expect(201)).body;
    const slug = round.questions[0].slug;
    await other.agent.get(`/api/rounds/${round.id}`).expect(404);
    await other.agent.put(`/api/rounds/${round.id}/drafts/${slug}`).send({ answer: "x" }).expect(404);
    await other.agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: slug, answer: "x", idempotencyKey: "other-key-1" })
      .expect(404);
    await other.agent.post(`/api/rounds/${round.id}/finish`).expect(404);
    await other.agent.get("/api/rounds/not-a-uuid").expect(400);
    await supertest(t.app).get(`/api/rounds/${round.id}`).expect(401);
    await supertest(t.app).post("/api/rounds").send({ questionCount: 1, timeLimitSeconds: 60 }).expect(401);
    const list = await other.agent.get("/api/rounds").expect(200);
    expect(list.body.total).toBe(0);
  });

  it("when a mentor is linked, then they can read the candidate's rounds but not change them; after unlinking, 404", async () => {
    const candidate = await signedUpAgent(t.app, "candidate");
    const mentor = await signedUpAgent(t.app, "mentor");
    const stranger = await signedUpAgent(t.app, "mentor");
    const round = (await start(candidate.agent, { questionCount: 1, timeLimitSeconds: 600 }).expect(201)).body;
    const slug = round.questions[0].slug;
    await mentor.agent.get(`/api/rounds/${round.id}`).expect(404);
    const invite = (await candidate.agent.post("/api/links/invites").expect(201)).body;
    const link = (await mentor.agent.post("/api/links").send({ code: invite.code }).expect(201)).body;

    const seen = await mentor.agent.get(`/api/rounds/${round.id}`).expect(200);
    expect(seen.body.id).toBe(round.id);
    const listed = await mentor.agent.get(`/api/rounds?candidate=${candidate.user.id}`).expect(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([round.id]);
    await mentor.agent.put(`/api/rounds/${round.id}/drafts/${slug}`).send({ answer: "x" }).expect(404);
    await mentor.agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: slug, answer: "x", idempotencyKey: "mentor-key-1" })
      .expect(404);
    await mentor.agent.post(`/api/rounds/${round.id}/finish`).expect(404);
    await stranger.agent.get(`/api/rounds/${round.id}`).expect(404);
    await stranger.agent.get(`/api/rounds?candidate=${candidate.user.id}`).expect(404);
    await candidate.agent.get(`/api/rounds?candidate=${mentor.user.id}`).expect(404);

    await candidate.agent.delete(`/api/links/${link.id}`).expect(204);
    await mentor.agent.get(`/api/rounds/${round.id}`).expect(404);
    await mentor.agent.get(`/api/rounds?candidate=${candidate.user.id}`).expect(404);
  });

  it("when rounds are listed, then the caller's come newest first, paginated, with totals once closed", async () => {
    const { agent } = await signedUpAgent(t.app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock += 1000;
      ids.push((await start(agent, { questionCount: 1, timeLimitSeconds: 600 }).expect(201)).body.id);
      // One open round at a time: the last one stays open.
      if (i < 2) await agent.post(`/api/rounds/${ids[i]}/finish`).expect(200);
    }
    const page1 = await agent.get("/api/rounds?pageSize=2").expect(200);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.items[0]).not.toHaveProperty("totals");
    const page2 = await agent.get("/api/rounds?pageSize=2&page=2").expect(200);
    expect(page2.body.items[0]).toMatchObject({
      id: ids[0],
      status: "finished",
      questionCount: 1,
      totals: { questions: 1, unanswered: 1 },
    });
  });

  it("when a question is retired, then new rounds never draw it but old rounds keep it", async () => {
    // Retiring changes what every other test file draws and counts: this one gets a database of its own.
    const own = await createTestApp(kind, { graceSeconds: GRACE, now, privateDatabase: true });
    try {
      const { agent } = await signedUpAgent(own.app);
      const section = { timeLimitSeconds: 600, sections: ["interview-signal"] };
      const old = (await start(agent, { ...section, questionCount: 3 }).expect(201)).body;
      await agent.post(`/api/rounds/${old.id}/finish`).expect(200);
      const slug = old.questions[0].slug;
      await own.db.prisma.question.update({ where: { slug }, data: { retiredAt: new Date() } });
      // Its follow-ups go with it: they are only ever drawn behind their parent.
      const gone = new Set([slug]);
      for (const q of bank().questions) if (q.followUpOf && gone.has(q.followUpOf)) gone.add(q.slug);
      const active = bank().questions.filter((q) => q.section === "interview-signal" && !gone.has(q.slug)).length;
      for (let i = 0; i < 5; i++) {
        const fresh = (await start(agent, { ...section, questionCount: active }).expect(201)).body;
        expect(fresh.questions.map((q: Q) => q.slug)).not.toContain(slug);
        await agent.post(`/api/rounds/${fresh.id}/finish`).expect(200);
      }
      await start(agent, { ...section, questionCount: active + 1 }).expect(400);
      const kept = await agent.get(`/api/rounds/${old.id}`).expect(200);
      expect(kept.body.questions.map((q: Q) => q.slug)).toContain(slug);
    } finally {
      await own.close();
    }
  });
});
