import supertest from "supertest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fastAndFullApps, sendRaw, signUpTo, stableHeaders, type Sent } from "../setup/fast-path-apps.ts";
import { describeEachDatabase, roundOf as roundWith, type TestApp } from "../setup/test-app.ts";

const GRACE = 5;
const PARENT = "scenario-realtime-dashboard";
const FOLLOW = "scenario-realtime-dashboard-200ms";
const CHOICE = "scenario-realtime-dashboard-choice";
const FREE = "arch-kappa";

/** A read carries no body. */
type Read = Omit<Sent, "body">;

/**
 * The round-read fast path against the full route: the same read, on the same database and clock, sent to an app
 * with the fast path and to one without it, must get the same status, body and headers (ETag included).
 */
describeEachDatabase("round read fast path", (kind) => {
  let fast: TestApp;
  let full: TestApp;
  let clock = Date.now();
  const now = () => new Date(clock);
  let statements: string[] = [];

  beforeAll(async () => {
    ({ fast, full, statements } = await fastAndFullApps(kind, { graceSeconds: GRACE, now }));
  });
  afterAll(() => fast.close());

  const roundOf = (userId: string, slugs: string[]) => roundWith(fast.db, userId, slugs, { startedAt: now() });

  const get = (app: TestApp, r: Read) => sendRaw(app, "get", r);

  /** Reads through both apps (`fastFirst` when the first read changes the round, e.g. closes it) and compares. */
  async function same(r: Read, opts: { fastFirst?: boolean } = {}) {
    const expected = opts.fastFirst ? undefined : await get(full, r);
    statements.length = 0;
    const got = await get(fast, r);
    const seen = [...statements];
    const other = expected ?? (await get(full, r));
    expect({ status: got.status, body: got.body, headers: stableHeaders(got.headers) }).toEqual({
      status: other.status,
      body: other.body,
      headers: stableHeaders(other.headers),
    });
    return { status: got.status, body: got.body as Record<string, unknown>, etag: got.headers.etag, seen };
  }

  it("when the owner reads their round, open or closed, then the fast path answers in one statement, exactly as the route", async () => {
    const owner = await signUpTo(fast);
    const id = await roundOf(owner.id, [PARENT, FOLLOW, CHOICE, FREE]);
    const path = `/api/rounds/${id}`;
    await supertest(fast.app)
      .put(`${path}/drafts/${FREE}`)
      .set("Cookie", owner.cookie)
      .send({ answer: "Kappa: one pipeline" })
      .expect(204);
    await supertest(fast.app)
      .post(`${path}/answers`)
      .set("Cookie", owner.cookie)
      .send({ question: PARENT, answer: "Flink, for low latency", idempotencyKey: `read-${id}` })
      .expect(201);

    const open = await same({ path, cookie: owner.cookie });
    expect(open.status).toBe(200);
    expect(open.seen).toEqual(["round_find_for_session"]);
    expect(open.body.status).toBe("open");
    const traced = await same({
      path,
      cookie: owner.cookie,
      headers: { "X-Request-Id": "trace-r", "Accept-Encoding": "gzip" },
    });
    expect(traced.seen).toEqual(["round_find_for_session"]);

    await supertest(fast.app).post(`${path}/finish`).set("Cookie", owner.cookie).expect(200);
    const closed = await same({ path, cookie: owner.cookie });
    expect(closed.seen).toEqual(["round_find_for_session"]);
    expect(closed.body.results).toBeDefined();
  });

  it("when the round is overdue, then the full route closes it first, as it always did", async () => {
    const owner = await signUpTo(fast);
    const id = await roundOf(owner.id, [FREE]);
    clock += (600 + GRACE + 1) * 1000;
    const late = await same({ path: `/api/rounds/${id}`, cookie: owner.cookie }, { fastFirst: true });
    expect(late.status).toBe(200);
    expect(late.body.status).toBe("expired");
  });

  it("when the reader is not the owner, the request is conditional or off, then both answer alike", async () => {
    const owner = await signUpTo(fast);
    const stranger = await signUpTo(fast);
    const mentor = await signUpTo(fast, "mentor");
    const id = await roundOf(owner.id, [FREE]);
    const path = `/api/rounds/${id}`;
    const invite = await supertest(fast.app)
      .post("/api/links/invites")
      .set("Cookie", owner.cookie)
      .send({})
      .expect(201);
    await supertest(fast.app)
      .post("/api/links")
      .set("Cookie", mentor.cookie)
      .send({ code: invite.body.code })
      .expect(201);

    expect((await same({ path, cookie: mentor.cookie })).status).toBe(200);
    expect((await same({ path, cookie: stranger.cookie })).status).toBe(404);
    expect((await same({ path })).status).toBe(401);
    expect((await same({ path: "/api/rounds/not-a-round", cookie: owner.cookie })).status).toBe(400);
    expect((await same({ path: `/api/rounds/${crypto.randomUUID()}`, cookie: owner.cookie })).status).toBe(404);
    const forged = owner.cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await same({ path, cookie: forged })).status).toBe(401);

    const { etag } = await same({ path, cookie: owner.cookie });
    expect((await same({ path, cookie: owner.cookie, headers: { "If-None-Match": etag! } })).status).toBe(304);

    await supertest(fast.app).post("/api/auth/logout").set("Cookie", owner.cookie).expect(204);
    expect((await same({ path, cookie: owner.cookie })).status).toBe(401);
  });
});
