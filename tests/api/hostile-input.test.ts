import { randomUUID } from "node:crypto";
import supertest from "supertest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, describeEachDatabase, signedUpAgent, type TestApp } from "../setup/test-app.ts";

type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];
const PASSWORD = "a long enough password";
const DAY = 86_400_000;

/** NUL, and UTF-16 surrogates without their other half (high, low, and a low one before its high one). */
const UNSAFE = ["before\u0000after", "\ud800", "tail \udc00", "\udc00\ud800"];

describeEachDatabase("hostile input", (kind) => {
  let t: TestApp;
  let candidate: Awaited<ReturnType<typeof signedUpAgent>>;
  let mentor: Awaited<ReturnType<typeof signedUpAgent>>;
  let answerId: string;
  let roundId: string;
  let slug: string;
  let cardId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    candidate = await signedUpAgent(t.app, "candidate");
    mentor = await signedUpAgent(t.app, "mentor");
    const invite = (await candidate.agent.post("/api/links/invites").send({}).expect(201)).body;
    await mentor.agent.post("/api/links").send({ code: invite.code }).expect(201);
    const check = await candidate.agent
      .post("/api/questions/scenario-fraud-detection/check")
      .send({ answer: "Flink, because 100 ms needs event-at-a-time processing" })
      .expect(200);
    answerId = check.body.answerId;
    const round = await candidate.agent
      .post("/api/rounds")
      .send({ questionCount: 2, timeLimitSeconds: 3600 })
      .expect(201);
    roundId = round.body.id;
    slug = round.body.questions[0].slug;
    cardId = (await candidate.agent.get("/api/flashcards/queue?limit=1").expect(200)).body.cards[0].id;
  });
  afterAll(() => t.close());

  const signup = (fields: Record<string, string>) => {
    const valid = { email: `${randomUUID()}@example.com`, password: PASSWORD, displayName: "X", role: "candidate" };
    return supertest(t.app)
      .post("/api/auth/signup")
      .send({ ...valid, ...fields });
  };
  const login = (fields: Record<string, string>) =>
    supertest(t.app)
      .post("/api/auth/login")
      .send({ email: candidate.email, password: PASSWORD, ...fields });
  const practice = (a: Agent, body: object) => a.post("/api/questions/scenario-fraud-detection/check").send(body);
  const answer = (a: Agent, fields: Record<string, string>) =>
    a
      .post(`/api/rounds/${roundId}/answers`)
      .send({ question: slug, answer: "final", idempotencyKey: randomUUID(), ...fields });
  const override = (m: Agent, reason: string) =>
    m.post(`/api/answers/${answerId}/override`).send({ verdict: "partial", score: 0.5, reason });

  const review = (a: Agent, id: string, reviewId: string, rating = "good") =>
    a.post(`/api/flashcards/${id}/reviews`).send({ rating, reviewId });

  /** Every free-text field of every route, each given `bad` while the rest of the request is valid. */
  const bodyFields = (bad: string): [string, (a: Agent, m: Agent) => supertest.Test][] => [
    ["signup email", () => signup({ email: `x${bad}@example.com` })],
    ["signup password", () => signup({ password: `${PASSWORD}${bad}` })],
    ["signup displayName", () => signup({ displayName: `Ada${bad}` })],
    ["login email", () => login({ email: `${bad}${candidate.email}` })],
    ["login password", () => login({ password: bad })],
    ["practice answer", (a) => practice(a, { answer: `Flink ${bad}` })],
    ["practice choice ids", (a) => practice(a, { answer: ["a", bad] })],
    ["a body key", (a) => practice(a, { answer: "Flink", [`note${bad}`]: 1 })],
    ["round sections", (a) => a.post("/api/rounds").send({ questionCount: 1, timeLimitSeconds: 600, sections: [bad] })],
    ["draft", (a) => a.put(`/api/rounds/${roundId}/drafts/${slug}`).send({ answer: `draft ${bad}` })],
    ["round answer", (a) => answer(a, { answer: `final ${bad}` })],
    ["idempotency key", (a) => answer(a, { idempotencyKey: `key-${bad}` })],
    ["invite code", (_, m) => m.post("/api/links").send({ code: `ABCD-${bad}` })],
    ["comment", (a) => a.post(`/api/answers/${answerId}/comments`).send({ body: `Nice ${bad}` })],
    ["override reason", (_, m) => override(m, `Because ${bad}`)],
    ["flashcard review id", (a) => review(a, cardId, `r-${bad}`)],
    ["flashcard recall", (a) => a.post(`/api/flashcards/${cardId}/check`).send({ answer: `recall ${bad}` })],
    ["time zone", (a) => a.put("/api/me/study-settings").send({ timeZone: `Europe/Berlin${bad}` })],
    ["interview date", (a) => a.put("/api/me/study-settings").send({ interviewDate: bad })],
  ];

  /** Query strings and path parameters, where a URL can carry NUL (%00) but no lone surrogate. */
  const urlFields = (a: Agent): [string, () => supertest.Test][] => [
    ["question tag", () => a.get("/api/questions?tag=a%00b")],
    ["question slug", () => a.get("/api/questions/a%00b")],
    ["check slug", () => a.post("/api/questions/a%00b/check").send({ answer: "x" })],
    ["history cursor", () => a.get("/api/answers?cursor=%00")],
    ["history section", () => a.get("/api/answers?section=%00flink")],
    ["export filter", () => a.get("/api/answers/export.csv?verdict=correct%00")],
    ["answer id", () => a.get("/api/answers/%00")],
    ["rounds candidate", () => a.get("/api/rounds?candidate=%00")],
    ["round id", () => a.get("/api/rounds/%00")],
    ["draft slug", () => a.put(`/api/rounds/${roundId}/drafts/a%00b`).send({ answer: "x" })],
    ["card id", () => a.post("/api/flashcards/a%00b/reviews").send({ rating: "good", reviewId: randomUUID() })],
    ["card filter", () => a.get("/api/flashcards/cards?filter=personal%00")],
    ["queue sections", () => a.get("/api/flashcards/queue?sections=flink%00")],
    ["link id", () => a.delete("/api/links/%00")],
    ["progress id", () => a.get("/api/candidates/%00/progress")],
  ];

  it("when any free-text field holds NUL or an unpaired surrogate, then 400 validation_failed naming the field", async () => {
    const failures: string[] = [];
    for (const bad of UNSAFE) {
      for (const [name, send] of bodyFields(bad)) {
        const res = await send(candidate.agent, mentor.agent);
        if (res.status !== 400 || res.body.error?.code !== "validation_failed") {
          failures.push(`${name} ${JSON.stringify(bad)}: ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("when a query string or path parameter holds NUL, then 400 validation_failed", async () => {
    const failures: string[] = [];
    for (const [name, send] of urlFields(candidate.agent)) {
      const res = await send();
      if (res.status !== 400 || res.body.error?.code !== "validation_failed") failures.push(`${name}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("when a URL carries bytes that are not UTF-8 (an encoded surrogate), then the answer is never a 5xx", async () => {
    const urls = [
      "/api/questions?tag=%ED%A0%80",
      "/api/answers?cursor=%ED%A0%80",
      "/api/questions/%ED%A0%80",
      "/api/answers/%FF",
    ];
    for (const url of urls) {
      const res = await candidate.agent.get(url);
      expect(res.status, url).toBeLessThan(500);
    }
  });

  it("when hostile values have been sent everywhere, then the account still works: login, me, queue, history, settings", async () => {
    const again = supertest.agent(t.app);
    await again.post("/api/auth/login").send({ email: candidate.email, password: PASSWORD }).expect(200);
    expect((await again.get("/api/me").expect(200)).body.user.displayName).toBe("Test candidate");
    expect((await again.get("/api/flashcards/queue").expect(200)).body.cards.length).toBeGreaterThan(0);
    const history = (await again.get("/api/answers").expect(200)).body.items as { id: string; answer: string }[];
    expect(history.map((i) => i.id)).toEqual([answerId]);
    await again.get(`/api/answers/${answerId}`).expect(200);
    await again.get("/api/answers/export.csv").expect(200);
    await again.get(`/api/rounds/${roundId}`).expect(200);
    expect((await again.get("/api/me/study-settings").expect(200)).body.timeZone).toBe("UTC");
    await again.get("/api/flashcards/stats").expect(200);
    await mentor.agent.get("/api/review/queue").expect(200);
  });

  it("when an Origin header is not a URL, then a state change is 403 csrf_rejected like a foreign origin", async () => {
    for (const origin of ["garbage", "http://", "::::", "null", "file:///etc/passwd", "http://[::1"]) {
      const res = await candidate.agent.post("/api/flashcards/undo").set("Origin", origin).send({});
      expect([res.status, res.body.error?.code], origin).toEqual([403, "csrf_rejected"]);
    }
    await candidate.agent
      .post("/api/links/invites")
      .set("Host", "watermark.test")
      .set("Origin", "https://watermark.test")
      .send({})
      .expect(201);
  });

  it("when a history date filter lies outside the years 2000–2100, then 400 naming the filter; inside is fine", async () => {
    for (const [field, value] of [
      ["from", "0000-01-01"],
      ["from", "1999-12-31"],
      ["to", "2101-01-01"],
      ["to", "9999-12-31T23:59:59Z"],
      ["from", "2024-02-30"],
    ]) {
      const list = await candidate.agent.get(`/api/answers?${field}=${value}`).expect(400);
      expect(list.body.error.details.map((d: { path: string }) => d.path)).toEqual([field]);
      const csv = await candidate.agent.get(`/api/answers/export.csv?${field}=${value}`).expect(400);
      expect(csv.body.error.code).toBe("validation_failed");
    }
    const ok = await candidate.agent.get("/api/answers?from=2000-01-01&to=2100-12-31").expect(200);
    expect(ok.body.items).toHaveLength(1);
  });

  it("when a history cursor is crafted, then 400 validation_failed, never a 5xx", async () => {
    const id = randomUUID();
    const b64 = (s: string) => Buffer.from(s).toString("base64url");
    for (const cursor of [
      b64(`+010000-01-01T00:00:00.000Z|${id}`),
      b64(`9999-12-31T23:59:59.999Z|${id}`),
      b64(`0000-01-01T00:00:00.000Z|${id}`),
      b64(`2024-01-01T00:00:00.000Z|${"-".repeat(36)}`),
      b64(`2024-01-01T00:00:00.000Z|${id}|extra`),
      b64(`2024-13-45T00:00:00.000Z|${id}`),
      b64(`2024-01-01|${id}`),
      "!!!not base64!!!",
    ]) {
      const res = await candidate.agent.get(`/api/answers?cursor=${encodeURIComponent(cursor)}`);
      expect([res.status, res.body.error?.code], cursor).toEqual([400, "validation_failed"]);
    }
  });

  it("when an interview date is in the past or more than two years ahead, then 400 naming interviewDate", async () => {
    const { agent } = await signedUpAgent(t.app);
    const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    const twoYears = new Date();
    twoYears.setUTCFullYear(twoYears.getUTCFullYear() + 2);

    for (const date of ["9999-12-31", "2000-01-01", day(-2), day(800)]) {
      const res = await agent.put("/api/me/study-settings").send({ interviewDate: date }).expect(400);
      const message = expect.stringMatching(/^must be between today/);
      expect(res.body.error.details).toEqual([{ path: "interviewDate", message }]);
    }
    const kiritimati = { interviewDate: day(2), timeZone: "Pacific/Kiritimati" };
    await agent.put("/api/me/study-settings").send(kiritimati).expect(200);
    await agent
      .put("/api/me/study-settings")
      .send({ interviewDate: day(700) })
      .expect(200);
    expect((await agent.get("/api/me/study-settings").expect(200)).body.interviewDate).toBe(day(700));
  });

  it("when the saved interview date has passed, then saving the form with it unchanged still works", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    await agent.put("/api/me/study-settings").send({ newCardsPerDay: 12 }).expect(200);
    const past = new Date(Date.now() - 5 * DAY).toISOString().slice(0, 10);
    const data = { interviewDate: new Date(`${past}T00:00:00Z`) };
    await t.db.prisma.studySettings.update({ where: { userId: user.id }, data });

    const res = await agent
      .put("/api/me/study-settings")
      .send({ desiredRetention: 0.9, newCardsPerDay: 15, interviewDate: past, timeZone: "UTC" })
      .expect(200);

    expect(res.body).toMatchObject({ newCardsPerDay: 15, interviewDate: past });
  });

  it("when a user stored a far-future interview date or odd settings before the checks, then the flashcard routes still answer", async () => {
    const { agent, user } = await signedUpAgent(t.app);
    await agent.put("/api/me/study-settings").send({ newCardsPerDay: 5 }).expect(200);
    const card = (await agent.get("/api/flashcards/queue?limit=1").expect(200)).body.cards[0];
    // A learning card keeps the queue non-empty even when no new cards are allowed.
    await review(agent, card.id, randomUUID(), "again").expect(201);
    const stored = [
      { interviewDate: new Date("9999-12-31T00:00:00Z") },
      { timeZone: "Not/AZone", desiredRetention: 1, newCardsPerDay: 1_000_000 },
      { desiredRetention: -0.5, newCardsPerDay: -3 },
    ];

    for (const data of stored) {
      await t.db.prisma.studySettings.update({ where: { userId: user.id }, data });
      const queue = await agent.get("/api/flashcards/queue").expect(200);
      expect(queue.body.cards.length).toBeGreaterThan(0);
      await agent.get("/api/flashcards/stats").expect(200);
      await agent.get("/api/me/study-settings").expect(200);
    }
    expect((await agent.get("/api/me/study-settings").expect(200)).body).toMatchObject({
      desiredRetention: 0.8,
      newCardsPerDay: 0,
      timeZone: "UTC",
      interviewDate: "9999-12-31",
    });
    const reviewed = await review(agent, card.id, randomUUID()).expect(201);
    expect(new Date(reviewed.body.due).getTime()).toBeGreaterThan(Date.now());
  });
});
