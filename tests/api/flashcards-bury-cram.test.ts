import { randomUUID } from "node:crypto";
import supertest from "supertest";
import { beforeEach, expect, it } from "vitest";
import { bank, describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

type Card = {
  id: string;
  kind: "bank" | "missed";
  front: string;
  back: string;
  section: string;
  questionSlug?: string;
};

const SCHEDULE = {
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

describeEachDatabase("flashcards API: bury, cram and missed-concept cards", (kind) => {
  let clock = Date.now();
  const now = () => new Date(clock);
  const t = useTestApp(kind, { now });
  beforeEach(() => {
    clock = Math.max(clock, Date.now()) + 1000;
  });

  const queueIds = async (agent: supertest.Agent) =>
    ((await agent.get("/api/flashcards/queue?limit=200").expect(200)).body.cards as Card[]).map((c) => c.id);
  const cram = async (agent: supertest.Agent, query = "") =>
    (await agent.get(`/api/flashcards/cram${query}`).expect(200)).body.cards as Card[];
  const schedules = (userId: string) =>
    t.db.prisma.card.findMany({ where: { userId }, select: { id: true, ...SCHEDULE }, orderBy: { id: "asc" } });

  it("when a card is buried, then it leaves today's queue with its schedule untouched and is back when the user's next day begins", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    await agent.put("/api/me/study-settings").send({ timeZone: "Asia/Tokyo" }).expect(200);
    const [target] = await queueIds(agent);
    const before = await t.db.prisma.card.findUniqueOrThrow({ where: { id: target! }, select: SCHEDULE });

    const res = await agent.post(`/api/flashcards/${target}/bury`).send({}).expect(200);
    const tokyoMidnight = Date.parse(`${new Date(clock + 9 * 3_600_000).toISOString().slice(0, 10)}T15:00:00Z`);
    expect(Date.parse(res.body.buriedUntil)).toBe(tokyoMidnight);
    expect(res.body).toMatchObject({ id: target, suspended: false });
    expect(await queueIds(agent)).not.toContain(target);
    expect(await t.db.prisma.card.findUniqueOrThrow({ where: { id: target! }, select: SCHEDULE })).toEqual(before);
    expect(await t.db.prisma.reviewLog.count({ where: { userId: user.id } })).toBe(0);

    const today = clock;
    try {
      clock = tokyoMidnight;
      expect(await queueIds(agent)).toContain(target);
    } finally {
      clock = today;
    }
  });

  it("when someone else's card, an unknown id or a malformed id is buried, then 404 and nothing changes; signed out is 401", async () => {
    const a = await signedUpAgent(t.app);
    const b = await signedUpAgent(t.app);
    const [target] = await queueIds(a.agent);
    await b.agent.post(`/api/flashcards/${target}/bury`).send({}).expect(404);
    await b.agent.post(`/api/flashcards/${randomUUID()}/bury`).send({}).expect(404);
    const bad = await b.agent.post("/api/flashcards/not-a-card/bury").send({}).expect(404);
    expect(bad.body.error).toMatchObject({ code: "not_found" });
    await supertest(t.app).post(`/api/flashcards/${target}/bury`).send({}).expect(401);
    expect((await t.db.prisma.card.findUniqueOrThrow({ where: { id: target! } })).buriedUntil).toBeNull();
    expect(await queueIds(a.agent)).toContain(target);
  });

  it("when a bury is undone, then the card is back in today's queue with its schedule untouched, and undoing again changes nothing", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const [target] = await queueIds(agent);
    const before = await t.db.prisma.card.findUniqueOrThrow({ where: { id: target! }, select: SCHEDULE });
    await agent.post(`/api/flashcards/${target}/bury`).send({}).expect(200);
    expect(await queueIds(agent)).not.toContain(target);

    const res = await agent.delete(`/api/flashcards/${target}/bury`).expect(200);
    expect(res.body).toMatchObject({ id: target, state: "new", suspended: false });
    expect(res.body).not.toHaveProperty("buriedUntil");
    expect(await queueIds(agent)).toContain(target);
    const after = await t.db.prisma.card.findUniqueOrThrow({ where: { id: target! } });
    expect(after.buriedUntil).toBeNull();
    expect(await t.db.prisma.card.findUniqueOrThrow({ where: { id: target! }, select: SCHEDULE })).toEqual(before);

    expect((await agent.delete(`/api/flashcards/${target}/bury`).expect(200)).body).toEqual(res.body);
    expect(await t.db.prisma.reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });

  it("when someone else's, an unknown or a malformed card is unburied, or the request is cross-site or signed out, then 404, 403 or 401 and the burial stays", async () => {
    const a = await signedUpAgent(t.app);
    const b = await signedUpAgent(t.app);
    const [target] = await queueIds(a.agent);
    await a.agent.post(`/api/flashcards/${target}/bury`).send({}).expect(200);
    const theirs = await b.agent.delete(`/api/flashcards/${target}/bury`).expect(404);
    expect(theirs.body.error).toMatchObject({ code: "not_found" });
    await b.agent.delete(`/api/flashcards/${randomUUID()}/bury`).expect(404);
    await b.agent.delete("/api/flashcards/not-a-card/bury").expect(404);
    const foreign = await a.agent.delete(`/api/flashcards/${target}/bury`).set("Sec-Fetch-Site", "cross-site");
    expect([foreign.status, foreign.body.error?.code]).toEqual([403, "csrf_rejected"]);
    await supertest(t.app).delete(`/api/flashcards/${target}/bury`).expect(401);
    expect((await t.db.prisma.card.findUniqueOrThrow({ where: { id: target! } })).buriedUntil).not.toBeNull();
    expect(await queueIds(a.agent)).not.toContain(target);
  });

  it("when scheduled cards are buried or suspended, then the forecast counts a buried one on the day it comes back and a suspended one not at all", async () => {
    const { agent } = await signedUpAgent(t.app);
    await agent.put("/api/me/study-settings").send({ timeZone: "UTC" }).expect(200);
    const [dueToday, buriedToday, buriedOverdue, suspended, buriedLater] = await queueIds(agent);
    const review = (id: string, due: number) =>
      t.db.prisma.card.update({
        where: { id },
        data: { state: 2, stability: 10, difficulty: 5, reps: 3, scheduledDays: 10, due: new Date(due) },
      });
    await review(dueToday!, clock);
    await review(buriedToday!, clock);
    await review(buriedOverdue!, clock - 3 * 86_400_000);
    await review(suspended!, clock);
    await review(buriedLater!, clock + 3 * 86_400_000);
    for (const id of [buriedToday, buriedOverdue, buriedLater]) {
      await agent.post(`/api/flashcards/${id}/bury`).send({}).expect(200);
    }
    await agent.post(`/api/flashcards/${suspended}/suspend`).send({}).expect(200);

    const stats = (await agent.get("/api/flashcards/stats").expect(200)).body as {
      forecast: { date: string; due: number }[];
    };
    const day = (n: number) => new Date(clock + n * 86_400_000).toISOString().slice(0, 10);
    expect(stats.forecast.filter((f) => f.due > 0)).toEqual([
      { date: day(0), due: 1 },
      { date: day(1), due: 2 },
      { date: day(3), due: 1 },
    ]);
  });

  it("when cramming chosen sections, then every unsuspended card of them comes back, due or not, and no schedule or log changes", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    await agent.post("/api/questions/scenario-backfill/check").send({ answer: "no idea" }).expect(200);
    const [rated, suspended, buried] = await queueIds(agent);
    await agent.post(`/api/flashcards/${rated}/reviews`).send({ rating: "easy", reviewId: randomUUID() }).expect(201);
    await agent.post(`/api/flashcards/${suspended}/suspend`).send({}).expect(200);
    await agent.post(`/api/flashcards/${buried}/bury`).send({}).expect(200);
    const schedulesBefore = await schedules(user.id);
    const logsBefore = await t.db.prisma.reviewLog.count({ where: { userId: user.id } });

    const all = await cram(agent);
    const ids = all.map((c) => c.id);
    expect(ids).toContain(rated);
    expect(ids).toContain(buried);
    expect(ids).not.toContain(suspended);
    expect(ids).toHaveLength(schedulesBefore.length - 1);
    expect(all[0]).toMatchObject({ kind: "missed", section: "scenarios", questionSlug: "scenario-backfill" });

    const inChosen = (c: Card) => c.section === "flink" || c.section === "scenarios";
    const chosen = await cram(agent, "?sections=flink,scenarios");
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.map((c) => c.id)).toEqual(all.filter(inChosen).map((c) => c.id));
    expect(await cram(agent, "?sections=flink&limit=2")).toHaveLength(2);

    expect(await schedules(user.id)).toEqual(schedulesBefore);
    expect(await t.db.prisma.reviewLog.count({ where: { userId: user.id } })).toBe(logsBefore);
  });

  it("when cram input is bad or the caller is someone else, then 400, 401, or only their own cards", async () => {
    const a = await signedUpAgent(t.app);
    const b = await signedUpAgent(t.app);
    const bad = await a.agent.get("/api/flashcards/cram?sections=cobol").expect(400);
    expect(bad.body.error.details[0].path).toMatch(/^sections/);
    await a.agent.get("/api/flashcards/cram?limit=0").expect(400);
    await a.agent.get("/api/flashcards/cram?limit=501").expect(400);
    await supertest(t.app).get("/api/flashcards/cram").expect(401);
    const mine = new Set((await cram(a.agent)).map((c) => c.id));
    const theirs = await cram(b.agent);
    expect(theirs.some((c) => mine.has(c.id))).toBe(false);
    expect(await t.db.prisma.card.count({ where: { id: { in: theirs.map((c) => c.id) }, userId: b.user.id } })).toBe(
      theirs.length,
    );
  });

  it("when a concept is missed, then its card asks for the point on the front without stating it and answers on the back", async () => {
    const { agent } = await signedUpAgent(t.app);
    const res = await agent.post("/api/questions/scenario-backfill/check").send({ answer: "no idea" }).expect(200);
    const question = bank().questions.find((q) => q.slug === "scenario-backfill")!;
    if (question.type !== "free-text") throw new Error("fixture");
    const concepts = question.resolvedRubric.concepts;
    const personal = (await agent.get("/api/flashcards/cards").expect(200)).body.cards as Card[];
    expect(personal.length).toBe(res.body.missed.length);
    for (const card of personal) {
      const index = concepts.findIndex((c) => card.back.startsWith(`${c.label}.`));
      const concept = concepts[index]!;
      expect(card.front).toBe(
        `${question.prompt}\n\nYour answer missed key point ${index + 1} of ${concepts.length} of a strong answer. What is it?`,
      );
      expect(card.front).not.toContain(concept.label);
      expect(card.back).toContain(concept.explanation);
      expect(card.back).toContain(`Model answer: ${question.modelAnswer}`);
      expect(card).toMatchObject({ questionSlug: "scenario-backfill" });
      expect(card).not.toHaveProperty("hint");
    }
  });
});
