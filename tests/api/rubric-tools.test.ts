import supertest from "supertest";
import { expect, it } from "vitest";
import { bank, describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];

const SLUG = "scenario-fraud-detection";
// Misses the required event-at-a-time concept in words the rubric lacks: partial now, correct with the phrase.
// Short enough (three words of four letters or more) that no exemplar vote applies: the rubric alone decides, so the
// phrase is what moves it.
const PIPELINED = "Flink: its pipelined operators, so 100 ms is met.";
const SPAN = "pipelined operators";
const STRONG = "Flink, because 100 ms needs event-at-a-time processing";
const WRONG = "Spark batch, nightly";

describeEachDatabase("rubric health, regrade preview and suggestions", (kind) => {
  const t = useTestApp(kind);

  const link = async (candidate: Agent, mentor: Agent) => {
    const invite = (await candidate.post("/api/links/invites").send({}).expect(201)).body;
    await mentor.post("/api/links").send({ code: invite.code }).expect(201);
  };
  const practise = async (agent: Agent, answer: string) =>
    (await agent.post(`/api/questions/${SLUG}/check`).send({ answer }).expect(200)).body as {
      answerId: string;
      verdict: string;
    };

  /** Candidate A linked to `mentor`, three answers; the pipelined one overridden to correct, the strong one confirmed. */
  async function world() {
    const A = await signedUpAgent(t.app, "candidate");
    const B = await signedUpAgent(t.app, "candidate");
    const mentor = await signedUpAgent(t.app, "mentor");
    const stranger = await signedUpAgent(t.app, "mentor");
    await link(A.agent, mentor.agent);
    const pipelined = await practise(A.agent, PIPELINED);
    const strong = await practise(A.agent, STRONG);
    const wrong = await practise(A.agent, WRONG);
    // B's answer is never the mentor's to see: it must not count anywhere.
    await practise(B.agent, PIPELINED);
    await mentor.agent
      .post(`/api/answers/${pipelined.answerId}/override`)
      .send({ verdict: "correct", score: 0.8, reason: "Pipelined operators are event-at-a-time" })
      .expect(201);
    await mentor.agent.post(`/api/answers/${strong.answerId}/confirm`).send({}).expect(200);
    return { A, B, mentor, stranger, pipelined, strong, wrong };
  }

  it("when a mentor overrides a grade, then rubric health lists the question with the disagreement and its unmatched text", async () => {
    const { mentor, stranger, pipelined, strong } = await world();
    expect(pipelined.verdict).toBe("partial");
    expect(strong.verdict).toBe("correct");
    const health = (await mentor.agent.get("/api/rubric/health").expect(200)).body;
    const title = bank().questions.find((q) => q.slug === SLUG)!.title;
    expect(health.questions).toEqual([
      {
        slug: SLUG,
        title,
        rulings: 2,
        agreement: 0.5,
        kappa: expect.any(Number),
        disagreements: [
          {
            answerId: pipelined.answerId,
            automatic: "partial",
            ruling: "correct",
            unmatchedText: "Flink: its pipelined operators, so 100 … is met.",
          },
        ],
      },
    ]);
    expect((await stranger.agent.get("/api/rubric/health").expect(200)).body).toEqual({ questions: [] });
  });

  it("when a mentor previews a phrase, then the changed verdicts and agreement before/after come back and nothing is stored", async () => {
    const { mentor, stranger, pipelined } = await world();
    const body = { question: SLUG, concept: "event-at-a-time", phrase: `  ${SPAN} ` };
    const preview = (await mentor.agent.post("/api/rubric/preview").send(body).expect(200)).body;
    expect(preview).toEqual({
      total: 3,
      changed: [{ answerId: pipelined.answerId, from: "partial", to: "correct", ruling: "correct" }],
      agreementBefore: 0.5,
      agreementAfter: 1,
    });
    // The app's own rubric is untouched: a fresh answer in the same words still grades as before.
    const B2 = await signedUpAgent(t.app, "candidate");
    expect((await practise(B2.agent, PIPELINED)).verdict).toBe("partial");
    expect(await t.db.prisma.rubricSuggestion.count({ where: { createdById: mentor.user.id } })).toBe(0);

    // A misconception works the same way; a mentor with no linked candidates previews over nothing.
    const mis = { question: SLUG, misconception: "batch-for-fraud", phrase: "pipelined operators" };
    expect((await mentor.agent.post("/api/rubric/preview").send(mis).expect(200)).body.total).toBe(3);
    expect((await stranger.agent.post("/api/rubric/preview").send(body).expect(200)).body).toEqual({
      total: 0,
      changed: [],
      agreementBefore: null,
      agreementAfter: null,
    });
  });

  it("when a mentor asks for a question's rubric entries, then its concepts and misconceptions come back by id", async () => {
    const mentor = await signedUpAgent(t.app, "mentor");
    const entries = (await mentor.agent.get(`/api/rubric/questions/${SLUG}`).expect(200)).body;
    expect(entries.concepts).toContainEqual({ id: "event-at-a-time", label: expect.any(String) });
    expect(entries.misconceptions.map((m: { id: string }) => m.id)).toContain("batch-for-fraud");
    expect(JSON.stringify(entries)).not.toContain("phrases");
    const choice = (await mentor.agent.get("/api/rubric/questions/flink-processing-model").expect(200)).body;
    expect(choice).toMatchObject({ concepts: [], misconceptions: [] });
    await mentor.agent.get("/api/rubric/questions/no-such-question").expect(404);
  });

  it("when a preview is malformed, then it is a 400 naming the field; an unknown question is a 404", async () => {
    const { mentor } = await world();
    const post = (body: object) => mentor.agent.post("/api/rubric/preview").send(body);
    const fieldOf = async (body: object) => {
      const res = await post(body).expect(400);
      expect(res.body.error.code).toBe("validation_failed");
      return res.body.error.details.map((d: { path: string }) => d.path);
    };
    expect(await fieldOf({ question: SLUG, phrase: SPAN })).toEqual(["concept"]);
    expect(
      await fieldOf({ question: SLUG, concept: "event-at-a-time", misconception: "batch-for-fraud", phrase: SPAN }),
    ).toEqual(["concept"]);
    expect(await fieldOf({ question: SLUG, concept: "event-at-a-time", phrase: " x " })).toEqual(["phrase"]);
    expect(await fieldOf({ question: SLUG, concept: "event-at-a-time", phrase: "x".repeat(121) })).toEqual(["phrase"]);
    expect(await fieldOf({ question: SLUG, concept: "no-such-concept", phrase: SPAN })).toEqual(["concept"]);
    expect(await fieldOf({ question: SLUG, misconception: "no-such-one", phrase: SPAN })).toEqual(["misconception"]);
    // A concept of another question is not in this one's rubric.
    expect(await fieldOf({ question: SLUG, concept: "no-separate-cluster", phrase: SPAN })).toEqual(["concept"]);
    // A choice question has no rubric concepts at all.
    expect(await fieldOf({ question: "flink-processing-model", concept: "event-at-a-time", phrase: SPAN })).toEqual([
      "concept",
    ]);
    const missing = await post({ question: "no-such-question", concept: "event-at-a-time", phrase: SPAN }).expect(404);
    expect(missing.body.error.code).toBe("not_found");
  });

  it("when a mentor saves a suggestion, then it is stored with the preview's figures and listed newest first, to them only", async () => {
    const { mentor, stranger } = await world();
    const first = (
      await mentor.agent
        .post("/api/rubric/suggestions")
        .send({ question: SLUG, concept: "event-at-a-time", phrase: SPAN, note: " Common wording " })
        .expect(201)
    ).body.suggestion;
    expect(first).toEqual({
      id: expect.any(String),
      question: SLUG,
      concept: "event-at-a-time",
      phrase: SPAN,
      note: "Common wording",
      total: 3,
      changedCount: 1,
      agreementBefore: 0.5,
      agreementAfter: 1,
      createdBy: { id: mentor.user.id, name: "Test mentor" },
      createdAt: expect.any(String),
    });
    const second = (
      await mentor.agent
        .post("/api/rubric/suggestions")
        .send({ question: SLUG, misconception: "batch-for-fraud", phrase: "overnight job" })
        .expect(201)
    ).body.suggestion;
    expect(second).not.toHaveProperty("concept");
    expect(second).not.toHaveProperty("note");
    expect(second.misconception).toBe("batch-for-fraud");
    const mine = (await mentor.agent.get("/api/rubric/suggestions").expect(200)).body.items;
    expect(mine.map((s: { id: string }) => s.id)).toEqual([second.id, first.id]);
    expect((await stranger.agent.get("/api/rubric/suggestions").expect(200)).body.items).toEqual([]);
    await mentor.agent
      .post("/api/rubric/suggestions")
      .send({ question: SLUG, concept: "event-at-a-time", phrase: SPAN, note: "n".repeat(1001) })
      .expect(400);
  });

  it("authorization matrix: rubric routes are for mentors only; candidates get 403, the signed out 401", async () => {
    const { A, B, mentor, stranger } = await world();
    const anonymous = supertest.agent(t.app);
    const phrase = { question: SLUG, concept: "event-at-a-time", phrase: SPAN };
    const routes: Record<string, (g: Agent) => supertest.Test> = {
      health: (g) => g.get("/api/rubric/health"),
      entries: (g) => g.get(`/api/rubric/questions/${SLUG}`),
      preview: (g) => g.post("/api/rubric/preview").send(phrase),
      save: (g) => g.post("/api/rubric/suggestions").send(phrase),
      list: (g) => g.get("/api/rubric/suggestions"),
    };
    const who: Record<string, Agent> = {
      "candidate A": A.agent,
      "candidate B": B.agent,
      "linked mentor": mentor.agent,
      "unlinked mentor": stranger.agent,
      "signed out": anonymous,
    };
    const actual: Record<string, Record<string, number>> = {};
    const codes = new Set<string>();
    for (const [name, agent] of Object.entries(who)) {
      actual[name] = {};
      for (const [route, call] of Object.entries(routes)) {
        const res = await call(agent);
        actual[name]![route] = res.status;
        if (res.status >= 400) codes.add(`${res.status} ${res.body.error.code}`);
      }
    }
    const mentorRow = { health: 200, entries: 200, preview: 200, save: 201, list: 200 };
    const candidateRow = { health: 403, entries: 403, preview: 403, save: 403, list: 403 };
    expect(actual).toEqual({
      "candidate A": candidateRow,
      "candidate B": candidateRow,
      "linked mentor": mentorRow,
      "unlinked mentor": mentorRow,
      "signed out": { health: 401, entries: 401, preview: 401, save: 401, list: 401 },
    });
    expect([...codes].sort()).toEqual(["401 unauthenticated", "403 forbidden"]);
  });
});
