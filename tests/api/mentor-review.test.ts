import { z } from "zod";
import supertest from "supertest";
import { expect, it } from "vitest";
import { VERDICT_THRESHOLDS as T } from "../../server/src/grading/score.ts";
import { col, join, queryRows, sql } from "../../server/src/db/rows.ts";
import { uncertaintySql } from "../../server/src/review/repo.ts";
import { uncertainty } from "../../server/src/review/uncertainty.ts";
import { bank, describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];
const DAY = 86_400_000;

describeEachDatabase("mentor review", (kind) => {
  let clock = Date.now();
  const now = () => new Date(clock);

  const t = useTestApp(kind, { now });

  const practise = async (agent: Agent, answer: string, slug = "scenario-fraud-detection") =>
    (await agent.post(`/api/questions/${slug}/check`).send({ answer, timeSpentSeconds: 42 }).expect(200)).body
      .answerId as string;

  const link = async (candidate: Agent, mentor: Agent) => {
    const invite = (await candidate.post("/api/links/invites").send({}).expect(201)).body;
    return (await mentor.post("/api/links").send({ code: invite.code }).expect(201)).body as { id: string };
  };

  it("when a candidate invites and a mentor redeems, then both see the link; the code is single use and expires in 7 days", async () => {
    const a = await signedUpAgent(t.app, "candidate");
    const m = await signedUpAgent(t.app, "mentor");
    const other = await signedUpAgent(t.app, "mentor");
    const invite = (await a.agent.post("/api/links/invites").send({}).expect(201)).body;
    expect(invite.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(new Date(invite.expiresAt).getTime() - clock).toBe(7 * DAY);

    const created = (await m.agent.post("/api/links").send({ code: invite.code.toLowerCase() }).expect(201)).body;
    expect(created).toMatchObject({ candidate: { id: a.user.id }, mentor: { id: m.user.id } });
    expect(created.createdAt).toBeTruthy();

    const used = await other.agent.post("/api/links").send({ code: invite.code }).expect(409);
    expect(used.body.error).toMatchObject({ code: "invite_used" });
    expect(used.body.error.message).toMatch(/already been used/);
    const unknown = await other.agent.post("/api/links").send({ code: "ZZZZ-ZZZZ-ZZZZ" }).expect(404);
    expect(unknown.body.error.message).toMatch(/No invite/);

    const late = (await a.agent.post("/api/links/invites").send({}).expect(201)).body;
    clock += 7 * DAY + 1000;
    try {
      const expired = await other.agent.post("/api/links").send({ code: late.code }).expect(410);
      expect(expired.body.error.code).toBe("invite_expired");
    } finally {
      clock = Date.now();
    }

    // The late invite is unused and, with the clock back, unexpired: asking again hands out the same one.
    const fresh = (await a.agent.post("/api/links/invites").send({}).expect(201)).body;
    expect(fresh).toEqual(late);
    expect((await m.agent.post("/api/links").send({ code: fresh.code }).expect(409)).body.error.code).toBe(
      "already_linked",
    );

    const mine = (await a.agent.get("/api/links").expect(200)).body.items;
    expect(mine.map((l: { mentor: { id: string } }) => l.mentor.id)).toEqual([m.user.id]);
    expect((await m.agent.get("/api/links").expect(200)).body.items).toHaveLength(1);
    // Roles: candidates redeem nothing, mentors invite nobody.
    await a.agent.post("/api/links").send({ code: fresh.code }).expect(403);
    await m.agent.post("/api/links/invites").send({}).expect(403);
  });

  it("when a candidate asks for invites twice at once, then one invite is made and both get its code; a used one is replaced", async () => {
    const a = await signedUpAgent(t.app, "candidate");
    const m = await signedUpAgent(t.app, "mentor");
    const [one, two] = await Promise.all([
      a.agent.post("/api/links/invites").send({}),
      a.agent.post("/api/links/invites").send({}),
    ]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body).toEqual(one.body);
    expect(await t.db.prisma.linkInvite.count({ where: { candidateId: a.user.id } })).toBe(1);
    await m.agent.post("/api/links").send({ code: one.body.code }).expect(201);
    const next = (await a.agent.post("/api/links/invites").send({}).expect(201)).body;
    expect(next.code).not.toBe(one.body.code);
    expect(await t.db.prisma.linkInvite.count({ where: { candidateId: a.user.id } })).toBe(2);
  });

  it("authorization matrix: every history/progress/comment/override/export route answers 404 (or 401) where access is not allowed", async () => {
    const A = await signedUpAgent(t.app, "candidate");
    const B = await signedUpAgent(t.app, "candidate");
    const linked = await signedUpAgent(t.app, "mentor");
    const stranger = await signedUpAgent(t.app, "mentor");
    const former = await signedUpAgent(t.app, "mentor");
    const answerId = await practise(A.agent, "Flink, because 100 ms needs event-at-a-time processing");
    await link(A.agent, linked.agent);
    const ended = await link(A.agent, former.agent);
    // Works while linked…
    await former.agent.get(`/api/answers/${answerId}`).expect(200);
    await A.agent.delete(`/api/links/${ended.id}`).expect(204);
    await A.agent.delete(`/api/links/${ended.id}`).expect(404);
    const anonymous = supertest.agent(t.app);

    const routes: { name: string; call: (agent: Agent) => supertest.Test }[] = [
      { name: "history", call: (g) => g.get(`/api/answers?candidate=${A.user.id}`) },
      { name: "answer", call: (g) => g.get(`/api/answers/${answerId}`) },
      { name: "export", call: (g) => g.get(`/api/answers/export.csv?candidate=${A.user.id}`) },
      { name: "progress", call: (g) => g.get(`/api/candidates/${A.user.id}/progress`) },
      { name: "comment", call: (g) => g.post(`/api/answers/${answerId}/comments`).send({ body: "Looks good" }) },
      {
        name: "override",
        call: (g) =>
          g.post(`/api/answers/${answerId}/override`).send({ verdict: "partial", score: 0.5, reason: "misses state" }),
      },
      { name: "confirm", call: (g) => g.post(`/api/answers/${answerId}/confirm`).send({}) },
    ];
    const expected: Record<string, Record<string, number>> = {
      "candidate A": {
        history: 200,
        answer: 200,
        export: 200,
        progress: 200,
        comment: 201,
        override: 403,
        confirm: 403,
      },
      "candidate B": {
        history: 404,
        answer: 404,
        export: 404,
        progress: 404,
        comment: 404,
        override: 404,
        confirm: 404,
      },
      "linked mentor": {
        history: 200,
        answer: 200,
        export: 200,
        progress: 200,
        comment: 201,
        override: 201,
        confirm: 200,
      },
      "unlinked mentor": {
        history: 404,
        answer: 404,
        export: 404,
        progress: 404,
        comment: 404,
        override: 404,
        confirm: 404,
      },
      "mentor after unlink": {
        history: 404,
        answer: 404,
        export: 404,
        progress: 404,
        comment: 404,
        override: 404,
        confirm: 404,
      },
      "signed out": {
        history: 401,
        answer: 401,
        export: 401,
        progress: 401,
        comment: 401,
        override: 401,
        confirm: 401,
      },
    };
    const who: Record<string, Agent> = {
      "candidate A": A.agent,
      "candidate B": B.agent,
      "linked mentor": linked.agent,
      "unlinked mentor": stranger.agent,
      "mentor after unlink": former.agent,
      "signed out": anonymous,
    };
    const actual: Record<string, Record<string, number>> = {};
    const notFoundBodies: string[] = [];
    for (const [name, agent] of Object.entries(who)) {
      actual[name] = {};
      for (const route of routes) {
        const res = await route.call(agent);
        actual[name]![route.name] = res.status;
        if (res.status === 404) notFoundBodies.push(JSON.stringify(res.body));
      }
    }
    expect(actual).toEqual(expected);
    // No 404 gives away that the answer exists.
    expect(notFoundBodies).toHaveLength(
      Object.values(expected)
        .flatMap((row) => Object.values(row))
        .filter((status) => status === 404).length,
    );
    for (const body of notFoundBodies) expect(body).not.toContain(answerId);
    // A 404 for someone else's existing answer looks exactly like one for an answer that doesn't exist.
    const missing = await B.agent.get("/api/answers/00000000-0000-4000-8000-000000000000").expect(404);
    const hidden = await B.agent.get(`/api/answers/${answerId}`).expect(404);
    expect(hidden.body).toEqual(missing.body);
    // Without `candidate`, B's history is B's own (empty), never A's.
    expect((await B.agent.get("/api/answers").expect(200)).body.items).toEqual([]);
  });

  it("when a mentor overrides, then the automatic grade is kept, the effective grade changes, and the candidate reads the audit row", async () => {
    const A = await signedUpAgent(t.app, "candidate");
    const M = await signedUpAgent(t.app, "mentor");
    await link(A.agent, M.agent);
    const answerId = await practise(A.agent, "Spark batch nightly");
    const before = (await M.agent.get(`/api/answers/${answerId}`).expect(200)).body;

    const bad = await M.agent
      .post(`/api/answers/${answerId}/override`)
      .send({ verdict: "correct", score: 0.9, reason: "" })
      .expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain("reason");
    await M.agent
      .post(`/api/answers/${answerId}/override`)
      .send({ verdict: "maybe", score: 2, reason: "x y z" })
      .expect(400);

    const res = await M.agent
      .post(`/api/answers/${answerId}/override`)
      .send({ verdict: "correct", score: 0.9, reason: "Batch really is enough here" })
      .expect(201);
    expect(res.body.effectiveGrade).toEqual({ verdict: "correct", score: 0.9, overridden: true });
    expect(res.body.override).toMatchObject({
      fromVerdict: before.autoGrade.verdict,
      fromScore: before.autoGrade.score,
      by: { id: M.user.id },
    });

    const row = await t.db.prisma.answer.findUniqueOrThrow({ where: { id: answerId } });
    expect(row.verdict).toBe(before.autoGrade.verdict);
    expect(row.score).toBe(before.autoGrade.score);
    expect(row.grade).toEqual(before.autoGrade);

    expect((await A.agent.get("/api/me/unread").expect(200)).body).toEqual({
      comments: 0,
      overrides: 1,
      disputes: 0,
      total: 1,
    });
    await M.agent
      .post(`/api/answers/${answerId}/comments`)
      .send({ body: "<script>alert(1)</script> think about cost" })
      .expect(201);
    expect((await A.agent.get("/api/me/unread").expect(200)).body.total).toBe(2);

    const seen = (await A.agent.get(`/api/answers/${answerId}`).expect(200)).body;
    expect(seen.autoGrade).toEqual(before.autoGrade);
    expect(seen.effectiveGrade).toEqual({ verdict: "correct", score: 0.9, overridden: true });
    expect(seen.overrides).toEqual([
      expect.objectContaining({
        verdict: "correct",
        score: 0.9,
        reason: "Batch really is enough here",
        by: { id: M.user.id, displayName: "Test mentor" },
      }),
    ]);
    expect(seen.comments[0].body).toBe("<script>alert(1)</script> think about cost");
    expect(seen.reveal.modelAnswer).toBeTruthy();
    expect((await A.agent.get("/api/me/unread").expect(200)).body.total).toBe(0);

    const audit = (await A.agent.get("/api/me/audit").expect(200)).body.items;
    const overridden = audit.find((e: { action: string }) => e.action === "grade.overridden");
    expect(overridden).toMatchObject({
      entityId: answerId,
      actor: { id: M.user.id },
      data: {
        from: { verdict: before.autoGrade.verdict },
        to: { verdict: "correct", score: 0.9 },
        reason: "Batch really is enough here",
      },
    });
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["link.created", "comment.created", "invite.created"]),
    );

    // A second override records from → to against the first one; the history lists both.
    await M.agent
      .post(`/api/answers/${answerId}/override`)
      .send({ verdict: "partial", score: 0.5, reason: "On reflection, no cost argument" })
      .expect(201);
    const list = (await A.agent.get("/api/answers").expect(200)).body.items;
    const item = list.find((i: { id: string }) => i.id === answerId);
    expect(
      item.overrides.map((o: { fromVerdict: string; verdict: string }) => `${o.fromVerdict}->${o.verdict}`),
    ).toEqual([`${before.autoGrade.verdict}->correct`, "correct->partial"]);
    expect(item.effectiveGrade.verdict).toBe("partial");
    expect(item.autoGrade.verdict).toBe(before.autoGrade.verdict);
  });

  it("when the OpenAPI document is requested, then it describes the mentor and history routes", async () => {
    const res = await supertest(t.app).get("/api/openapi.json").expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/links/invites",
        "/api/links",
        "/api/links/{id}",
        "/api/answers",
        "/api/answers/export.csv",
        "/api/answers/{id}",
        "/api/answers/{id}/comments",
        "/api/answers/{id}/override",
        "/api/answers/{id}/confirm",
        "/api/candidates",
        "/api/candidates/{id}/progress",
        "/api/me/progress",
        "/api/me/unread",
        "/api/me/audit",
        "/api/review/queue",
        "/api/review/agreement",
      ]),
    );
  });

  it("when comments are empty or too long, then 400", async () => {
    const A = await signedUpAgent(t.app, "candidate");
    const answerId = await practise(A.agent, "Flink");
    await A.agent.post(`/api/answers/${answerId}/comments`).send({ body: "   " }).expect(400);
    await A.agent
      .post(`/api/answers/${answerId}/comments`)
      .send({ body: "x".repeat(2001) })
      .expect(400);
    await A.agent
      .post(`/api/answers/${answerId}/comments`)
      .send({ body: "Note to self: mention watermarks" })
      .expect(201);
    expect((await A.agent.get("/api/me/unread").expect(200)).body.total).toBe(0);
  });

  it("when the history is paged and filtered, then keyset pages are newest first with no gaps or repeats", async () => {
    const A = await signedUpAgent(t.app, "candidate");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await practise(A.agent, `Flink answer ${i}`));
      clock += 1000;
    }
    ids.push(await practise(A.agent, "spark-batch", "scenario-daily-warehouse-refresh-choice"));
    clock = Date.now();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: supertest.Response = await A.agent
        .get(`/api/answers?limit=2${cursor ? `&cursor=${cursor}` : ""}`)
        .expect(200);
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    // Newest first by (submittedAt, id): the order the database gives, with no gaps or repeats across pages.
    const expected = await t.db.prisma.answer.findMany({
      where: { userId: A.user.id },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(seen).toEqual(expected.map((r) => r.id));
    expect(new Set(seen)).toEqual(new Set(ids));

    const fraud = (await A.agent.get("/api/answers?section=scenarios&type=free-text&source=practice").expect(200)).body
      .items;
    expect(fraud).toHaveLength(5);
    expect((await A.agent.get("/api/answers?source=round").expect(200)).body.items).toEqual([]);
    expect((await A.agent.get("/api/answers?section=flink").expect(200)).body.items).toEqual([]);
    expect((await A.agent.get("/api/answers?to=2000-01-01").expect(200)).body.items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await A.agent.get(`/api/answers?from=${today}T00:00:00Z`).expect(200)).body.items.length).toBe(6);
    await A.agent.get("/api/answers?cursor=garbage").expect(400);
    await A.agent.get("/api/answers?verdict=great").expect(400);
    const first = (await A.agent.get("/api/answers?limit=1").expect(200)).body.items[0];
    expect(first).toMatchObject({
      question: { slug: expect.any(String), title: expect.any(String), version: 1, prompt: expect.any(String) },
      timeSpentSeconds: 42,
    });
    expect(first.timeBudgetSeconds).toBeGreaterThan(0);
  });

  it("when a history is exported, then it is RFC 4180 CSV in UTF-8 with formula cells neutralised", async () => {
    const A = await signedUpAgent(t.app, "candidate");
    await practise(A.agent, '=HYPERLINK("http://evil.example","Flink")');
    await practise(A.agent, '+cmd, "quoted"\nsecond line, Zürich');
    await practise(A.agent, "-2+3");
    await practise(A.agent, "@SUM(A1)");
    const res = await A.agent
      .get("/api/answers/export.csv")
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename=".+\.csv"/);
    const text = (res.body as Buffer).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const body = text.slice(1);
    expect(body.startsWith("submitted_at,question,title,version,")).toBe(true);
    // A person reads the title; the slug stays for joining exports.
    expect(body.split("\r\n")[1]).toMatch(/^[^,]+,[a-z0-9-]+,[A-Z][^,]*,\d+,/);
    expect(body).toContain("\r\n");
    expect(body).toContain(`'=HYPERLINK(""http://evil.example"",""Flink"")`);
    expect(body).toContain(`"'+cmd, ""quoted""\nsecond line, Zürich"`);
    expect(body).toContain(",'-2+3,");
    expect(body).toContain(",'@SUM(A1),");
    expect(body).not.toMatch(/,[=+@]/);
    expect(body.trim().split("\r\n").length).toBe(5);
  });

  it("when a mentor opens the queue, then least-certain grades come first, then oldest; mark reviewed removes one", async () => {
    const A = await signedUpAgent(t.app, "candidate");
    const M = await signedUpAgent(t.app, "mentor");
    await link(A.agent, M.agent);
    const q = await t.db.prisma.question.findUniqueOrThrow({ where: { slug: "scenario-fraud-detection" } });
    const base = Date.now() - 10 * DAY;
    const make = (score: number, flags: string[], daysAgo: number) =>
      t.db.prisma.answer.create({
        data: {
          userId: A.user.id,
          questionId: q.id,
          questionVersionId: q.currentVersionId!,
          source: "practice",
          response: `answer ${score} ${flags.join(",")}`,
          grade: {
            score,
            verdict: score >= T.correct ? "correct" : score >= T.partial ? "partial" : "incorrect",
            matched: [],
            missed: [],
            flags,
          },
          verdict: score >= T.correct ? "correct" : score >= T.partial ? "partial" : "incorrect",
          score,
          submittedAt: new Date(base + (10 - daysAgo) * DAY),
        },
        select: { id: true },
      });
    const confident = await make(0.95, [], 9);
    const nearOld = await make(T.correct + 0.01, [], 8);
    const nearNegated = await make(T.correct - 0.01, ["negated-concept"], 1);
    const confidentNew = await make(0, [], 1);
    const nearNew = await make(T.correct + 0.01, [], 2);
    const queue = (await M.agent.get("/api/review/queue").expect(200)).body;
    expect(queue.total).toBe(5);
    expect(queue.items.map((i: { id: string }) => i.id)).toEqual([
      nearNegated.id,
      nearOld.id,
      nearNew.id,
      confident.id,
      confidentNew.id,
    ]);
    expect(queue.items[0].candidate).toEqual({ id: A.user.id, displayName: "Test candidate" });

    await M.agent.post(`/api/answers/${nearNegated.id}/confirm`).send({}).expect(200);
    await M.agent
      .post(`/api/answers/${nearOld.id}/override`)
      .send({ verdict: "partial", score: 0.5, reason: "Thin on state" })
      .expect(201);
    const after = (await M.agent.get("/api/review/queue").expect(200)).body;
    expect(after.items.map((i: { id: string }) => i.id)).toEqual([nearNew.id, confident.id, confidentNew.id]);

    const candidates = (await M.agent.get("/api/candidates").expect(200)).body.items;
    expect(candidates).toEqual([expect.objectContaining({ id: A.user.id, answerCount: 5, unreviewed: 3 })]);
    await A.agent.get("/api/candidates").expect(403);
    await A.agent.get("/api/review/queue").expect(403);

    const agreement = (await M.agent.get("/api/review/agreement").expect(200)).body;
    expect(agreement.total).toBeGreaterThanOrEqual(2);
    expect(
      agreement.perQuestion.find((p: { question: string }) => p.question === "scenario-fraud-detection"),
    ).toBeTruthy();
  });

  it("the queue's SQL uncertainty is the same rule as the unit-tested TypeScript one", async () => {
    const cases: [number, string[], string | undefined][] = [];
    for (const score of [
      0,
      0.1,
      T.partial - 0.05,
      T.partial,
      T.partial + 0.03,
      0.4,
      T.correct - 0.01,
      T.correct,
      0.7,
      1,
    ]) {
      for (const flags of [
        [],
        ["negated-concept"],
        ["hedged", "keyword-list", "empty"],
        ["misconception:x", "typo-corrected"],
      ]) {
        for (const confidence of [undefined, "high", "low"]) cases.push([score, flags, confidence]);
      }
    }
    const values = join(
      cases.map(
        ([score, flags, confidence]) => sql`(${score}::float8, ${JSON.stringify({ flags, confidence })}::jsonb)`,
      ),
    );
    const rows = await queryRows(
      t.db.prisma,
      sql`SELECT ${uncertaintySql()} AS u FROM (VALUES ${values}) AS a(score, grade)`,
      z.object({ u: col.num }),
    );
    expect(rows.map((r) => r.u)).toEqual(
      cases.map(([score, flags, confidence]) => uncertainty(score, flags, confidence)),
    );
  });

  it("when choice questions are answered, then the decision matrix holds only options and a fully right multi-choice is right", async () => {
    const A = await signedUpAgent(t.app, "candidate");
    const check = (slug: string, answer: string | string[]) =>
      A.agent.post(`/api/questions/${slug}/check`).send({ answer }).expect(200);
    await check("compare-deployment-no-new-cluster", ["spark-streaming", "kafka-streams"]);
    await check("scenario-fraud-detection-choice", "spark-streaming");
    await check("kafka-streams-limits", ["kafka-in-and-out", "not-heavy-compute"]);
    await check("spark-streaming-latency-limit", "under-50ms");
    const m = (await A.agent.get("/api/me/progress").expect(200)).body.decisionMatrix;
    expect(m).toMatchObject({ rows: ["flink", "spark-streaming"], columns: ["spark-streaming"], total: 2, correct: 1 });
    expect(m.cells).toEqual(
      expect.arrayContaining([
        { expected: "spark-streaming", committed: "spark-streaming", count: 1 },
        { expected: "flink", committed: "spark-streaming", count: 1 },
      ]),
    );
  });

  it("when progress is asked for, then mastery, rounds, decision matrix and time budgets come back", async () => {
    const A = await signedUpAgent(t.app, "candidate");
    await practise(A.agent, "Flink: 100 ms needs event-at-a-time processing, micro-batches are too slow.");
    await practise(A.agent, "Spark batch, nightly job");
    const round = (
      await A.agent
        .post("/api/rounds")
        .send({ questionCount: 2, timeLimitSeconds: 600, sections: ["faq"] })
        .expect(201)
    ).body;
    const first = round.questions[0];
    const answer =
      first.type === "free-text"
        ? "Spark batch"
        : first.type === "single-choice"
          ? first.choices[0].id
          : [first.choices[0].id];
    await A.agent
      .post(`/api/rounds/${round.id}/answers`)
      .send({ question: first.slug, answer, idempotencyKey: "progress-1" })
      .expect(201);
    await A.agent.post(`/api/rounds/${round.id}/finish`).send({}).expect(200);
    const p = (await A.agent.get("/api/me/progress").expect(200)).body;
    expect(p.candidateId).toBe(A.user.id);
    expect(p.mastery.find((m: { section: string }) => m.section === "scenarios")).toMatchObject({ answers: 2 });
    expect(p.mastery.find((m: { section: string }) => m.section === "faq")).toMatchObject({ answers: 1 });
    expect(p.rounds).toEqual([expect.objectContaining({ roundId: round.id, questions: 2, answered: 1 })]);
    // Only the two framework answers count: the faq round's questions commit to no framework or architecture.
    expect(p.decisionMatrix).toMatchObject({ rows: ["flink"], total: 2 });
    expect(p.time.questions.find((q: { slug: string }) => q.slug === "scenario-fraud-detection")).toMatchObject({
      slug: "scenario-fraud-detection",
      title: bank().questions.find((q) => q.slug === "scenario-fraud-detection")!.title,
      answers: 2,
      medianSeconds: 42,
    });
    const same = (await A.agent.get(`/api/candidates/${A.user.id}/progress`).expect(200)).body;
    expect(same.mastery).toEqual(p.mastery);
  });
});
