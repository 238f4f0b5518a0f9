import { randomUUID } from "node:crypto";
import supertest from "supertest";
import { beforeEach, expect, it } from "vitest";
import { bank, createTestApp, describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

type QueueCard = {
  id: string;
  kind: string;
  front: string;
  back: string;
  hint?: string;
  section: string;
  state: string;
  intervals: Record<"again" | "hard" | "good" | "easy", number>;
};
type Queue = { cards: QueueCard[]; counts: { learning: number; review: number; new: number } };

const MIN = 60_000;

describeEachDatabase("flashcards API", (kind) => {
  let clock = Date.now();
  const now = () => new Date(clock);
  const t = useTestApp(kind, { now });
  beforeEach(() => {
    clock = Math.max(clock, Date.now()) + 1000;
  });

  const queue = async (agent: supertest.Agent, query = "") =>
    (await agent.get(`/api/flashcards/queue${query}`).expect(200)).body as Queue;
  const review = (agent: supertest.Agent, id: string, rating: string, reviewId = randomUUID()) =>
    agent.post(`/api/flashcards/${id}/reviews`).send({ rating, reviewId, durationMs: 4200 });

  it("when signed out, then every flashcard route is 401", async () => {
    await supertest(t.app).get("/api/flashcards/queue").expect(401);
    await supertest(t.app)
      .post(`/api/flashcards/${randomUUID()}/reviews`)
      .send({ rating: "good", reviewId: "x" })
      .expect(401);
    await supertest(t.app).get("/api/me/study-settings").expect(401);
  });

  it("when the OpenAPI document is requested, then the flashcard routes are described", async () => {
    const res = await supertest(t.app).get("/api/openapi.json").expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/flashcards/queue",
        "/api/flashcards/{id}/reviews",
        "/api/flashcards/undo",
        "/api/flashcards/stats",
        "/api/me/study-settings",
      ]),
    );
    expect(JSON.stringify(res.body.paths["/api/flashcards/{id}/reviews"].post)).toContain("ReviewRequest");
  });

  it("when a new user fetches the queue, then bank cards appear as new cards up to the daily limit, with intervals per rating", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const q = await queue(agent, "?limit=5");
    expect(q.cards).toHaveLength(5);
    expect(q.counts).toEqual({ learning: 0, review: 0, new: 20 });
    const card = q.cards[0]!;
    expect(card).toMatchObject({
      kind: "bank",
      state: "new",
      section: expect.any(String),
      front: expect.any(String),
      back: expect.any(String),
    });
    expect(card.intervals.again).toBe(60);
    expect(card.intervals.again).toBeLessThan(card.intervals.good);
    expect(card.intervals.good).toBeLessThan(card.intervals.easy);
    // Created once: a second fetch adds nothing.
    const count = await t.db.prisma.card.count({ where: { userId: user.id } });
    expect(count).toBe(bank().flashcards.length);
    await queue(agent);
    expect(await t.db.prisma.card.count({ where: { userId: user.id } })).toBe(count);

    const flink = await queue(agent, "?sections=flink&limit=200");
    expect(flink.cards.length).toBeGreaterThan(0);
    expect(flink.cards.every((c) => c.section === "flink")).toBe(true);
    await agent.get("/api/flashcards/queue?sections=cobol&limit=0").expect(400);
  });

  it("when a card is rated, then 201 with its new state and one log row; replaying the reviewId returns the same and logs nothing", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const card = (await queue(agent)).cards[0]!;
    const reviewId = randomUUID();
    const first = await review(agent, card.id, "good", reviewId).expect(201);
    expect(first.body).toMatchObject({
      id: card.id,
      kind: "bank",
      state: "learning",
      reps: 1,
      lapses: 0,
      suspended: false,
      leech: false,
    });
    expect(Date.parse(first.body.due) - clock).toBe(card.intervals.good * 1000);
    clock += 5000;
    const again = await review(agent, card.id, "good", reviewId).expect(201);
    expect(again.body).toEqual(first.body);
    const logs = await t.db.prisma.reviewLog.findMany({ where: { userId: user.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ cardId: card.id, rating: 3, durationMs: 4200, elapsedDays: 0 });
    expect(logs[0]!.stateBefore).toMatchObject({ state: 0, reps: 0 });
    // Simultaneous duplicates: still one row.
    const other = (await queue(agent)).cards.find((c) => c.id !== card.id)!;
    const dup = randomUUID();
    const results = await Promise.all([
      review(agent, other.id, "easy", dup),
      review(agent, other.id, "easy", dup),
      review(agent, other.id, "easy", dup),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await t.db.prisma.reviewLog.count({ where: { userId: user.id } })).toBe(2);
    // The same reviewId for a different card is a conflict.
    await review(agent, card.id, "good", dup).expect(409);
  });

  it("when a rating is bad or the card unknown, then 400 or 404", async () => {
    const { agent } = await signedUpAgent(t.app);
    const card = (await queue(agent)).cards[0]!;
    const bad = await review(agent, card.id, "perfect").expect(400);
    expect(bad.body.error.details[0].path).toBe("rating");
    await agent.post(`/api/flashcards/${card.id}/reviews`).send({ rating: "good" }).expect(400);
    await review(agent, randomUUID(), "good").expect(404);
    await review(agent, "not-a-uuid", "good").expect(404);
  });

  it("when another user's card is rated, suspended or deleted, then 404 and it is untouched", async () => {
    const a = await signedUpAgent(t.app);
    const b = await signedUpAgent(t.app);
    const card = (await queue(a.agent)).cards[0]!;
    await review(b.agent, card.id, "good").expect(404);
    await b.agent.post(`/api/flashcards/${card.id}/suspend`).send({}).expect(404);
    await b.agent.delete(`/api/flashcards/${card.id}`).expect(404);
    expect(await t.db.prisma.reviewLog.count({ where: { cardId: card.id } })).toBe(0);
    expect((await t.db.prisma.card.findUniqueOrThrow({ where: { id: card.id } })).suspended).toBe(false);
  });

  it("when the last review is undone, then the card's state is exactly as before and the log row is marked undone; then 409", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    await agent.post("/api/flashcards/undo").send({}).expect(409);
    const [c1, c2] = (await queue(agent)).cards;
    const before1 = await t.db.prisma.card.findUniqueOrThrow({ where: { id: c1!.id } });
    await review(agent, c1!.id, "good").expect(201);
    clock += 1000;
    const mid2 = await t.db.prisma.card.findUniqueOrThrow({ where: { id: c2!.id } });
    const r2 = await review(agent, c2!.id, "easy").expect(201);
    expect(r2.body.state).toBe("review");

    const undo = await agent.post("/api/flashcards/undo").send({}).expect(200);
    expect(undo.body).toMatchObject({ rating: "easy", card: { id: c2!.id, state: "new", reps: 0 } });
    const { updatedAt: _u1, ...after2 } = await t.db.prisma.card.findUniqueOrThrow({ where: { id: c2!.id } });
    const { updatedAt: _u2, ...expected2 } = mid2;
    expect(after2).toEqual(expected2);

    await agent.post("/api/flashcards/undo").send({}).expect(200);
    const { updatedAt: _u3, ...after1 } = await t.db.prisma.card.findUniqueOrThrow({ where: { id: c1!.id } });
    const { updatedAt: _u4, ...expected1 } = before1;
    expect(after1).toEqual(expected1);
    await agent.post("/api/flashcards/undo").send({}).expect(409);

    const logs = await t.db.prisma.reviewLog.findMany({ where: { userId: user.id } });
    expect(logs).toHaveLength(2);
    expect(logs.every((l) => l.undoneAt !== null)).toBe(true);
    // Undone new cards give their place in today's limit back.
    expect((await queue(agent)).counts.new).toBe(20);
  });

  it("when cards are studied, then learning cards come back first and the new-card limit counts down in the user's day", async () => {
    const { agent } = await signedUpAgent(t.app);
    await agent.put("/api/me/study-settings").send({ newCardsPerDay: 3 }).expect(200);
    let q = await queue(agent);
    expect(q.counts.new).toBe(3);
    const first = q.cards[0]!;
    await review(agent, first.id, "again").expect(201);
    q = await queue(agent);
    expect(q.counts).toEqual({ learning: 0, review: 0, new: 2 });
    clock += 2 * MIN;
    q = await queue(agent);
    expect(q.cards[0]).toMatchObject({ id: first.id, state: "learning" });
    expect(q.counts).toEqual({ learning: 1, review: 0, new: 2 });
  });

  it("when a bank card is edited, then the user's schedule is kept; when it is retired, it leaves the queue but keeps its log", async () => {
    // Editing and retiring bank cards changes what every other test file sees: a database of its own.
    const own = await createTestApp(kind, { now, privateDatabase: true });
    try {
      const { agent, user } = await signedUpAgent(own.app);
      const card = (await queue(agent)).cards[0]!;
      await review(agent, card.id, "again").expect(201);
      const row = await own.db.prisma.card.findUniqueOrThrow({ where: { id: card.id } });
      const flashcardId = row.flashcardId!;
      await own.db.prisma.flashcard.update({ where: { id: flashcardId }, data: { front: "Edited front?" } });
      clock += 2 * MIN;
      const edited = (await queue(agent)).cards[0]!;
      expect(edited).toMatchObject({ id: card.id, front: "Edited front?", state: "learning" });

      await own.db.prisma.flashcard.update({ where: { id: flashcardId }, data: { retiredAt: new Date(clock) } });
      const q = await queue(agent, "?limit=200");
      expect(q.cards.some((c) => c.id === card.id)).toBe(false);
      expect(q.counts.learning).toBe(0);
      expect(await own.db.prisma.reviewLog.count({ where: { userId: user.id, cardId: card.id } })).toBe(1);
    } finally {
      await own.close();
    }
  });

  it("when study settings are saved, then they come back; out-of-range values are 400 naming the field", async () => {
    const { agent } = await signedUpAgent(t.app);
    const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const interviewDate = day(90);
    expect((await agent.get("/api/me/study-settings").expect(200)).body).toEqual({
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      interviewDate: null,
      timeZone: "UTC",
    });
    const saved = await agent
      .put("/api/me/study-settings")
      .send({ desiredRetention: 0.85, newCardsPerDay: 10, interviewDate, timeZone: "Europe/Berlin" })
      .expect(200);
    expect(saved.body).toEqual({
      desiredRetention: 0.85,
      newCardsPerDay: 10,
      interviewDate,
      timeZone: "Europe/Berlin",
    });
    expect((await agent.get("/api/me/study-settings").expect(200)).body).toEqual(saved.body);
    await agent.put("/api/me/study-settings").send({ interviewDate: null }).expect(200);
    expect((await agent.get("/api/me/study-settings").expect(200)).body.interviewDate).toBeNull();

    for (const [field, value] of [
      ["desiredRetention", 0.79],
      ["desiredRetention", 0.98],
      ["newCardsPerDay", -1],
      ["newCardsPerDay", 2.5],
      ["interviewDate", "2027-02-30"],
      ["interviewDate", "next week"],
      ["interviewDate", day(-2)],
      ["interviewDate", day(2 * 366 + 2)],
      ["timeZone", "Mars/Olympus"],
    ] as const) {
      const res = await agent
        .put("/api/me/study-settings")
        .send({ [field]: value })
        .expect(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([field]);
    }
    expect((await agent.get("/api/me/study-settings").expect(200)).body.desiredRetention).toBe(0.85);
  });

  it("when a free-text answer misses rubric concepts, then a personal card per concept appears first among new cards, never duplicated", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const answer = "Flink, because it is exactly-once and handles huge volumes with great throughput.";
    const res = await agent.post("/api/questions/scenario-backfill/check").send({ answer }).expect(200);
    expect(res.body.missed.length).toBeGreaterThan(0);
    const personal = await t.db.prisma.card.findMany({ where: { userId: user.id, kind: "missed" } });
    expect(personal.map((c) => c.conceptId).sort()).toEqual(
      res.body.missed.map((m: { concept: string }) => m.concept).sort(),
    );

    await agent.post("/api/questions/scenario-backfill/check").send({ answer }).expect(200);
    expect(await t.db.prisma.card.count({ where: { userId: user.id, kind: "missed" } })).toBe(personal.length);

    const q = await queue(agent, "?limit=200");
    const missedCards = q.cards.filter((c) => c.kind === "missed");
    expect(q.cards.slice(0, personal.length).map((c) => c.kind)).toEqual(personal.map(() => "missed"));
    const concept = res.body.concepts[res.body.missed[0].concept];
    const card = missedCards.find((c) => c.back.startsWith(`${concept.label}.`))!;
    expect(card.front).toMatch(/Your answer missed key point \d+ of \d+ of a strong answer/);
    expect(card.back).toContain(concept.explanation);
    expect(card.back).toContain(res.body.modelAnswer);
    expect(card.section).toBe("scenarios");

    // A choice question creates nothing.
    const choice = bank().questions.find((x) => x.type === "single-choice")!;
    if (choice.type !== "single-choice") throw new Error("fixture");
    await agent
      .post(`/api/questions/${choice.slug}/check`)
      .send({ answer: choice.choices.find((c) => !c.correct)!.id })
      .expect(200);
    expect(await t.db.prisma.card.count({ where: { userId: user.id, kind: "missed" } })).toBe(personal.length);
  });

  it("when the same missing answer is checked many times at once, then each missed concept still has exactly one card", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const answer = "Flink, because it is exactly-once and handles huge volumes with great throughput.";
    const results = await Promise.all(
      Array.from({ length: 8 }, () => agent.post("/api/questions/scenario-backfill/check").send({ answer })),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const missed = results[0]!.body.missed.map((m: { concept: string }) => m.concept).sort();
    expect(missed.length).toBeGreaterThan(0);
    const cards = await t.db.prisma.card.findMany({
      where: { userId: user.id, kind: "missed" },
      select: { conceptId: true },
    });
    expect(cards.map((c) => c.conceptId).sort()).toEqual(missed);
    expect(await t.db.prisma.answer.count({ where: { userId: user.id } })).toBe(8);
  });

  it("when typed recall of a personal card is checked, then it is graded against its concept with a suggested rating; bank cards are not graded", async () => {
    const { agent } = await signedUpAgent(t.app);
    const res = await agent
      .post("/api/questions/scenario-backfill/check")
      .send({ answer: "Flink, because it is exactly-once." })
      .expect(200);
    const conceptId = res.body.missed[0].concept as string;
    const personal = (await agent.get("/api/flashcards/cards").expect(200)).body.cards as {
      id: string;
      back: string;
    }[];
    const card = personal.find((c) => c.back.startsWith(`${res.body.concepts[conceptId].label}.`))!;
    const wrong = await agent.post(`/api/flashcards/${card.id}/check`).send({ answer: "no idea" }).expect(200);
    expect(wrong.body).toMatchObject({ gradable: true, verdict: "incorrect", suggestedRating: "again" });
    const right = await agent
      .post(`/api/flashcards/${card.id}/check`)
      .send({ answer: res.body.concepts[conceptId].explanation })
      .expect(200);
    expect(right.body).toMatchObject({ gradable: true, verdict: "correct", suggestedRating: "good" });
    expect(right.body.matched.map((m: { concept: string }) => m.concept)).toEqual([conceptId]);

    const bankCard = (await queue(agent, "?limit=200")).cards.find((c) => c.kind === "bank")!;
    expect((await agent.post(`/api/flashcards/${bankCard.id}/check`).send({ answer: "x" }).expect(200)).body).toEqual({
      gradable: false,
      suggestedRating: null,
    });
    const other = await signedUpAgent(t.app);
    await other.agent.post(`/api/flashcards/${card.id}/check`).send({ answer: "x" }).expect(404);
    await agent.post(`/api/flashcards/${card.id}/check`).send({}).expect(400);
  });

  it("when a round answer misses concepts, then personal cards are made inside the round's transaction", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const round = await agent
      .post("/api/rounds")
      .send({ questionCount: 1, timeLimitSeconds: 600, sections: ["scenarios"], types: ["free-text"] })
      .expect(201);
    const slug = round.body.questions[0].slug;
    await agent
      .post(`/api/rounds/${round.body.id}/answers`)
      .send({ question: slug, answer: "I don't know", idempotencyKey: randomUUID() })
      .expect(201);
    const cards = await t.db.prisma.card.findMany({
      where: { userId: user.id, kind: "missed" },
      include: { question: true },
    });
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((c) => c.question?.slug === slug)).toBe(true);
  });

  it("when a round closes with a saved draft that misses concepts, then the draft's grading makes personal cards too", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const round = await agent
      .post("/api/rounds")
      .send({ questionCount: 1, timeLimitSeconds: 600, sections: ["scenarios"], types: ["free-text"] })
      .expect(201);
    const slug = round.body.questions[0].slug;
    await agent
      .put(`/api/rounds/${round.body.id}/drafts/${slug}`)
      .send({ answer: "Not sure, maybe something." })
      .expect((r) => expect(r.status).toBeLessThan(300));
    expect(await t.db.prisma.card.count({ where: { userId: user.id, kind: "missed" } })).toBe(0);
    await agent.post(`/api/rounds/${round.body.id}/finish`).send({}).expect(200);
    expect(await t.db.prisma.card.count({ where: { userId: user.id, kind: "missed" } })).toBeGreaterThan(0);
  });

  it("when a personal card is suspended, unsuspended and deleted, then the queue and the card list follow; bank cards cannot be deleted", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    await agent.post("/api/questions/scenario-backfill/check").send({ answer: "no idea" }).expect(200);
    const list = (await agent.get("/api/flashcards/cards").expect(200)).body.cards as {
      id: string;
      kind: string;
      front: string;
    }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c) => c.kind === "missed" && c.front.length > 0)).toBe(true);
    const target = list[0]!;

    const s = await agent.post(`/api/flashcards/${target.id}/suspend`).send({}).expect(200);
    expect(s.body.suspended).toBe(true);
    expect((await queue(agent, "?limit=200")).cards.some((c) => c.id === target.id)).toBe(false);
    await review(agent, target.id, "good").expect(409);
    await agent.post(`/api/flashcards/${target.id}/unsuspend`).send({}).expect(200);
    expect((await queue(agent, "?limit=200")).cards.some((c) => c.id === target.id)).toBe(true);

    await review(agent, target.id, "good").expect(201);
    await agent.delete(`/api/flashcards/${target.id}`).expect(204);
    expect(await t.db.prisma.card.count({ where: { id: target.id } })).toBe(0);
    expect(await t.db.prisma.reviewLog.count({ where: { userId: user.id } })).toBe(0);

    const bankCard = (await queue(agent, "?limit=200")).cards.find((c) => c.kind === "bank")!;
    await agent.delete(`/api/flashcards/${bankCard.id}`).expect(409);
  });

  it("when a card lapses for the eighth time, then it is suspended and flagged as a leech, and can be unsuspended", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const card = (await queue(agent)).cards[0]!;
    // Seven lapses already: the card is in review with lapses = 7.
    await t.db.prisma.card.update({
      where: { id: card.id },
      data: {
        state: 2,
        stability: 5,
        difficulty: 7,
        reps: 20,
        lapses: 7,
        lastReview: new Date(clock - 6 * 86_400_000),
        due: new Date(clock - 86_400_000),
        scheduledDays: 5,
      },
    });
    const res = await review(agent, card.id, "again").expect(201);
    expect(res.body).toMatchObject({ lapses: 8, state: "relearning", suspended: true, leech: true });
    const leeches = (await agent.get("/api/flashcards/cards?filter=leeches").expect(200)).body.cards;
    expect(leeches.map((c: { id: string }) => c.id)).toEqual([card.id]);
    const un = await agent.post(`/api/flashcards/${card.id}/unsuspend`).send({}).expect(200);
    expect(un.body).toMatchObject({ suspended: false, leech: true });
    await agent.post("/api/flashcards/undo").send({}).expect(200);
    expect(await t.db.prisma.card.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({
      lapses: 7,
      suspended: false,
      leech: false,
    });
    expect(await t.db.prisma.reviewLog.count({ where: { userId: user.id, undoneAt: { not: null } } })).toBe(1);
  });

  it("when an interview date is set, then no interval goes past it", async () => {
    const { agent } = await signedUpAgent(t.app);
    const card = (await queue(agent)).cards[0]!;
    await t.db.prisma.card.update({
      where: { id: card.id },
      data: {
        state: 2,
        stability: 80,
        difficulty: 4,
        reps: 6,
        lastReview: new Date(clock - 80 * 86_400_000),
        due: new Date(clock - 1000),
        scheduledDays: 80,
      },
    });
    const before = (await queue(agent)).cards.find((c) => c.id === card.id)!;
    expect(before.intervals.easy).toBeGreaterThan(30 * 86_400);
    const inThreeDays = new Date(clock + 3 * 86_400_000).toISOString().slice(0, 10);
    await agent.put("/api/me/study-settings").send({ interviewDate: inThreeDays }).expect(200);
    const capped = (await queue(agent)).cards.find((c) => c.id === card.id)!;
    for (const r of ["hard", "good", "easy"] as const) expect(capped.intervals[r]).toBeLessThanOrEqual(4 * 86_400);
    const res = await review(agent, card.id, "easy").expect(201);
    expect(res.body.due.slice(0, 10) <= inThreeDays).toBe(true);
  });

  it("when stats are asked for, then counts, a 14-day forecast, true retention and reviews per day come back", async () => {
    const { agent } = await signedUpAgent(t.app);
    const cards = (await queue(agent)).cards;
    await review(agent, cards[0]!.id, "easy").expect(201);
    await review(agent, cards[1]!.id, "good").expect(201);
    const stats = (await agent.get("/api/flashcards/stats").expect(200)).body;
    expect(stats.counts).toMatchObject({
      review: 1,
      learning: 1,
      new: bank().flashcards.length - 2,
      suspended: 0,
      leeches: 0,
    });
    expect(stats.forecast).toHaveLength(14);
    expect(stats.forecast.reduce((n: number, d: { due: number }) => n + d.due, 0)).toBe(2);
    expect(stats.reviewsPerDay).toHaveLength(30);
    expect(stats.reviewsPerDay.at(-1)).toEqual({ date: new Date(clock).toISOString().slice(0, 10), count: 2 });
    expect(stats.trueRetention).toEqual({ reviews: 0, passed: 0, rate: null });
  });
});
