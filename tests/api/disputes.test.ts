import supertest from "supertest";
import { expect, it } from "vitest";
import { bank, describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];
type Verdict = "correct" | "partial" | "incorrect";

const FRAUD = "scenario-fraud-detection";
const REASON = "I named Flink and the 100 ms budget, that is the point";

describeEachDatabase("disputes and self-assessment", (kind) => {
  const t = useTestApp(kind);

  const practise = async (agent: Agent, answer = "Flink, because 100 ms needs event-at-a-time", slug = FRAUD) => {
    const body = (await agent.post(`/api/questions/${slug}/check`).send({ answer }).expect(200)).body;
    return { id: body.answerId as string, verdict: body.verdict as Verdict };
  };
  const choiceQuestion = () => bank().questions.find((q) => q.type === "single-choice")!;
  const link = async (candidate: Agent, mentor: Agent) => {
    const invite = (await candidate.post("/api/links/invites").send({}).expect(201)).body;
    await mentor.post("/api/links").send({ code: invite.code }).expect(201);
  };
  /** The grader's confidence is its own business; these tests set it on the stored grade. */
  const setConfidence = async (answerId: string, confidence: "high" | "low") => {
    const row = await t.db.prisma.answer.findUniqueOrThrow({ where: { id: answerId }, select: { grade: true } });
    await t.db.prisma.answer.update({
      where: { id: answerId },
      data: { grade: { ...(row.grade as object), confidence } },
    });
  };
  const people = async () => {
    const A = await signedUpAgent(t.app, "candidate");
    const B = await signedUpAgent(t.app, "candidate");
    const linked = await signedUpAgent(t.app, "mentor");
    const unlinked = await signedUpAgent(t.app, "mentor");
    await link(A.agent, linked.agent);
    return { A, B, linked, unlinked };
  };
  const other = (v: Verdict): Verdict => (v === "incorrect" ? "correct" : "incorrect");

  it("when the owner disputes a free-text grade, then 201 with the open dispute, the answer and history show it, and a second dispute is 409", async () => {
    const { A } = await people();
    const answer = await practise(A.agent);
    const res = await A.agent
      .post(`/api/answers/${answer.id}/dispute`)
      .send({ reason: `  ${REASON}  ` })
      .expect(201);
    expect(res.body).toEqual({ dispute: { reason: REASON, status: "open", createdAt: expect.any(String) } });

    const detail = (await A.agent.get(`/api/answers/${answer.id}`).expect(200)).body;
    expect(detail.dispute).toEqual({ reason: REASON, status: "open", createdAt: res.body.dispute.createdAt });
    expect(detail.selfAssessment).toBeNull();
    const item = (await A.agent.get("/api/answers").expect(200)).body.items.find(
      (i: { id: string }) => i.id === answer.id,
    );
    expect(item.dispute).toEqual({ status: "open" });
    expect(item.selfAssessment).toBeNull();

    const again = await A.agent
      .post(`/api/answers/${answer.id}/dispute`)
      .send({ reason: "And once more with feeling" })
      .expect(409);
    expect(again.body.error.code).toBe("already_disputed");
    // The automatic grade is untouched.
    expect(detail.autoGrade.verdict).toBe(answer.verdict);
    expect(detail.effectiveGrade).toMatchObject({ verdict: answer.verdict, overridden: false });
  });

  it("when the reason is too short, too long or missing, then 400 validation_failed; a choice answer is 409 not_disputable", async () => {
    const { A } = await people();
    const answer = await practise(A.agent);
    for (const body of [{ reason: "  too short " }, { reason: "x".repeat(1001) }, {}, { reason: 42 }]) {
      const res = await A.agent.post(`/api/answers/${answer.id}/dispute`).send(body).expect(400);
      expect(res.body.error).toMatchObject({ code: "validation_failed", details: [{ path: "reason" }] });
    }
    await A.agent
      .post(`/api/answers/${answer.id}/dispute`)
      .send({ reason: "x".repeat(1000) })
      .expect(201);

    const q = choiceQuestion();
    const choice = await practise(A.agent, q.choices[0]!.id, q.slug);
    const res = await A.agent.post(`/api/answers/${choice.id}/dispute`).send({ reason: REASON }).expect(409);
    expect(res.body.error.code).toBe("not_disputable");
    const self = await A.agent.put(`/api/answers/${choice.id}/self-assessment`).send({ verdict: "correct" });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe("not_self_assessable");
  });

  it("authorization matrix: only the owner disputes and self-assesses; the answer stays visible to a linked mentor only", async () => {
    const { A, B, linked, unlinked } = await people();
    const answer = await practise(A.agent);
    await setConfidence(answer.id, "low");
    const unknown = "00000000-0000-4000-8000-000000000000";
    const anonymous = supertest.agent(t.app);
    const actors: [string, Agent, { dispute: number; self: number; get: number }][] = [
      ["signed out", anonymous, { dispute: 401, self: 401, get: 401 }],
      ["candidate B", B.agent, { dispute: 404, self: 404, get: 404 }],
      ["unlinked mentor", unlinked.agent, { dispute: 404, self: 404, get: 404 }],
      ["linked mentor", linked.agent, { dispute: 404, self: 404, get: 200 }],
      ["candidate A", A.agent, { dispute: 201, self: 200, get: 200 }],
    ];
    for (const [name, agent, want] of actors) {
      const got = {
        dispute: (await agent.post(`/api/answers/${answer.id}/dispute`).send({ reason: REASON })).status,
        self: (await agent.put(`/api/answers/${answer.id}/self-assessment`).send({ verdict: "partial" })).status,
        get: (await agent.get(`/api/answers/${answer.id}`)).status,
      };
      expect(got, name).toEqual(want);
    }
    // An unknown answer looks exactly like someone else's.
    await A.agent.post(`/api/answers/${unknown}/dispute`).send({ reason: REASON }).expect(404);
    await A.agent.put(`/api/answers/${unknown}/self-assessment`).send({ verdict: "partial" }).expect(404);
    // A cross-site POST is refused before anything else.
    await A.agent
      .post(`/api/answers/${answer.id}/dispute`)
      .set("Origin", "https://evil.example")
      .send({ reason: REASON })
      .expect(403);
  });

  it("when a linked mentor overrides to another verdict, then the dispute is upheld with the reason as reply, and the candidate is notified", async () => {
    const { A, linked, unlinked } = await people();
    const answer = await practise(A.agent);
    await A.agent.post(`/api/answers/${answer.id}/dispute`).send({ reason: REASON }).expect(201);
    // Someone who may not rule cannot resolve it either.
    await unlinked.agent
      .post(`/api/answers/${answer.id}/override`)
      .send({ verdict: other(answer.verdict), score: 0.5, reason: "Not mine to rule" })
      .expect(404);
    await linked.agent
      .post(`/api/answers/${answer.id}/override`)
      .send({ verdict: other(answer.verdict), score: 0.9, reason: "You are right, the rubric missed it" })
      .expect(201);

    // One act of the mentor's, told once: as the ruling, with the grade it set.
    expect((await A.agent.get("/api/me/unread").expect(200)).body).toEqual({
      comments: 0,
      overrides: 0,
      disputes: 1,
      total: 1,
    });
    const unread = (await A.agent.get("/api/home").expect(200)).body.unread;
    expect(unread).toMatchObject({ comments: 0, overrides: 0, disputes: 1 });
    expect(unread.items).toEqual([
      expect.objectContaining({
        kind: "dispute",
        answerId: answer.id,
        verdict: "upheld",
        grade: other(answer.verdict),
        text: "You are right, the rubric missed it",
      }),
    ]);
    const audit = (await A.agent.get("/api/me/audit").expect(200)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["answer.disputed", "dispute.resolved", "grade.overridden"]),
    );
    const detail = (await A.agent.get(`/api/answers/${answer.id}`).expect(200)).body;
    expect(detail.dispute).toEqual({
      reason: REASON,
      status: "resolved",
      createdAt: expect.any(String),
      resolvedAt: expect.any(String),
      resolvedBy: { id: linked.user.id, name: "Test mentor" },
      resolution: "upheld",
      reply: "You are right, the rubric missed it",
    });
    expect((await A.agent.get("/api/me/unread").expect(200)).body.total).toBe(0);
    const item = (await A.agent.get("/api/answers").expect(200)).body.items.find(
      (i: { id: string }) => i.id === answer.id,
    );
    expect(item.dispute).toEqual({ status: "resolved", resolution: "upheld" });

    // A resolved dispute is never reopened: a later ruling leaves it as it was, and it cannot be disputed again.
    await linked.agent
      .post(`/api/answers/${answer.id}/override`)
      .send({ verdict: answer.verdict, score: 0.5, reason: "Changed my mind" })
      .expect(201);
    // …and is told as an ordinary grade change.
    expect((await A.agent.get("/api/me/unread").expect(200)).body).toMatchObject({ overrides: 1, disputes: 0 });
    expect((await A.agent.get(`/api/answers/${answer.id}`).expect(200)).body.dispute).toEqual(detail.dispute);
    const again = await A.agent.post(`/api/answers/${answer.id}/dispute`).send({ reason: REASON }).expect(409);
    expect(again.body.error.code).toBe("already_disputed");
  });

  it("when the override keeps the automatic verdict, or the mentor confirms, then the dispute is rejected", async () => {
    const { A, linked } = await people();
    const kept = await practise(A.agent);
    const confirmed = await practise(A.agent);
    const silent = await practise(A.agent);
    for (const a of [kept, confirmed, silent])
      await A.agent.post(`/api/answers/${a.id}/dispute`).send({ reason: REASON }).expect(201);

    await linked.agent
      .post(`/api/answers/${kept.id}/override`)
      .send({ verdict: kept.verdict, score: 0.42, reason: "Same verdict, fairer score" })
      .expect(201);
    await linked.agent
      .post(`/api/answers/${confirmed.id}/confirm`)
      .send({ reply: "  The rubric wants the state argument too  " })
      .expect(200);
    await linked.agent.post(`/api/answers/${silent.id}/confirm`).send({}).expect(200);

    // The candidate's home lists each ruling on a dispute with the mentor's reply, like other mentor activity.
    const home = (await A.agent.get("/api/home").expect(200)).body;
    expect(home.unread.disputes).toBe(3);
    expect(home.unread.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "dispute",
          answerId: confirmed.id,
          by: "Test mentor",
          text: "The rubric wants the state argument too",
          verdict: "rejected",
        }),
        expect.objectContaining({ kind: "dispute", answerId: silent.id, text: "", verdict: "rejected" }),
        expect.objectContaining({ kind: "dispute", answerId: kept.id, verdict: "rejected", grade: kept.verdict }),
      ]),
    );
    expect(home.unread.overrides).toBe(0);
    expect(home.unread.items.find((i: { answerId: string }) => i.answerId === confirmed.id)).not.toHaveProperty(
      "grade",
    );
    const dispute = async (id: string) => (await A.agent.get(`/api/answers/${id}`).expect(200)).body.dispute;
    expect(await dispute(kept.id)).toMatchObject({ resolution: "rejected", reply: "Same verdict, fairer score" });
    expect(await dispute(confirmed.id)).toMatchObject({
      status: "resolved",
      resolution: "rejected",
      reply: "The rubric wants the state argument too",
      resolvedBy: { id: linked.user.id },
    });
    const noReply = await dispute(silent.id);
    expect(noReply).toMatchObject({ status: "resolved", resolution: "rejected" });
    expect(noReply).not.toHaveProperty("reply");

    // A reply needs an open dispute to answer; an empty or overlong one is a 400.
    const plain = await practise(A.agent);
    const res = await linked.agent.post(`/api/answers/${plain.id}/confirm`).send({ reply: "Fine" }).expect(409);
    expect(res.body.error.code).toBe("conflict");
    await linked.agent.post(`/api/answers/${plain.id}/confirm`).send({ reply: "   " }).expect(400);
    await linked.agent
      .post(`/api/answers/${plain.id}/confirm`)
      .send({ reply: "x".repeat(1001) })
      .expect(400);
  });

  it("when the answer was overridden before the dispute, then upheld means the ruling changes that verdict, not the automatic one", async () => {
    const { A, linked } = await people();
    const moved = await practise(A.agent);
    const kept = await practise(A.agent);
    for (const a of [moved, kept]) {
      await linked.agent
        .post(`/api/answers/${a.id}/override`)
        .send({ verdict: other(a.verdict), score: 0.3, reason: "First look" })
        .expect(201);
      await A.agent.post(`/api/answers/${a.id}/dispute`).send({ reason: REASON }).expect(201);
    }
    // Back to the automatic verdict: the disputed (overridden) verdict changed, so the candidate won.
    await linked.agent
      .post(`/api/answers/${moved.id}/override`)
      .send({ verdict: moved.verdict, score: 0.6, reason: "You were right" })
      .expect(201);
    // The same overridden verdict again: nothing changed for the candidate, though it differs from the automatic one.
    await linked.agent
      .post(`/api/answers/${kept.id}/override`)
      .send({ verdict: other(kept.verdict), score: 0.35, reason: "Still not enough" })
      .expect(201);
    const dispute = async (id: string) => (await A.agent.get(`/api/answers/${id}`).expect(200)).body.dispute;
    expect(await dispute(moved.id)).toMatchObject({ resolution: "upheld", reply: "You were right" });
    expect(await dispute(kept.id)).toMatchObject({ resolution: "rejected", reply: "Still not enough" });
  });

  it("when an override and a confirmation with a reply race on a disputed answer, then one settles it and the other sees it settled", async () => {
    const { A, linked } = await people();
    const a = await practise(A.agent);
    await A.agent.post(`/api/answers/${a.id}/dispute`).send({ reason: REASON }).expect(201);
    const [override, confirm] = await Promise.all([
      linked.agent
        .post(`/api/answers/${a.id}/override`)
        .send({ verdict: other(a.verdict), score: 0.7, reason: "Agreed" }),
      linked.agent.post(`/api/answers/${a.id}/confirm`).send({ reply: "The grade stands" }),
    ]);
    const dispute = (await A.agent.get(`/api/answers/${a.id}`).expect(200)).body.dispute;
    expect(override.status).toBe(201);
    if (dispute.resolution === "upheld") {
      // The override came first; the reply then had no open dispute to answer.
      expect(confirm.status).toBe(409);
      expect(dispute.reply).toBe("Agreed");
    } else {
      expect(confirm.status).toBe(200);
      expect(dispute).toMatchObject({ resolution: "rejected", reply: "The grade stands" });
    }
  });

  it("when the mentor opens the queue, then open disputes come first (even on reviewed answers), then low confidence, then the rest; disputed=true filters", async () => {
    const { A, linked } = await people();
    const rest = await practise(A.agent);
    const low = await practise(A.agent);
    const disputed = await practise(A.agent);
    const reviewed = await practise(A.agent);
    await setConfidence(rest.id, "high");
    await setConfidence(disputed.id, "high");
    await setConfidence(reviewed.id, "high");
    await setConfidence(low.id, "low");
    await linked.agent.post(`/api/answers/${reviewed.id}/confirm`).send({}).expect(200);
    await A.agent.post(`/api/answers/${disputed.id}/dispute`).send({ reason: REASON }).expect(201);
    await A.agent.post(`/api/answers/${reviewed.id}/dispute`).send({ reason: REASON }).expect(201);

    const queue = (await linked.agent.get("/api/review/queue").expect(200)).body;
    const ids = queue.items.map((i: { id: string }) => i.id);
    expect(ids.slice(0, 2).sort()).toEqual([disputed.id, reviewed.id].sort());
    expect(ids.slice(2)).toEqual([low.id, rest.id]);
    expect(queue.items.map((i: { disputed: boolean }) => i.disputed)).toEqual([true, true, false, false]);
    expect(queue.total).toBe(4);
    // The candidates page and the mentor's home count the same queue.
    const listed = (await linked.agent.get("/api/candidates").expect(200)).body.items;
    expect(listed.find((c: { id: string }) => c.id === A.user.id).unreviewed).toBe(4);
    expect((await linked.agent.get("/api/home").expect(200)).body.queue.total).toBe(4);

    const only = (await linked.agent.get("/api/review/queue?disputed=true").expect(200)).body;
    expect(only.items.map((i: { id: string }) => i.id).sort()).toEqual([disputed.id, reviewed.id].sort());
    expect(only.total).toBe(2);
    const others = (await linked.agent.get("/api/review/queue?disputed=false").expect(200)).body;
    expect(others.items.map((i: { id: string }) => i.id)).toEqual([low.id, rest.id]);
    const bad = await linked.agent.get("/api/review/queue?disputed=yes").expect(400);
    expect(bad.body.error).toMatchObject({ code: "validation_failed", details: [{ path: "disputed" }] });

    // Resolved, the dispute leaves the queue with its answer.
    await linked.agent.post(`/api/answers/${reviewed.id}/confirm`).send({ reply: "Still partial" }).expect(200);
    const after = (await linked.agent.get("/api/review/queue?disputed=true").expect(200)).body;
    expect(after.items.map((i: { id: string }) => i.id)).toEqual([disputed.id]);
  });

  it("when the candidate self-assesses a low-confidence or disputed answer, then it is kept beside the grade, replaced by a second PUT, and counted apart", async () => {
    const { A, linked } = await people();
    const sure = await practise(A.agent);
    await setConfidence(sure.id, "high");
    const unsure = await practise(A.agent);
    await setConfidence(unsure.id, "low");
    const disputed = await practise(A.agent);
    await setConfidence(disputed.id, "high");

    const refused = await A.agent.put(`/api/answers/${sure.id}/self-assessment`).send({ verdict: "partial" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("not_self_assessable");
    await A.agent.put(`/api/answers/${unsure.id}/self-assessment`).send({ verdict: "maybe" }).expect(400);
    const progressBefore = (await A.agent.get("/api/me/progress").expect(200)).body;

    const first = (
      await A.agent.put(`/api/answers/${unsure.id}/self-assessment`).send({ verdict: "partial" }).expect(200)
    ).body;
    expect(first).toEqual({ selfAssessment: { verdict: "partial", createdAt: expect.any(String) } });
    const own: Verdict = unsure.verdict;
    const second = (await A.agent.put(`/api/answers/${unsure.id}/self-assessment`).send({ verdict: own }).expect(200))
      .body;
    expect(second.selfAssessment.verdict).toBe(own);
    await A.agent.post(`/api/answers/${disputed.id}/dispute`).send({ reason: REASON }).expect(201);
    await A.agent
      .put(`/api/answers/${disputed.id}/self-assessment`)
      .send({ verdict: other(disputed.verdict) })
      .expect(200);

    const detail = (await A.agent.get(`/api/answers/${unsure.id}`).expect(200)).body;
    expect(detail.selfAssessment).toEqual(second.selfAssessment);
    expect(detail.autoGrade.verdict).toBe(unsure.verdict);
    expect(detail.effectiveGrade).toMatchObject({ verdict: unsure.verdict, overridden: false });
    const items = (await A.agent.get("/api/answers").expect(200)).body.items;
    expect(items.find((i: { id: string }) => i.id === unsure.id).selfAssessment).toEqual({ verdict: own });
    // Mastery and progress never read it.
    expect((await A.agent.get("/api/me/progress").expect(200)).body).toEqual(progressBefore);

    // Agreement: one self-assessment agrees with the grader, one does not; neither is a mentor ruling.
    const mine = (await A.agent.get("/api/review/agreement").expect(200)).body;
    expect(mine.selfAssessments).toMatchObject({ total: 2, agreement: 0.5 });
    expect(mine.total).toBe(0);
    const theirs = (await linked.agent.get("/api/review/agreement").expect(200)).body;
    expect(theirs.selfAssessments).toMatchObject({ total: 2, agreement: 0.5 });
    expect(theirs.total).toBe(0);
    const stranger = await signedUpAgent(t.app, "mentor");
    expect((await stranger.agent.get("/api/review/agreement").expect(200)).body.selfAssessments).toEqual({
      total: 0,
      agreement: 0,
      kappa: 0,
    });
  });
});
