import supertest from "supertest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fastAndFullApps, signUpTo, stableHeaders, sendRaw, type Sent } from "../setup/fast-path-apps.ts";
import { bank, describeEachDatabase, roundOf, type TestApp } from "../setup/test-app.ts";

const GRACE = 5;
const PARENT = "scenario-realtime-dashboard";
const FOLLOW = "scenario-realtime-dashboard-200ms";
const CHOICE = "scenario-realtime-dashboard-choice";
const FREE = "arch-kappa";

interface User {
  id: string;
  cookie: string;
}

/**
 * The answer-submit fast path against the full route. An answer changes the round, so each side gets its own twin:
 * a user with a round of the same questions on the same clock. The same request is sent to the full route for one
 * twin and to the fast path for the other; statuses, bodies, headers and what was stored must match.
 */
describeEachDatabase("answer submit fast path", (kind) => {
  let fast: TestApp;
  let full: TestApp;
  let clock = Date.now();
  const now = () => new Date(clock);
  let statements: string[] = [];

  beforeAll(async () => {
    ({ fast, full, statements } = await fastAndFullApps(kind, { graceSeconds: GRACE, now }));
  });
  afterAll(() => fast.close());

  const signUp = (role: "candidate" | "mentor" = "candidate"): Promise<User> => signUpTo(fast, role);

  /** A fresh open round for the user (their earlier one finished), read once through the fast app as a browser would. */
  async function freshRound(user: User, slugs: string[]) {
    await fast.db.prisma.round.updateMany({
      where: { userId: user.id, status: "open" },
      data: { status: "finished", closedAt: now() },
    });
    const id = await roundOf(fast.db, user.id, slugs, { startedAt: now() });
    await supertest(fast.app).get(`/api/rounds/${id}`).set("Cookie", user.cookie).expect(200);
    return id;
  }

  const send = (app: TestApp, r: Sent) => sendRaw(app, "post", r);

  /** What a round's answers left behind, comparable across twins. */
  async function stored(roundId: string, userId: string) {
    const answers = await fast.db.prisma.answer.findMany({
      where: { roundQuestion: { roundId } },
      select: {
        response: true,
        grade: true,
        verdict: true,
        score: true,
        timeSpentSeconds: true,
        submittedAt: true,
        question: { select: { slug: true } },
      },
      orderBy: { question: { slug: "asc" } },
    });
    const cards = await fast.db.prisma.card.findMany({
      where: { userId },
      select: { kind: true, conceptId: true },
      orderBy: { conceptId: "asc" },
    });
    return { answers, cards };
  }

  type Step = (u: User, roundId: string) => Sent;

  /**
   * Sends each step for each twin (the full route first) and compares the responses, then the rows. A number among
   * the steps moves the clock on by that many seconds for both; `{ setup }` is sent for both to the full route
   * (signing out, finishing), to set the scene for the next step rather than to be compared.
   */
  async function twins(slugs: string[], steps: (Step | number | { setup: Step })[]) {
    const [a, b] = [await signUp(), await signUp()];
    const [ra, rb] = [await freshRound(a, slugs), await freshRound(b, slugs)];
    const results = [];
    for (const step of steps) {
      if (typeof step === "number") {
        clock += step * 1000;
        continue;
      }
      if ("setup" in step) {
        for (const [u, r] of [
          [a, ra],
          [b, rb],
        ] as const)
          expect((await send(full, step.setup(u, r))).status).toBeLessThan(300);
        continue;
      }
      const expected = await send(full, step(b, rb));
      statements.length = 0;
      const request = step(a, ra);
      const got = await send(fast, request);
      expect({ path: request.path, status: got.status, body: got.body, headers: stableHeaders(got.headers) }).toEqual({
        path: request.path,
        status: expected.status,
        body: expected.body,
        headers: stableHeaders(expected.headers),
      });
      results.push({ status: got.status, body: got.body, statements: [...statements] });
    }
    expect(await stored(ra, a.id)).toEqual(await stored(rb, b.id));
    return results;
  }

  const choiceQuestion = bank().questions.find((q) => q.slug === CHOICE)!;
  const choiceIds = choiceQuestion.type === "free-text" ? [] : choiceQuestion.choices.map((c) => c.id);
  const answer = (question: string, value: unknown, key: string) =>
    JSON.stringify({ question, answer: value, idempotencyKey: key });
  const answersPath = (roundId: string) => `/api/rounds/${roundId}/answers`;

  it("when the owner answers an open round's questions, then the fast path stores each in one statement, exactly as the route", async () => {
    const results = await twins(
      [FREE, CHOICE],
      [
        (u, r) => ({
          path: answersPath(r),
          cookie: u.cookie,
          body: answer(FREE, "Kappa keeps one streaming pipeline and replays the log to reprocess", "k1"),
        }),
        42,
        (u, r) => ({
          path: answersPath(r),
          cookie: u.cookie,
          body: answer(CHOICE, choiceIds[1], "k2"),
          headers: { "X-Request-Id": "trace-7" },
        }),
      ],
    );
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results.map((r) => r.statements)).toEqual([["round_answer_in_open_round"], ["round_answer_in_open_round"]]);
    expect(results[0]!.body).toEqual({ question: FREE, answeredAt: expect.any(String) });
  });

  it("when anything about the request is off, then both give the same error (status, code, headers) and store nothing", async () => {
    const stranger = await signUp();
    const mentor = await signUp("mentor");
    const good = answer(FREE, "some words", "e1");
    const tamper = (cookie: string) => cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const cases: [string, number, Step][] = [
      ["no session", 401, (_u, r) => ({ path: answersPath(r), body: good })],
      [
        "a cookie with a bad signature",
        401,
        (u, r) => ({ path: answersPath(r), body: good, cookie: tamper(u.cookie) }),
      ],
      ["someone else's round", 404, (_u, r) => ({ path: answersPath(r), body: good, cookie: stranger.cookie })],
      [
        "a mentor not linked to the owner",
        404,
        (_u, r) => ({ path: answersPath(r), body: good, cookie: mentor.cookie }),
      ],
      [
        "a question not in the round",
        400,
        (u, r) => ({ path: answersPath(r), body: answer("arch-lambda", "x", "e2"), cookie: u.cookie }),
      ],
      [
        "a question that is not a slug",
        400,
        (u, r) => ({ path: answersPath(r), body: answer("Arch Kappa", "x", "e3"), cookie: u.cookie }),
      ],
      ["a round id that is not a UUID", 400, (u) => ({ path: answersPath("nope"), body: good, cookie: u.cookie })],
      [
        "a cross-site request",
        403,
        (u, r) => ({ path: answersPath(r), body: good, cookie: u.cookie, headers: { "Sec-Fetch-Site": "cross-site" } }),
      ],
      [
        "a foreign Origin",
        403,
        (u, r) => ({ path: answersPath(r), body: good, cookie: u.cookie, headers: { Origin: "https://evil.example" } }),
      ],
      [
        "a body that is not JSON",
        415,
        (u, r) => ({
          path: answersPath(r),
          body: "answer=x",
          cookie: u.cookie,
          headers: { "Content-Type": "text/plain" },
        }),
      ],
      ["malformed JSON", 400, (u, r) => ({ path: answersPath(r), body: '{"question":', cookie: u.cookie })],
      ["JSON that is not an object", 400, (u, r) => ({ path: answersPath(r), body: '"just text"', cookie: u.cookie })],
      [
        "a JSON type with another charset",
        415,
        (u, r) => ({
          path: answersPath(r),
          body: good,
          cookie: u.cookie,
          headers: { "Content-Type": "application/json; charset=latin1" },
        }),
      ],
      [
        "a gzip-encoded body",
        400,
        (u, r) => ({ path: answersPath(r), body: good, cookie: u.cookie, headers: { "Content-Encoding": "gzip" } }),
      ],
      [
        "a body over 64 kB",
        413,
        (u, r) => ({ path: answersPath(r), body: answer(FREE, "x".repeat(70_000), "e4"), cookie: u.cookie }),
      ],
      [
        "a NUL in the answer",
        400,
        (u, r) => ({ path: answersPath(r), body: answer(FREE, "a\u0000b", "e5"), cookie: u.cookie }),
      ],
      [
        "no idempotency key",
        400,
        (u, r) => ({ path: answersPath(r), body: JSON.stringify({ question: FREE, answer: "x" }), cookie: u.cookie }),
      ],
      [
        "a blank idempotency key",
        400,
        (u, r) => ({ path: answersPath(r), body: answer(FREE, "x", "   "), cookie: u.cookie }),
      ],
      [
        "a list for a free-text question",
        400,
        (u, r) => ({ path: answersPath(r), body: answer(FREE, ["a"], "e6"), cookie: u.cookie }),
      ],
      [
        "an unknown choice id",
        400,
        (u, r) => ({ path: answersPath(r), body: answer(CHOICE, "zz", "e7"), cookie: u.cookie }),
      ],
      [
        "a number as the answer",
        400,
        (u, r) => ({ path: answersPath(r), body: answer(FREE, 42, "e8"), cookie: u.cookie }),
      ],
    ];
    const results = await twins(
      [FREE, CHOICE],
      cases.map(([, , step]) => step),
    );
    expect(results.map((r, i) => [cases[i]![0], r.status])).toEqual(cases.map(([name, status]) => [name, status]));
    for (const [i, [name]] of cases.entries()) expect(results[i]!.body.error?.code, name).toEqual(expect.any(String));
  });

  it("when the body is plain JSON in another form, or the path has a trailing slash or query, then both store it alike", async () => {
    const slugs = bank()
      .questions.filter((q) => q.type === "free-text" && !q.followUpOf)
      .slice(0, 5)
      .map((q) => q.slug);
    const [s1, s2, s3, s4, s5] = slugs as [string, string, string, string, string];
    const results = await twins(slugs, [
      (u, r) => ({
        path: answersPath(r),
        body: "\ufeff" + answer(s1, "after a byte-order mark", "f1"),
        cookie: u.cookie,
      }),
      (u, r) => ({ path: answersPath(r), body: " \n" + answer(s2, "after whitespace", "f2"), cookie: u.cookie }),
      (u, r) => ({
        path: answersPath(r),
        body: answer(s3, "a UTF-8 charset", "f3"),
        cookie: u.cookie,
        headers: { "Content-Type": "application/json; charset=UTF-8" },
      }),
      (u, r) => ({ path: `${answersPath(r)}/`, body: answer(s4, "a trailing slash", "f4"), cookie: u.cookie }),
      (u, r) => ({ path: `${answersPath(r)}?x=1`, body: answer(s5, "a query string", "f5"), cookie: u.cookie }),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
  });

  it("when an answer is resent, changed, locked, answered twice or late, then both agree and the fast path hands it on", async () => {
    const results = await twins(
      [PARENT, FOLLOW, FREE, CHOICE],
      [
        (u, r) => ({ path: answersPath(r), body: answer(FOLLOW, "Kafka Streams", "s1"), cookie: u.cookie }),
        (u, r) => ({
          path: answersPath(r),
          body: answer(PARENT, "Flink, for low latency and event time", "s2"),
          cookie: u.cookie,
        }),
        5,
        (u, r) => ({
          path: answersPath(r),
          body: answer(PARENT, "Flink, for low latency and event time", "s2"),
          cookie: u.cookie,
        }),
        (u, r) => ({ path: answersPath(r), body: answer(PARENT, "Spark batch instead", "s2"), cookie: u.cookie }),
        (u, r) => ({ path: answersPath(r), body: answer(PARENT, "Spark batch instead", "s3"), cookie: u.cookie }),
        (u, r) => ({
          path: answersPath(r),
          body: answer(FREE, "Flink, for low latency and event time", "s2"),
          cookie: u.cookie,
        }),
        (u, r) => ({
          path: answersPath(r),
          body: answer(FOLLOW, "Kafka Streams, since the new path reads from Kafka already", "s4"),
          cookie: u.cookie,
        }),
        600 + GRACE + 1,
        (u, r) => ({ path: answersPath(r), body: answer(FREE, "too late", "s5"), cookie: u.cookie }),
        (u, r) => ({ path: answersPath(r), body: answer(CHOICE, choiceIds[0], "s6"), cookie: u.cookie }),
      ],
    );
    expect(results.map((r) => [r.status, r.body.error?.code])).toEqual([
      [409, "parent_not_answered"],
      [201, undefined],
      [201, undefined],
      [422, "idempotency_key_reused"],
      [409, "already_answered"],
      [422, "idempotency_key_reused"],
      [201, undefined],
      [409, "round_closed"],
      [409, "round_closed"],
    ]);
    expect(results[1]!.statements).toEqual(["round_answer_in_open_round"]);
    expect(results[2]!.statements[0]).toBe("round_answer_in_open_round");
    expect(results[6]!.statements).toEqual(["round_answer_in_open_round"]);
  });

  it("when the session was signed out or the round finished, then the old cookie or round stores nothing on either path", async () => {
    const signedOut = await twins(
      [FREE],
      [
        { setup: (u) => ({ path: "/api/auth/logout", cookie: u.cookie }) },
        (u, r) => ({ path: answersPath(r), body: answer(FREE, "signed out", "o1"), cookie: u.cookie }),
      ],
    );
    expect(signedOut.map((r) => r.status)).toEqual([401]);
    const finished = await twins(
      [FREE, CHOICE],
      [
        { setup: (u, r) => ({ path: `/api/rounds/${r}/finish`, cookie: u.cookie }) },
        (u, r) => ({ path: answersPath(r), body: answer(FREE, "after finishing", "o2"), cookie: u.cookie }),
      ],
    );
    expect(finished.map((r) => r.status)).toEqual([409]);
  });

  it("when this process does not know the round yet (after a restart), then the full route answers it until the round is read", async () => {
    const owner = await signUp();
    await fast.db.prisma.round.updateMany({
      where: { userId: owner.id, status: "open" },
      data: { status: "finished" },
    });
    const id = await roundOf(fast.db, owner.id, [FREE, CHOICE], { startedAt: now() });
    statements.length = 0;
    await send(fast, { path: answersPath(id), body: answer(FREE, "cold", "c1"), cookie: owner.cookie }).expect(201);
    expect(statements[0]).toBe("session_find");
    await supertest(fast.app).get(`/api/rounds/${id}`).set("Cookie", owner.cookie).expect(200);
    statements.length = 0;
    await send(fast, { path: answersPath(id), body: answer(CHOICE, choiceIds[0], "c2"), cookie: owner.cookie }).expect(
      201,
    );
    expect(statements).toEqual(["round_answer_in_open_round"]);
  });
});
