import { randomUUID } from "node:crypto";
import type { Response } from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DATABASE_DEFAULTS } from "../../server/src/config.ts";
import type { Database } from "../../server/src/db/database.ts";
import { createTestApp, signedUpAgent, type TestApp } from "../setup/test-app.ts";
import { scratchPostgres, type ScratchPostgres } from "../setup/scratch-postgres.ts";

type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];

/** Every status seen, and every 503 that was not the documented `database_unavailable` with Retry-After. */
class Observed {
  readonly statuses = new Set<number>();
  readonly bad503s: unknown[] = [];
  readonly failures: unknown[] = [];

  /** `expected` marks a documented non-2xx answer that is the right outcome here (it is not counted). */
  async call(request: PromiseLike<Response>, expected?: (res: Response) => boolean): Promise<Response | undefined> {
    try {
      const res = await request;
      if (!expected?.(res)) this.statuses.add(res.status);
      if (res.status === 503 && (res.body?.error?.code !== "database_unavailable" || !res.headers["retry-after"])) {
        this.bad503s.push({ body: res.body, headers: res.headers });
      }
      return res;
    } catch (error) {
      // A reset socket or a hang would land here: neither may happen.
      this.failures.push(error);
      return undefined;
    }
  }
}

const DRAFT = "Flink: event-at-a-time processing keeps latency under 100 ms, where Spark's micro-batches are too slow.";

/** A candidate's session: a round with drafts, an answer, a finish (grading drafts in a transaction), reviews. */
async function practise(agent: Agent, seen: Observed): Promise<void> {
  // A finish cut off by a killed backend leaves the round open; the candidate then finishes it, as the UI offers.
  const inProgress = (res: Response) => res.status === 409 && res.body?.error?.code === "round_in_progress";
  const round = await seen.call(
    agent.post("/api/rounds").send({ questionCount: 3, timeLimitSeconds: 600, types: ["free-text"] }),
    inProgress,
  );
  if (round && inProgress(round))
    await seen.call(agent.post(`/api/rounds/${round.body.error.roundId}/finish`).send({}));
  if (round?.status === 201) {
    const { id, questions } = round.body as { id: string; questions: { slug: string; locked?: boolean }[] };
    // A follow-up takes no draft until its parent is submitted (409 parent_not_answered), as the app knows.
    for (const q of questions.filter((x) => !x.locked)) {
      await seen.call(agent.put(`/api/rounds/${id}/drafts/${q.slug}`).send({ answer: DRAFT }));
    }
    const answer = { question: questions[0]!.slug, answer: DRAFT, idempotencyKey: randomUUID() };
    await seen.call(agent.post(`/api/rounds/${id}/answers`).send(answer));
    await seen.call(agent.post(`/api/rounds/${id}/finish`).send({}));
  }
  const queue = await seen.call(agent.get("/api/flashcards/queue?limit=3"));
  for (const card of queue?.status === 200 ? (queue.body.cards as { id: string }[]) : []) {
    await seen.call(agent.post(`/api/flashcards/${card.id}/reviews`).send({ rating: "good", reviewId: randomUUID() }));
  }
}

/** Holds a Prisma transaction (one pooled connection) open until `release` is called. */
function holdTransaction(db: Database) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let ready!: () => void;
  const holding = new Promise<void>((resolve) => (ready = resolve));
  const done = db.prisma
    .$transaction(async (tx) => {
      await tx.user.count();
      ready();
      await released;
      await tx.user.count();
    })
    .then(
      () => "committed",
      (error: Error) => error,
    );
  return { holding, release, done };
}

describe.skipIf(!inject("postgresUrl"))("database faults [postgres]", () => {
  let scratch: ScratchPostgres;
  beforeAll(async () => {
    scratch = await scratchPostgres("watermark_faults");
  });
  afterAll(async () => {
    await scratch.drop();
    await scratch.end();
  });

  it("when the app's backends are killed under load, then it answers 2xx or 503, and its pool is whole", async () => {
    const db = await scratch.open({ ...DATABASE_DEFAULTS, poolMax: 6 });
    const t: TestApp = await createTestApp("postgres", { db });
    try {
      const agents = await Promise.all([1, 2, 3, 4].map(async () => (await signedUpAgent(t.app)).agent));
      const seen = new Observed();
      let loadDone = false;
      const load = Promise.all(
        agents.map(async (agent) => {
          for (let i = 0; i < 3; i++) await practise(agent, seen);
        }),
      ).finally(() => (loadDone = true));

      let terminated = 0;
      for (let kill = 0; kill < 12 && !loadDone; kill++) {
        terminated += await scratch.terminateApp();
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      await load;

      expect(terminated).toBeGreaterThan(0);
      expect(seen.failures).toEqual([]);
      expect(seen.bad503s).toEqual([]);
      expect([...seen.statuses].filter((s) => !(s >= 200 && s < 300) && s !== 503)).toEqual([]);

      for (let batch = 0; batch < 2; batch++) {
        const statuses = await Promise.all(
          Array.from({ length: 48 }, (_, i) => agents[i % agents.length]!.get("/api/flashcards/queue?limit=5")),
        ).then((responses) => responses.map((r) => r.status));
        expect(statuses).toEqual(Array(48).fill(200));
      }
      expect((await agents[0]!.get("/readyz")).status).toBe(200);
    } finally {
      await t.close();
    }
  }, 120_000);

  it("when both connections of a pool of two die inside transactions, then they are replaced, not lost", async () => {
    const db = await scratch.open({ ...DATABASE_DEFAULTS, poolMax: 2, connectTimeoutMs: 3_000 });
    try {
      const prismaTx = holdTransaction(db);
      let releaseRaw!: () => void;
      const rawReleased = new Promise<void>((resolve) => (releaseRaw = resolve));
      let rawHolding!: () => void;
      const rawReady = new Promise<void>((resolve) => (rawHolding = resolve));
      const rawTx = db.sql
        .transaction(async (tx) => {
          await tx.run("SELECT 1");
          rawHolding();
          await rawReleased;
          await tx.run("SELECT 2");
        })
        .then(
          () => "committed",
          (error: Error) => error,
        );
      await Promise.all([prismaTx.holding, rawReady]);

      expect(await scratch.terminateApp()).toBe(2);
      prismaTx.release();
      releaseRaw();
      expect(await prismaTx.done).toBeInstanceOf(Error);
      expect(await rawTx).toBeInstanceOf(Error);

      const counts = await Promise.all(Array.from({ length: 10 }, () => db.prisma.user.count()));
      expect(counts).toHaveLength(10);
      expect(await db.prisma.$transaction(async (tx) => tx.user.count())).toBeGreaterThanOrEqual(0);
    } finally {
      await db.close();
    }
  }, 60_000);
});
