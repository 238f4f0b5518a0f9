import supertest from "supertest";
import { expect, it } from "vitest";
import { bank, describeEachDatabase, roundOf as roundWith, signedUpAgent, useTestApp } from "../setup/test-app.ts";

type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];
type RoundQuestion = {
  slug: string;
  prompt?: string;
  choices?: unknown[];
  locked?: boolean;
  followUpOf?: string;
  followUps?: { slug: string }[];
};

// Two chains of the shipped bank: a free-text parent with a free-text follow-up, a single-choice one with a single-choice follow-up.
const PARENT = "scenario-realtime-dashboard";
const FOLLOW = "scenario-realtime-dashboard-200ms";
const CHOICE_PARENT = "scenario-realtime-dashboard-choice";
const CHOICE_FOLLOW = "scenario-realtime-dashboard-restarts";

/** An answer its own rubric grades correct: the model answer, or the correct choice. */
function goodAnswer(slug: string): string {
  const q = bank().questions.find((x) => x.slug === slug)!;
  return q.type === "free-text" ? q.modelAnswer : q.choices.find((c) => c.correct)!.id;
}

const bankQuestion = (slug: string) => bank().questions.find((q) => q.slug === slug)!;
type BankQuestion = ReturnType<typeof bankQuestion>;

/**
 * How many questions a round with this filter can draw: each matching question that follows up nothing, with the
 * follow-ups below it that match the filter too (one that does not takes its own follow-ups with it).
 */
function poolSize(matches: (q: BankQuestion) => boolean): number {
  const below = (slug: string): number =>
    bank()
      .questions.filter((q) => q.followUpOf === slug && matches(q))
      .reduce((n, q) => n + 1 + below(q.slug), 0);
  return bank()
    .questions.filter((q) => !q.followUpOf && matches(q))
    .reduce((n, q) => n + 1 + below(q.slug), 0);
}

let keys = 0;
const key = () => `follow-up-test-${process.pid}-${++keys}`;

describeEachDatabase("interviewer follow-ups", (kind) => {
  const t = useTestApp(kind);

  const roundOf = (userId: string, slugs: string[], timeLimitSeconds = 600) =>
    roundWith(t.db, userId, slugs, { timeLimitSeconds });

  const check = (agent: Agent, slug: string, answer = goodAnswer(slug)) =>
    agent.post(`/api/questions/${slug}/check`).send({ answer });
  const listedSlugs = async (agent: Agent | supertest.Agent) =>
    (await agent.get("/api/questions?section=scenarios&pageSize=100").expect(200)).body.items.map(
      (q: { slug: string }) => q.slug,
    );
  const roundQuestion = async (agent: Agent, id: string, slug: string): Promise<RoundQuestion> =>
    (await agent.get(`/api/rounds/${id}`).expect(200)).body.questions.find((q: RoundQuestion) => q.slug === slug);

  it("when the shipped bank is loaded, then the chains these tests use exist", () => {
    const parentOf = new Map(bank().questions.map((q) => [q.slug, q.followUpOf]));
    expect(parentOf.get(FOLLOW)).toBe(PARENT);
    expect(parentOf.get(CHOICE_FOLLOW)).toBe(CHOICE_PARENT);
  });

  it("when a signed-out visitor browses, then follow-ups are neither listed nor fetchable (409 parent_not_answered)", async () => {
    const visitor = supertest.agent(t.app);
    const slugs = await listedSlugs(visitor);
    expect(slugs).toContain(PARENT);
    expect(slugs).not.toContain(FOLLOW);
    const res = await visitor.get(`/api/questions/${FOLLOW}`).expect(409);
    expect(res.body.error).toMatchObject({
      code: "parent_not_answered",
      message: "This question follows up another one: answer that one first",
      parent: PARENT,
    });
    const parent = await visitor.get(`/api/questions/${PARENT}`).expect(200);
    expect(parent.body).not.toHaveProperty("followUps");
  });

  it("when the parent was never answered, then the follow-up is hidden, 409 on GET and on check, and nothing is stored", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    expect(await listedSlugs(agent)).not.toContain(FOLLOW);
    expect((await agent.get(`/api/questions/${FOLLOW}`).expect(409)).body.error.code).toBe("parent_not_answered");
    const res = await check(agent, FOLLOW).expect(409);
    expect(res.body.error.code).toBe("parent_not_answered");
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(0);
    const parent = await agent.get(`/api/questions/${PARENT}`).expect(200);
    expect(parent.body).not.toHaveProperty("followUps");
  });

  it("when a locked follow-up is checked, with or without a key, then 409 names its parent exactly as GET does and the key stays unused", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const locked = {
      error: {
        code: "parent_not_answered",
        message: "This question follows up another one: answer that one first",
        parent: PARENT,
      },
    };
    expect((await agent.get(`/api/questions/${FOLLOW}`).expect(409)).body).toEqual(locked);
    expect((await check(agent, FOLLOW).expect(409)).body).toEqual(locked);
    const body = { answer: goodAnswer(FOLLOW), idempotencyKey: key() };
    expect((await agent.post(`/api/questions/${FOLLOW}/check`).send(body).expect(409)).body).toEqual(locked);
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(0);
    await check(agent, PARENT).expect(200);
    expect((await agent.post(`/api/questions/${FOLLOW}/check`).send(body).expect(200)).body).toMatchObject({
      question: FOLLOW,
      followUpOf: PARENT,
    });
  });

  it("when the parent is checked, then its result offers the follow-up, which is then listed, fetchable and gradable", async () => {
    const { agent } = await signedUpAgent(t.app);
    const parent = await check(agent, PARENT).expect(200);
    expect(parent.body.followUps).toEqual([{ slug: FOLLOW }]);
    expect(parent.body).not.toHaveProperty("followUpOf");

    const again = await agent.get(`/api/questions/${PARENT}`).expect(200);
    expect(again.body.followUps).toEqual([{ slug: FOLLOW }]);
    const follow = await agent.get(`/api/questions/${FOLLOW}`).expect(200);
    expect(follow.body).toMatchObject({ slug: FOLLOW, followUpOf: PARENT, type: "free-text" });
    expect(follow.body.prompt).toEqual(expect.any(String));
    expect(await listedSlugs(agent)).toContain(FOLLOW);

    const graded = await check(agent, FOLLOW).expect(200);
    expect(graded.body).toMatchObject({ question: FOLLOW, followUpOf: PARENT, verdict: "correct" });
    expect(graded.body).not.toHaveProperty("followUps");
  });

  it("when the parent answer is wrong, then the follow-up still unlocks (answered, not passed, is what counts)", async () => {
    const { agent } = await signedUpAgent(t.app);
    const wrong = await check(agent, CHOICE_PARENT, "kafka-streams").expect(200);
    expect(wrong.body.verdict).toBe("incorrect");
    expect(wrong.body.followUps).toEqual([{ slug: CHOICE_FOLLOW }]);
    const follow = await agent.get(`/api/questions/${CHOICE_FOLLOW}`).expect(200);
    expect(follow.body.choices).toHaveLength(4);
    expect(JSON.stringify(follow.body)).not.toMatch(/"correct"/);
  });

  it("when another user answered the parent, then nothing unlocks for me", async () => {
    const other = await signedUpAgent(t.app);
    await check(other.agent, PARENT).expect(200);
    const { agent } = await signedUpAgent(t.app);
    expect((await check(agent, FOLLOW).expect(409)).body.error.code).toBe("parent_not_answered");
    expect(await listedSlugs(agent)).not.toContain(FOLLOW);
    expect((await agent.get(`/api/questions/${PARENT}`).expect(200)).body).not.toHaveProperty("followUps");
  });

  it("when a check of a locked follow-up has a badly shaped answer, then the lock is reported first", async () => {
    const { agent } = await signedUpAgent(t.app);
    const res = await agent
      .post(`/api/questions/${CHOICE_FOLLOW}/check`)
      .send({ answer: "no-such-choice" })
      .expect(409);
    expect(res.body.error.code).toBe("parent_not_answered");
  });

  it("when the parent was answered in a round, then the follow-up is unlocked in practice too", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const id = await roundOf(user.id, [CHOICE_PARENT, CHOICE_FOLLOW]);
    await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: CHOICE_PARENT, answer: goodAnswer(CHOICE_PARENT), idempotencyKey: key() })
      .expect(201);
    await agent.post(`/api/rounds/${id}/finish`).expect(200);
    expect((await agent.get(`/api/questions/${CHOICE_FOLLOW}`).expect(200)).body.followUpOf).toBe(CHOICE_PARENT);
    await check(agent, CHOICE_FOLLOW).expect(200);
  });

  it("when a round holds a chain, then the follow-up is a locked placeholder that refuses drafts and answers until the parent is answered", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const id = await roundOf(user.id, [PARENT, FOLLOW, CHOICE_PARENT]);

    const locked = await roundQuestion(agent, id, FOLLOW);
    expect(locked).toMatchObject({ slug: FOLLOW, locked: true, followUpOf: PARENT, type: "free-text" });
    expect(locked).not.toHaveProperty("prompt");
    expect(locked).not.toHaveProperty("choices");
    expect(await roundQuestion(agent, id, PARENT)).not.toHaveProperty("followUps");

    const draft = await agent.put(`/api/rounds/${id}/drafts/${FOLLOW}`).send({ answer: "early" }).expect(409);
    expect(draft.body.error).toMatchObject({ code: "parent_not_answered", parent: PARENT });
    const early = await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: FOLLOW, answer: "early", idempotencyKey: key() })
      .expect(409);
    expect(early.body.error.code).toBe("parent_not_answered");
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(0);

    await agent.put(`/api/rounds/${id}/drafts/${PARENT}`).send({ answer: "a draft is not an answer" }).expect(204);
    expect((await roundQuestion(agent, id, FOLLOW)).locked).toBe(true);

    await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: PARENT, answer: goodAnswer(PARENT), idempotencyKey: key() })
      .expect(201);
    const open = await roundQuestion(agent, id, FOLLOW);
    expect(open).toMatchObject({ slug: FOLLOW, followUpOf: PARENT, prompt: expect.any(String) });
    expect(open).not.toHaveProperty("locked");
    expect((await roundQuestion(agent, id, PARENT)).followUps).toEqual([{ slug: FOLLOW }]);
    await agent.put(`/api/rounds/${id}/drafts/${FOLLOW}`).send({ answer: "thinking" }).expect(204);
    await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: FOLLOW, answer: goodAnswer(FOLLOW), idempotencyKey: key() })
      .expect(201);
  });

  it("when the parent was answered only in practice, then the follow-up is still locked in a round", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    await check(agent, CHOICE_PARENT).expect(200);
    const id = await roundOf(user.id, [CHOICE_PARENT, CHOICE_FOLLOW]);
    expect(await roundQuestion(agent, id, CHOICE_FOLLOW)).toMatchObject({ locked: true });
    await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: CHOICE_FOLLOW, answer: goodAnswer(CHOICE_FOLLOW), idempotencyKey: key() })
      .expect(409);
  });

  it("when another user's round is asked for, then its chain state is not theirs to see (404)", async () => {
    const owner = await signedUpAgent(t.app);
    const id = await roundOf(owner.user.id, [CHOICE_PARENT, CHOICE_FOLLOW]);
    const { agent } = await signedUpAgent(t.app);
    await agent.get(`/api/rounds/${id}`).expect(404);
    await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: CHOICE_FOLLOW, answer: "x", idempotencyKey: key() })
      .expect(404);
  });

  it("when a round closes, then results list each follow-up right after its parent; one never reached counts as unanswered", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const id = await roundOf(user.id, [PARENT, FOLLOW, CHOICE_PARENT, CHOICE_FOLLOW]);
    await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: CHOICE_PARENT, answer: goodAnswer(CHOICE_PARENT), idempotencyKey: key() })
      .expect(201);
    await agent
      .put(`/api/rounds/${id}/drafts/${PARENT}`)
      .send({ answer: goodAnswer(PARENT) })
      .expect(204);

    const closed = (await agent.post(`/api/rounds/${id}/finish`).expect(200)).body;
    const items = closed.results.items as {
      slug: string;
      verdict: string;
      followUpOf?: string;
      notReached?: boolean;
      prompt: string;
    }[];
    expect(items.map((i) => i.slug)).toEqual([PARENT, FOLLOW, CHOICE_PARENT, CHOICE_FOLLOW]);
    expect(items[0]).not.toHaveProperty("followUpOf");
    expect(items[1]).toMatchObject({
      followUpOf: PARENT,
      verdict: "unanswered",
      notReached: true,
      prompt: expect.any(String),
    });
    expect(items[2]).toMatchObject({ verdict: "correct" });
    expect(items[3]).toMatchObject({ followUpOf: CHOICE_PARENT, verdict: "unanswered", notReached: false });
    expect(closed.results.totals).toMatchObject({ questions: 4, unanswered: 2, maxScore: 4 });
    const list = (await agent.get("/api/rounds").expect(200)).body.items.find((r: { id: string }) => r.id === id);
    expect(list).toMatchObject({ questionCount: 4, totals: { unanswered: 2 } });
  });

  it("when a closed round had a follow-up answered, then its result carries the grade and is not marked not-reached", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const id = await roundOf(user.id, [CHOICE_PARENT, CHOICE_FOLLOW]);
    await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: CHOICE_PARENT, answer: goodAnswer(CHOICE_PARENT), idempotencyKey: key() })
      .expect(201);
    await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: CHOICE_FOLLOW, answer: goodAnswer(CHOICE_FOLLOW), idempotencyKey: key() })
      .expect(201);
    const closed = (await agent.post(`/api/rounds/${id}/finish`).expect(200)).body;
    expect(closed.results.items[1]).toMatchObject({
      slug: CHOICE_FOLLOW,
      followUpOf: CHOICE_PARENT,
      verdict: "correct",
      notReached: false,
    });
    expect(closed.results.totals).toMatchObject({ correct: 2, unanswered: 0 });
  });

  it("when rounds are drawn from a section with chains, then every follow-up sits right after its parent's chain and never alone", async () => {
    const { agent } = await signedUpAgent(t.app);
    const parentOf = new Map(bank().questions.flatMap((q) => (q.followUpOf ? [[q.slug, q.followUpOf] as const] : [])));
    const count = Math.min(
      30,
      poolSize((q) => q.section === "scenarios"),
    );
    let sawChain = false;
    for (let run = 0; run < 6; run++) {
      const res = await agent
        .post("/api/rounds")
        .send({ questionCount: count, timeLimitSeconds: 600, sections: ["scenarios"] })
        .expect(201);
      const slugs = (res.body.questions as RoundQuestion[]).map((q) => q.slug);
      expect(slugs).toHaveLength(count);
      expect(new Set(slugs).size).toBe(count);
      for (const [i, slug] of slugs.entries()) {
        const parent = parentOf.get(slug);
        if (!parent) continue;
        sawChain = true;
        const drawn = (res.body.questions as RoundQuestion[])[i]!;
        expect(drawn).toMatchObject({ locked: true, followUpOf: parent });
        expect(drawn).not.toHaveProperty("prompt");
        const at = slugs.indexOf(parent);
        expect(at, `${slug} drawn without ${parent}`).toBeGreaterThanOrEqual(0);
        expect(
          slugs.slice(at + 1, i).every((between) => parentOf.has(between)),
          `${slug} separated from ${parent}`,
        ).toBe(true);
      }
      await agent.post(`/api/rounds/${res.body.id}/finish`).expect(200);
    }
    expect(sawChain).toBe(true);
  });

  it("when the filters match follow-ups but not their parents, then those follow-ups are never drawn and do not count as available", async () => {
    const { agent } = await signedUpAgent(t.app);
    const filter = { sections: ["scenarios"], difficulty: ["hard"] };
    const strays = bank().questions.filter(
      (q) =>
        q.followUpOf &&
        q.section === "scenarios" &&
        q.difficulty === "hard" &&
        bankQuestion(q.followUpOf).difficulty !== "hard",
    );
    expect(strays.length).toBeGreaterThan(0);
    const size = poolSize((q) => q.section === "scenarios" && q.difficulty === "hard");
    const tooMany = await agent
      .post("/api/rounds")
      .send({ questionCount: size + 1, timeLimitSeconds: 600, ...filter })
      .expect(400);
    expect(tooMany.body.error.details[0].message).toContain(`only ${size} `);
    if (size === 0) return;
    const res = await agent
      .post("/api/rounds")
      .send({ questionCount: Math.min(size, 30), timeLimitSeconds: 600, ...filter })
      .expect(201);
    const slugs = (res.body.questions as RoundQuestion[]).map((q) => q.slug);
    for (const stray of strays) expect(slugs).not.toContain(stray.slug);
    await agent.post(`/api/rounds/${res.body.id}/finish`).expect(200);
  });

  it("when a round is drawn for choice questions only, then no free-text follow-up comes along with a choice parent", async () => {
    const { agent } = await signedUpAgent(t.app);
    const types = ["single-choice", "multi-choice"];
    const freeTextBelowChoice = bank().questions.filter(
      (q) => q.followUpOf && q.type === "free-text" && bankQuestion(q.followUpOf).type !== "free-text",
    );
    const size = poolSize((q) => types.includes(q.type));
    for (let run = 0; run < 3; run++) {
      const res = await agent
        .post("/api/rounds")
        .send({ questionCount: Math.min(size, 30), timeLimitSeconds: 600, types })
        .expect(201);
      const drawn = (res.body.questions as RoundQuestion[]).map((q) => bankQuestion(q.slug));
      expect(drawn.every((q) => types.includes(q.type))).toBe(true);
      for (const stray of freeTextBelowChoice) expect(drawn.map((q) => q.slug)).not.toContain(stray.slug);
      await agent.post(`/api/rounds/${res.body.id}/finish`).expect(200);
    }
  });

  it("when history is listed, then a follow-up carries followUpOf and comes right after its parent's answer", async () => {
    const { agent } = await signedUpAgent(t.app);
    await check(agent, PARENT).expect(200);
    await check(agent, CHOICE_PARENT).expect(200);
    await check(agent, FOLLOW).expect(200);
    const items = (await agent.get("/api/answers").expect(200)).body.items as {
      question: { slug: string };
      followUpOf?: string;
    }[];
    expect(items.map((i) => i.question.slug)).toEqual([CHOICE_PARENT, PARENT, FOLLOW]);
    expect(items[2]!.followUpOf).toBe(PARENT);
    expect(items[0]).not.toHaveProperty("followUpOf");
  });

  it("when a practice answer is opened, then it links the answer it followed up and the follow-up answers after it", async () => {
    const { agent } = await signedUpAgent(t.app);
    const first = (await check(agent, PARENT, "Flink, because it is fast").expect(200)).body.answerId;
    const parent = (await check(agent, PARENT).expect(200)).body.answerId;
    const follow = (await check(agent, FOLLOW).expect(200)).body.answerId;

    const followDetail = (await agent.get(`/api/answers/${follow}`).expect(200)).body;
    expect(followDetail).toMatchObject({
      followUpOf: PARENT,
      parentAnswer: { id: parent, slug: PARENT },
      followUpAnswers: [],
    });
    const parentDetail = (await agent.get(`/api/answers/${parent}`).expect(200)).body;
    expect(parentDetail).toMatchObject({ parentAnswer: null, followUpAnswers: [{ id: follow, slug: FOLLOW }] });
    expect(parentDetail).not.toHaveProperty("followUpOf");
    const firstDetail = (await agent.get(`/api/answers/${first}`).expect(200)).body;
    expect(firstDetail.followUpAnswers).toEqual([]);
  });

  it("when a round answer is opened, then its chain links stay inside that round", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    await check(agent, CHOICE_PARENT).expect(200);
    const id = await roundOf(user.id, [CHOICE_PARENT, CHOICE_FOLLOW]);
    await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: CHOICE_PARENT, answer: goodAnswer(CHOICE_PARENT), idempotencyKey: key() })
      .expect(201);
    await agent
      .post(`/api/rounds/${id}/answers`)
      .send({ question: CHOICE_FOLLOW, answer: goodAnswer(CHOICE_FOLLOW), idempotencyKey: key() })
      .expect(201);
    const items = (await agent.get("/api/answers?source=round").expect(200)).body.items as {
      id: string;
      question: { slug: string };
    }[];
    expect(items.map((i) => i.question.slug)).toEqual([CHOICE_PARENT, CHOICE_FOLLOW]);
    const [parent, follow] = items;
    const detail = (await agent.get(`/api/answers/${follow!.id}`).expect(200)).body;
    expect(detail.parentAnswer).toEqual({ id: parent!.id, slug: CHOICE_PARENT });
    expect((await agent.get(`/api/answers/${parent!.id}`).expect(200)).body.followUpAnswers).toEqual([
      { id: follow!.id, slug: CHOICE_FOLLOW },
    ]);
  });

  it("when a linked mentor reads the candidate's history, then the chain is grouped for them too", async () => {
    const candidate = await signedUpAgent(t.app);
    const mentor = await signedUpAgent(t.app, "mentor");
    const invite = (await candidate.agent.post("/api/links/invites").send({}).expect(201)).body;
    await mentor.agent.post("/api/links").send({ code: invite.code }).expect(201);
    await check(candidate.agent, CHOICE_PARENT).expect(200);
    await check(candidate.agent, PARENT).expect(200);
    await check(candidate.agent, CHOICE_FOLLOW).expect(200);
    const items = (await mentor.agent.get(`/api/answers?candidate=${candidate.user.id}`).expect(200)).body.items as {
      question: { slug: string };
      followUpOf?: string;
    }[];
    expect(items.map((i) => i.question.slug)).toEqual([PARENT, CHOICE_PARENT, CHOICE_FOLLOW]);
    expect(items[2]!.followUpOf).toBe(CHOICE_PARENT);
  });
});
