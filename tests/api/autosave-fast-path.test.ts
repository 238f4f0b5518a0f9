import supertest from "supertest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fastAndFullApps, signUpTo, stableHeaders, sendRaw, type Sent } from "../setup/fast-path-apps.ts";
import { bank, describeEachDatabase, roundOf as roundWith, type TestApp } from "../setup/test-app.ts";

const GRACE = 5;
const PARENT = "scenario-realtime-dashboard";
const FOLLOW = "scenario-realtime-dashboard-200ms";
const CHOICE = "scenario-realtime-dashboard-choice";
const FREE = "arch-kappa";

/**
 * The autosave fast path against the full route: the same requests, on the same database and clock, sent once to an
 * app with the fast path and once to one without it, must get the same status, body and headers.
 */
describeEachDatabase("autosave fast path", (kind) => {
  let fast: TestApp;
  let full: TestApp;
  let clock = Date.now();
  const now = () => new Date(clock);
  let statements: string[] = [];

  beforeAll(async () => {
    ({ fast, full, statements } = await fastAndFullApps(kind, { graceSeconds: GRACE, now }));
  });
  afterAll(() => fast.close());

  const signUp = (role: "candidate" | "mentor" = "candidate") => signUpTo(fast, role);

  const roundOf = (userId: string, slugs: string[]) => roundWith(fast.db, userId, slugs, { startedAt: now() });

  const send = (app: TestApp, r: Sent) => sendRaw(app, "put", r);

  /** Sends to both apps (the full route first, so it is the full route's state the fast one must match) and compares. */
  async function same(r: Sent) {
    const expected = await send(full, r);
    statements.length = 0;
    const got = await send(fast, r);
    expect({ status: got.status, body: got.body, headers: stableHeaders(got.headers) }).toEqual({
      status: expected.status,
      body: expected.body,
      headers: stableHeaders(expected.headers),
    });
    return got;
  }

  const choiceQuestion = bank().questions.find((q) => q.slug === CHOICE)!;
  const choiceId = choiceQuestion.type === "free-text" ? "" : choiceQuestion.choices[0]!.id;
  const draft = (answer: unknown) => JSON.stringify({ answer });

  it("when the owner saves a question of an open round, then the fast path answers it in one statement, exactly as the route", async () => {
    const owner = await signUp();
    const id = await roundOf(owner.id, [FREE, CHOICE]);
    await supertest(fast.app).get(`/api/rounds/${id}`).set("Cookie", owner.cookie).expect(200);
    const saved = await same({
      path: `/api/rounds/${id}/drafts/${FREE}`,
      cookie: owner.cookie,
      body: draft("Kappa: one pipeline, replay"),
    });
    expect(saved.status).toBe(204);
    expect(statements).toEqual(["round_write_draft_for_session"]);
    await same({ path: `/api/rounds/${id}/drafts/${CHOICE}`, cookie: owner.cookie, body: draft(choiceId) });
    expect(statements).toEqual(["round_write_draft_for_session"]);
    const row = await fast.db.prisma.roundQuestion.findFirstOrThrow({
      where: { roundId: id, question: { slug: CHOICE } },
    });
    expect(row.draft).toBe(choiceId);
    const traced = await same({
      path: `/api/rounds/${id}/drafts/${FREE}`,
      cookie: owner.cookie,
      body: draft("traced"),
      headers: { "X-Request-Id": "trace-1" },
    });
    expect(traced.headers["x-request-id"]).toBe("trace-1");
    expect(statements).toEqual(["round_write_draft_for_session"]);
  });

  it("when anything about the request is off, then both give the same error (status, code, headers)", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const mentor = await signUp("mentor");
    const id = await roundOf(owner.id, [FREE, CHOICE]);
    await supertest(fast.app).get(`/api/rounds/${id}`).set("Cookie", owner.cookie).expect(200);
    const path = `/api/rounds/${id}/drafts/${FREE}`;
    const good = draft("some words");
    const tampered = owner.cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const cases: [string, Sent, number][] = [
      ["no session", { path, body: good }, 401],
      ["a cookie with a bad signature", { path, body: good, cookie: tampered }, 401],
      ["someone else's round", { path, body: good, cookie: stranger.cookie }, 404],
      ["a mentor not linked to the owner", { path, body: good, cookie: mentor.cookie }, 404],
      [
        "a slug not in the round",
        { path: `/api/rounds/${id}/drafts/arch-lambda`, body: good, cookie: owner.cookie },
        400,
      ],
      [
        "a round id that is not a UUID",
        { path: `/api/rounds/nope/drafts/${FREE}`, body: good, cookie: owner.cookie },
        400,
      ],
      [
        "a cross-site request",
        { path, body: good, cookie: owner.cookie, headers: { "Sec-Fetch-Site": "cross-site" } },
        403,
      ],
      [
        "a foreign Origin",
        { path, body: good, cookie: owner.cookie, headers: { Origin: "https://evil.example" } },
        403,
      ],
      [
        "a body that is not JSON",
        { path, body: "answer=x", cookie: owner.cookie, headers: { "Content-Type": "text/plain" } },
        415,
      ],
      ["malformed JSON", { path, body: '{"answer":', cookie: owner.cookie }, 400],
      [
        "JSON that is not an object (body-parser's strict mode)",
        { path, body: '"just text"', cookie: owner.cookie },
        400,
      ],
      ["JSON after a byte-order mark", { path, body: '\ufeff{"answer":"bom"}', cookie: owner.cookie }, 204],
      ["JSON after whitespace", { path, body: ' \n{"answer":"spaced"}', cookie: owner.cookie }, 204],
      [
        "a JSON type with a UTF-8 charset",
        { path, body: good, cookie: owner.cookie, headers: { "Content-Type": "application/json; charset=UTF-8" } },
        204,
      ],
      [
        "a JSON type with another charset",
        { path, body: good, cookie: owner.cookie, headers: { "Content-Type": "application/json; charset=latin1" } },
        415,
      ],
      ["a gzip-encoded body", { path, body: good, cookie: owner.cookie, headers: { "Content-Encoding": "gzip" } }, 400],
      [
        "a vendor JSON type",
        { path, body: good, cookie: owner.cookie, headers: { "Content-Type": "application/vnd.api+json" } },
        415,
      ],
      ["a body over 64 kB", { path, body: draft("x".repeat(70_000)), cookie: owner.cookie }, 413],
      ["a NUL in the answer", { path, body: draft("a\u0000b"), cookie: owner.cookie }, 400],
      ["no answer field", { path, body: "{}", cookie: owner.cookie }, 400],
      ["a list for a free-text question", { path, body: draft(["a"]), cookie: owner.cookie }, 400],
      [
        "an unknown choice id",
        { path: `/api/rounds/${id}/drafts/${CHOICE}`, body: draft("zz"), cookie: owner.cookie },
        400,
      ],
      ["a trailing slash", { path: `${path}/`, body: good, cookie: owner.cookie }, 204],
      ["a query string", { path: `${path}?x=1`, body: good, cookie: owner.cookie }, 204],
    ];
    for (const [name, request, status] of cases) {
      const res = await same(request);
      expect(res.status, name).toBe(status);
    }
  });

  it("when the question is answered, a follow-up is locked, or the round is closed or out of time, then both agree", async () => {
    const owner = await signUp();
    const id = await roundOf(owner.id, [PARENT, FOLLOW, FREE]);
    await supertest(fast.app).get(`/api/rounds/${id}`).set("Cookie", owner.cookie).expect(200);
    const locked = await same({
      path: `/api/rounds/${id}/drafts/${FOLLOW}`,
      cookie: owner.cookie,
      body: draft("drafted early"),
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("parent_not_answered");
    await supertest(fast.app)
      .post(`/api/rounds/${id}/answers`)
      .set("Cookie", owner.cookie)
      .send({ question: PARENT, answer: "Flink, for low latency", idempotencyKey: `fast-${id}` })
      .expect(201);
    expect(
      (await same({ path: `/api/rounds/${id}/drafts/${FOLLOW}`, cookie: owner.cookie, body: draft("now unlocked") }))
        .status,
    ).toBe(204);
    expect(
      (await same({ path: `/api/rounds/${id}/drafts/${PARENT}`, cookie: owner.cookie, body: draft("after answering") }))
        .status,
    ).toBe(204);
    const parent = await fast.db.prisma.roundQuestion.findFirstOrThrow({
      where: { roundId: id, question: { slug: PARENT } },
    });
    expect(parent.draft).toBeNull();

    clock += (600 + GRACE + 1) * 1000;
    const late = await same({
      path: `/api/rounds/${id}/drafts/${FREE}`,
      cookie: owner.cookie,
      body: draft("too late"),
    });
    expect(late.status).toBe(409);
    expect((await fast.db.prisma.round.findUniqueOrThrow({ where: { id } })).status).toBe("expired");

    const other = await roundOf(owner.id, [FREE]);
    await supertest(fast.app).get(`/api/rounds/${other}`).set("Cookie", owner.cookie).expect(200);
    await supertest(fast.app).post(`/api/rounds/${other}/finish`).set("Cookie", owner.cookie).expect(200);
    expect(
      (
        await same({
          path: `/api/rounds/${other}/drafts/${FREE}`,
          cookie: owner.cookie,
          body: draft("after finishing"),
        })
      ).status,
    ).toBe(409);
  });

  it("when the session was signed out, then its old cookie saves nothing on either path", async () => {
    const owner = await signUp();
    const id = await roundOf(owner.id, [FREE]);
    await supertest(fast.app).get(`/api/rounds/${id}`).set("Cookie", owner.cookie).expect(200);
    await supertest(fast.app).post("/api/auth/logout").set("Cookie", owner.cookie).expect(204);
    expect(
      (await same({ path: `/api/rounds/${id}/drafts/${FREE}`, cookie: owner.cookie, body: draft("signed out") }))
        .status,
    ).toBe(401);
    const row = await fast.db.prisma.roundQuestion.findFirstOrThrow({ where: { roundId: id } });
    expect(row.draft).toBeNull();
  });
});
