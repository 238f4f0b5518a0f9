/**
 * Flashcard queue and review latency on PostgreSQL at scale: 200 users × 2,000 cards each and about a year of
 * review log (4 reviews per studied card), through the real HTTP app (in-process, supertest, signed-in agents).
 * Prints p50/p99 for GET /api/flashcards/queue and POST /api/flashcards/:id/reviews, and the query plans of the
 * queue's statements (each must use an index on Card; the run fails otherwise).
 *
 * Usage: npm run bench:flashcards [-- --users 200 --cards 2000 --requests 400 --keep]
 * Needs a PostgreSQL admin URL (default postgresql://postgres@127.0.0.1:5432/postgres, or BENCH_POSTGRES_ADMIN_URL);
 * a scratch database is created and dropped.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import supertest from "supertest";
import { createBenchApp } from "./bench-app.ts";
import { hashPassword } from "../../server/src/auth/password.ts";
import { loadContent } from "../../server/src/content/load.ts";
import { MIGRATIONS_DIR, openDatabase } from "../../server/src/db/database.ts";
import { migrate, readMigrations } from "../../server/src/db/migrate.ts";
import { pgRunner } from "../../server/src/db/sql-runner.ts";
import { dueQuery, newQuery } from "../../server/src/flashcards/repo.ts";
import { userDay } from "../../server/src/flashcards/local-day.ts";
import { LEARN_AHEAD_MS } from "../../server/src/flashcards/schedule.ts";
import { percentile } from "./stats.ts";
import { SECTIONS } from "../../server/src/content/bank-lists.ts";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "200" },
    cards: { type: "string", default: "2000" },
    requests: { type: "string", default: "400" },
    agents: { type: "string", default: "20" },
    keep: { type: "boolean", default: false },
  },
});
const USERS = Number(args.users);
const CARDS = Number(args.cards);
const REQUESTS = Number(args.requests);
const AGENTS = Math.min(Number(args.agents), USERS);
const PASSWORD = "bench password long enough";
const ADMIN_URL =
  process.env.BENCH_POSTGRES_ADMIN_URL ??
  process.env.TEST_POSTGRES_ADMIN_URL ??
  "postgresql://postgres@127.0.0.1:5432/postgres";

const ms = (n: number) => `${n.toFixed(1)} ms`;
const elapsed = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function timed(label: string, fn: () => Promise<unknown>) {
  const t0 = process.hrtime.bigint();
  await fn();
  console.log(`  ${label}: ${(elapsed(t0) / 1000).toFixed(1)} s`);
}

async function seed(pool: pg.Pool) {
  const hash = await hashPassword(PASSWORD);
  console.log(`Seeding ${USERS} users × ${CARDS} cards with a year of review log…`);
  await timed("flashcards", () =>
    pool.query(
      `INSERT INTO "Flashcard" (id, slug, section, front, back, tags, "contentHash", "updatedAt")
       SELECT gen_random_uuid(), 'bench-' || lpad(i::text, 5, '0'), ($2::text[])[1 + i % array_length($2::text[], 1)],
              'Bench question ' || i || ': what does this concept mean for a streaming pipeline?',
              'Bench answer ' || i || ': a paragraph-length explanation of the concept, as a real card would have.',
              ARRAY['bench'], md5(i::text), now()
       FROM generate_series(1, $1::int) AS i`,
      [CARDS, SECTIONS],
    ),
  );
  await timed("users", () =>
    pool.query(
      `INSERT INTO "User" (id, email, "passwordHash", "displayName", role, "updatedAt")
       SELECT gen_random_uuid(), 'bench-' || u || '@example.com', $2, 'Bench ' || u, 'candidate', now()
       FROM generate_series(1, $1::int) AS u`,
      [USERS, hash],
    ),
  );
  // Per user: 10% new, 4% learning/relearning (some due now), the rest in review, due from 5 days ago to 90 ahead.
  await timed("cards", () =>
    pool.query(
      `INSERT INTO "Card" (id, "userId", kind, "flashcardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                           reps, lapses, state, "lastReview", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), u.id, 'bank', f.id,
              CASE WHEN s.state = 0 THEN now() - interval '400 days'
                   WHEN s.state IN (1, 3) THEN now() + (s.r * 40 - 20) * interval '1 minute'
                   ELSE now() + (s.r * 95 - 5) * interval '1 day' END,
              CASE WHEN s.state = 0 THEN 0 ELSE 1 + s.r * 120 END,
              CASE WHEN s.state = 0 THEN 0 ELSE 2 + s.r * 7 END,
              0, CASE WHEN s.state = 2 THEN (1 + s.r * 90)::int ELSE 0 END,
              CASE WHEN s.state = 0 THEN 0 ELSE 5 END, CASE WHEN s.state = 0 THEN 0 ELSE (s.r * 3)::int END, s.state,
              CASE WHEN s.state = 0 THEN NULL ELSE now() - (s.r * 30) * interval '1 day' END,
              now() - interval '400 days', now()
       FROM "User" u CROSS JOIN "Flashcard" f
       -- Referencing the outer row makes random() run per card rather than once.
       CROSS JOIN LATERAL (SELECT random() AS r, random() AS k WHERE f.id IS NOT NULL AND u.id IS NOT NULL) AS rnd
       CROSS JOIN LATERAL (SELECT rnd.r, CASE WHEN rnd.k < 0.10 THEN 0 WHEN rnd.k < 0.12 THEN 1 WHEN rnd.k < 0.14 THEN 3 ELSE 2 END AS state) AS s`,
    ),
  );
  // About a year of history: 4 reviews for every studied card, spread over the last 365 days.
  await timed("review log", () =>
    pool.query(
      `INSERT INTO "ReviewLog" (id, "cardId", "userId", "reviewId", rating, "reviewedAt", "elapsedDays", "durationMs", "stateBefore", response)
       SELECT gen_random_uuid(), c.id, c."userId", gen_random_uuid()::text, 1 + (random() * 3.4)::int,
              now() - ((g - 1) * 91 + random() * 88 + 1) * interval '1 day', (random() * 60)::int, (2000 + random() * 20000)::int,
              jsonb_build_object('state', 2, 'scheduledDays', (random() * 60)::int, 'reps', g, 'lapses', 0),
              jsonb_build_object('id', c.id, 'state', 'review')
       FROM "Card" c CROSS JOIN generate_series(1, 4) AS g
       WHERE c.state <> 0`,
    ),
  );
  await timed("analyze", () => pool.query("ANALYZE"));
  const [{ cards, logs }] = (
    await pool.query(
      `SELECT (SELECT count(*) FROM "Card")::int AS cards, (SELECT count(*) FROM "ReviewLog")::int AS logs`,
    )
  ).rows as [{ cards: number; logs: number }];
  console.log(`  ${cards.toLocaleString("en")} cards, ${logs.toLocaleString("en")} review log rows`);
}

async function explain(pool: pg.Pool, userId: string): Promise<boolean> {
  const now = new Date();
  const day = userDay(now, "UTC");
  const statements = [
    {
      name: "due cards (learning due now, reviews due today)",
      query: dueQuery(
        userId,
        { now, learnUntil: new Date(now.getTime() + LEARN_AHEAD_MS), reviewBefore: day.end },
        null,
      ),
    },
    { name: "next new cards", query: newQuery(userId, now, null, 20) },
  ];
  let ok = true;
  for (const s of statements) {
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.query.text}`, s.query.values);
    const plan = rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]).join("\n");
    const usesIndex =
      /Index (Only )?Scan using "?Card_userId_suspended_state_due_idx"?|Bitmap Index Scan on "?Card_userId_suspended_state_due_idx"?/.test(
        plan,
      );
    const seqOnCard = /Seq Scan on "Card"/.test(plan);
    console.log(`\nQuery plan — ${s.name}:\n${plan}`);
    console.log(
      usesIndex && !seqOnCard ? "→ uses Card_userId_suspended_state_due_idx" : "→ DOES NOT use the Card index",
    );
    ok &&= usesIndex && !seqOnCard;
  }
  return ok;
}

async function main() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = `watermark_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  // Dropping the database at the end terminates whatever is still connected; that is not an error here.
  pool.on("error", () => undefined);
  let ok = false;
  try {
    await migrate(pgRunner(pool), readMigrations(MIGRATIONS_DIR));
    await seed(pool);

    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "" });
    const bank = loadContent("content");
    const app = createBenchApp({ db, migrations: readMigrations(MIGRATIONS_DIR), bank });
    const agents: { agent: supertest.Agent; id: string }[] = [];
    const users = (await pool.query(`SELECT id, email FROM "User" ORDER BY email LIMIT $1`, [AGENTS])).rows as {
      id: string;
      email: string;
    }[];
    for (const u of users) {
      const agent = supertest.agent(app);
      await agent.post("/api/auth/login").send({ email: u.email, password: PASSWORD }).expect(200);
      agents.push({ agent, id: u.id });
    }

    // Warm-up (connection pool, JIT, caches).
    for (const { agent } of agents) await agent.get("/api/flashcards/queue?limit=20").expect(200);

    const queueTimes: number[] = [];
    const reviewTimes: number[] = [];
    const ratings = ["again", "hard", "good", "easy"];
    for (let i = 0; i < REQUESTS; i++) {
      const { agent } = agents[i % agents.length]!;
      let t0 = process.hrtime.bigint();
      const q = await agent.get("/api/flashcards/queue?limit=20").expect(200);
      queueTimes.push(elapsed(t0));
      const card = (q.body.cards as { id: string }[])[0];
      if (!card) continue;
      t0 = process.hrtime.bigint();
      await agent
        .post(`/api/flashcards/${card.id}/reviews`)
        .send({ rating: ratings[i % 4], reviewId: randomUUID(), durationMs: 5000 })
        .expect(201);
      reviewTimes.push(elapsed(t0));
    }
    queueTimes.sort((a, b) => a - b);
    reviewTimes.sort((a, b) => a - b);
    console.log(`\nLatency through the HTTP app (${agents.length} signed-in users, sequential, ${REQUESTS} of each):`);
    console.log(
      `  GET  /api/flashcards/queue?limit=20   p50 ${ms(percentile(queueTimes, 50))}  p99 ${ms(percentile(queueTimes, 99))}  (n=${queueTimes.length})`,
    );
    console.log(
      `  POST /api/flashcards/:id/reviews      p50 ${ms(percentile(reviewTimes, 50))}  p99 ${ms(percentile(reviewTimes, 99))}  (n=${reviewTimes.length})`,
    );

    ok = await explain(pool, agents[0]!.id);
    await db.close();
  } finally {
    await pool.end();
    if (args.keep) console.log(`\nKept database ${url}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  if (!ok) {
    console.error("\nThe queue query does not use the Card index.");
    process.exit(1);
  }
}

await main();
