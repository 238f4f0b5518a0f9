import supertest from "supertest";
import { expect, it } from "vitest";
import { localDate } from "../../server/src/flashcards/local-day.ts";
import { bank, describeEachDatabase, roundOf, signedUpAgent, useTestApp } from "../setup/test-app.ts";

type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];

/** Two single-choice questions (not follow-ups) from different sections: one to get right, one to get wrong. */
function choiceQuestions() {
  const singles = bank().questions.filter((q) => q.type === "single-choice" && !q.followUpOf);
  const strong = singles[0]!;
  const weak = singles.find((q) => q.section !== strong.section)!;
  const choice = (q: typeof strong, correct: boolean) =>
    q.type === "single-choice" ? q.choices.find((c) => c.correct === correct)!.id : "";
  return { strong, weak, right: choice(strong, true), wrong: choice(weak, false) };
}

describeEachDatabase("home", (kind) => {
  const t = useTestApp(kind);

  const link = async (candidate: Agent, mentor: Agent) => {
    const invite = (await candidate.post("/api/links/invites").send({}).expect(201)).body;
    await mentor.post("/api/links").send({ code: invite.code }).expect(201);
  };

  it("when nobody is signed in, then 401; the route is in the OpenAPI document", async () => {
    const res = await supertest(t.app).get("/api/home").expect(401);
    expect(res.body.error.code).toBe("unauthenticated");
    const doc = (await supertest(t.app).get("/api/openapi.json").expect(200)).body;
    expect(doc.paths["/api/home"].get.responses["200"]).toBeTruthy();
  });

  it("when a new candidate opens the home, then there is no round, today's new cards, no interview, no weak section and ten empty weeks", async () => {
    const { agent } = await signedUpAgent(t.app);
    const home = (await agent.get("/api/home").expect(200)).body;
    expect(home).toMatchObject({
      role: "candidate",
      openRound: null,
      flashcards: { due: 20, learning: 0, review: 0, new: 20 },
      interview: null,
      weakestSection: null,
      unread: { comments: 0, overrides: 0, disputes: 0, items: [] },
      activity: { streak: 0, activeDays: 0, answers: 0, reviews: 0 },
    });
    const { days, from, to } = home.activity;
    expect(new Date(`${from}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(days.length).toBeGreaterThanOrEqual(64);
    expect(days.length).toBeLessThanOrEqual(70);
    expect(days.at(-1).date).toBe(to);
    expect(to).toBe(home.today);
    // The queue shows these same cards.
    const queue = (await agent.get("/api/flashcards/queue?limit=100").expect(200)).body;
    expect(queue.counts).toEqual({ learning: 0, review: 0, new: 20 });
  });

  it("when a candidate has an open round, answers, reviews and an interview date, then the home says so in their time zone", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    const { strong, weak, right, wrong } = choiceQuestions();
    const timeZone = "Pacific/Auckland";
    const today = localDate(new Date(), timeZone);
    const inTenDays = localDate(new Date(Date.now() + 10 * 86_400_000), timeZone);
    await agent
      .put("/api/me/study-settings")
      .send({ timeZone, interviewDate: inTenDays, newCardsPerDay: 2 })
      .expect(200);
    await agent.post(`/api/questions/${strong.slug}/check`).send({ answer: right }).expect(200);
    await agent.post(`/api/questions/${weak.slug}/check`).send({ answer: wrong }).expect(200);
    const queue = (await agent.get("/api/flashcards/queue?limit=1").expect(200)).body;
    await agent
      .post(`/api/flashcards/${queue.cards[0].id}/reviews`)
      .send({ rating: "good", reviewId: "r-1" })
      .expect(201);
    const roundId = await roundOf(t.db, user.id, [strong.slug, weak.slug], { timeLimitSeconds: 900 });

    const home = (await agent.get("/api/home").expect(200)).body;
    expect(home.today).toBe(today);
    expect(home.openRound).toMatchObject({ id: roundId, timeLimitSeconds: 900, questions: 2, answered: 0 });
    expect(Date.parse(home.openRound.deadline) - Date.parse(home.openRound.startedAt)).toBe(900_000);
    expect(home.weakestSection).toMatchObject({ section: weak.section, mastery: 0, level: "weak", answers: 1 });
    expect(home.interview).toMatchObject({ date: inTenDays, daysLeft: 10 });
    // A round was just started, and rounds come every third day ten days out: cards and the weak section only.
    expect(home.interview.plan).toEqual([
      { kind: "review-cards", cards: home.flashcards.due },
      { kind: "practise-section", section: weak.section, questions: 3 },
    ]);
    expect(home.activity.days.at(-1)).toEqual({ date: today, answers: 2, reviews: 1 });
    expect(home.activity).toMatchObject({ streak: 1, activeDays: 1, answers: 2, reviews: 1 });
  });

  it("when a candidate has studied every card due today, then nothing is due and the next due time is given", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    await agent.put("/api/me/study-settings").send({ newCardsPerDay: 1 }).expect(200);
    for (let i = 0; i < 10; i++) {
      const queue = (await agent.get("/api/flashcards/queue?limit=1").expect(200)).body;
      if (queue.cards.length === 0) break;
      await agent
        .post(`/api/flashcards/${queue.cards[0].id}/reviews`)
        .send({ rating: "easy", reviewId: `easy-${i}` })
        .expect(201);
    }
    const home = (await agent.get("/api/home").expect(200)).body;
    expect(home.flashcards).toMatchObject({ due: 0, learning: 0, review: 0, new: 0 });
    const card = await t.db.prisma.card.findFirstOrThrow({ where: { userId: user.id, state: { gt: 0 } } });
    // New cards return with tomorrow's allowance, before the easy card's review falls due.
    expect(Date.parse(home.flashcards.nextDueAt)).toBeLessThan(card.due.getTime());
    expect(Date.parse(home.flashcards.nextDueAt)).toBeGreaterThan(Date.now());
  });

  it("when a mentor comments and overrides, then the candidate sees both with the question's title until opening the answer; the mentor sees queue, candidates and agreement", async () => {
    const candidate = await signedUpAgent(t.app);
    const stranger = await signedUpAgent(t.app);
    const mentor = await signedUpAgent(t.app, "mentor");
    await link(candidate.agent, mentor.agent);
    const { strong, weak, right, wrong } = choiceQuestions();
    const first = (
      await candidate.agent.post(`/api/questions/${strong.slug}/check`).send({ answer: right }).expect(200)
    ).body.answerId;
    const second = (await candidate.agent.post(`/api/questions/${weak.slug}/check`).send({ answer: wrong }).expect(200))
      .body.answerId;
    await stranger.agent.post(`/api/questions/${weak.slug}/check`).send({ answer: wrong }).expect(200);

    const before = (await mentor.agent.get("/api/home").expect(200)).body;
    expect(before).toEqual({
      role: "mentor",
      candidates: {
        total: 1,
        items: [
          expect.objectContaining({
            id: candidate.user.id,
            displayName: "Test candidate",
            unreviewed: 2,
            answersLastWeek: 2,
          }),
        ],
      },
      queue: { total: 2 },
      agreement: { rulings: 0, agreement: expect.any(Number), kappa: expect.any(Number), mostDisagreed: null },
    });
    expect((await mentor.agent.get("/api/review/queue?limit=1").expect(200)).body.total).toBe(2);

    await mentor.agent.post(`/api/answers/${first}/comments`).send({ body: "Say why" }).expect(201);
    await mentor.agent
      .post(`/api/answers/${second}/override`)
      .send({ verdict: "partial", score: 0.5, reason: "Half right" })
      .expect(201);

    const home = (await candidate.agent.get("/api/home").expect(200)).body;
    expect(home.unread).toEqual({
      comments: 1,
      overrides: 1,
      disputes: 0,
      items: [
        expect.objectContaining({
          kind: "override",
          answerId: second,
          title: weak.title,
          by: "Test mentor",
          text: "Half right",
          verdict: "partial",
        }),
        expect.objectContaining({
          kind: "comment",
          answerId: first,
          title: strong.title,
          by: "Test mentor",
          text: "Say why",
          verdict: null,
        }),
      ],
    });
    await candidate.agent.get(`/api/answers/${second}`).expect(200);
    const after = (await candidate.agent.get("/api/home").expect(200)).body;
    expect(after.unread).toMatchObject({
      comments: 1,
      overrides: 0,
      items: [expect.objectContaining({ kind: "comment" })],
    });

    const mentorHome = (await mentor.agent.get("/api/home").expect(200)).body;
    expect(mentorHome.queue.total).toBe(1);
    expect(mentorHome.agreement).toEqual({
      rulings: 1,
      agreement: 0,
      kappa: expect.any(Number),
      mostDisagreed: { title: weak.title, rulings: 1, disagreements: 1 },
    });
  });
});
