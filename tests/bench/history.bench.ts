/**
 * History and progress latency for one candidate with 20,000 answers on PostgreSQL (the in-process app over
 * HTTP, as the browser calls it), plus EXPLAIN ANALYZE of the queries behind them to confirm index use.
 * Needs a PostgreSQL server: TEST_POSTGRES_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres);
 * a scratch database is created and dropped.
 * Usage: npm run bench:history [-- --answers 20000 --others 19 --runs 200]
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import supertest from "supertest";
import { createBenchApp } from "./bench-app.ts";
import { loadContent } from "../../server/src/content/load.ts";
import { syncContent } from "../../server/src/content/sync.ts";
import { MIGRATIONS_DIR, openDatabase } from "../../server/src/db/database.ts";
import { migrate, readMigrations } from "../../server/src/db/migrate.ts";
import { progressSql } from "../../server/src/progress/repo.ts";
import { VERDICT_THRESHOLDS } from "../../server/src/grading/index.ts";
import { percentile, prng } from "./stats.ts";

const { values } = parseArgs({
  options: {
    answers: { type: "string", default: "20000" },
    others: { type: "string", default: "19" },
    runs: { type: "string", default: "200" },
  },
});
const ANSWERS = Number(values.answers);
const RUNS = Number(values.runs);
/** Other candidates with 10,000 answers each, so the table looks like a shared production one (the candidate is a minority of rows). */
const OTHERS = Number(values.others);
const ROUND_SIZE = 10;
const ROUND_SHARE = 0.2;
const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function time(label: string, runs: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(samples, 99).toFixed(1).padStart(6)} ms   (${runs} runs)`,
  );
}

async function main() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = `watermark_bench_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "" });
  const pool = new pg.Pool({ connectionString: url.toString() });
  try {
    const migrations = readMigrations(MIGRATIONS_DIR);
    await migrate(db.sql, migrations);
    const bank = loadContent("content");
    await syncContent(db.prisma, bank);
    const app = createBenchApp({ db, migrations, bank });

    const signUp = async (role: "candidate" | "mentor") => {
      const agent = supertest.agent(app);
      const res = await agent.post("/api/auth/signup").send({
        email: `${role}-${randomUUID()}@example.com`,
        password: "a long enough password",
        displayName: role,
        role,
      });
      return { agent, id: res.body.user.id as string };
    };
    const candidate = await signUp("candidate");
    const mentor = await signUp("mentor");
    const others = [];
    for (let i = 0; i < OTHERS; i++) others.push(await signUp("candidate"));

    // ---- data: ANSWERS answers for the candidate (20% in finished rounds), plus 2,000 for someone else ----
    const questions = await db.prisma.question.findMany({
      where: { retiredAt: null },
      select: { id: true, slug: true, currentVersionId: true, type: true },
    });
    const bySlug = new Map(bank.questions.map((q) => [q.slug, q]));
    const random = prng(42);
    const now = Date.now();
    const t0 = performance.now();
    const insert = async (table: string, columns: string[], rows: unknown[][]) => {
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        const params: unknown[] = [];
        const tuples = chunk.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(",")})`);
        await pool.query(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${tuples.join(",")}`,
          params,
        );
      }
    };
    const gradeFor = (slug: string) => {
      const score = Math.round(random() * 100) / 100;
      const q = bySlug.get(slug)!;
      const flags = random() < 0.1 ? ["negated-concept"] : random() < 0.05 ? ["keyword-list"] : [];
      const grade: Record<string, unknown> = {
        score,
        verdict:
          score >= VERDICT_THRESHOLDS.correct
            ? "correct"
            : score >= VERDICT_THRESHOLDS.partial
              ? "partial"
              : "incorrect",
        matched: [{ concept: "c1", evidence: "some evidence from the answer" }],
        missed: [{ concept: "c2", hint: "a hint" }],
        flags,
      };
      if (q.type === "free-text" && q.resolvedRubric.choice) {
        const options = [...q.resolvedRubric.choice.expected, ...q.resolvedRubric.choice.alternatives];
        grade.choice = {
          expected: q.resolvedRubric.choice.expected,
          committed: random() < 0.1 ? [] : [options[Math.floor(random() * options.length)]!],
        };
      }
      return grade;
    };
    const answerRows = (userId: string, count: number, withRounds: boolean) => {
      const answers: unknown[][] = [];
      const rounds: unknown[][] = [];
      const roundQuestions: unknown[][] = [];
      const roundAnswers = withRounds ? Math.floor(count * ROUND_SHARE) : 0;
      for (let r = 0; r < roundAnswers / ROUND_SIZE; r++) {
        const roundId = randomUUID();
        const startedAt = new Date(now - (roundAnswers / ROUND_SIZE - r) * 6 * 3600_000);
        rounds.push([
          roundId,
          userId,
          "finished",
          600,
          "{}",
          startedAt,
          new Date(startedAt.getTime() + 600_000),
          new Date(startedAt.getTime() + 600_000),
        ]);
        for (let p = 0; p < ROUND_SIZE; p++) {
          const q = questions[(r * 3 + p) % questions.length]!;
          const rqId = randomUUID();
          roundQuestions.push([rqId, roundId, q.id, q.currentVersionId, p]);
          const grade = gradeFor(q.slug);
          answers.push([
            randomUUID(),
            userId,
            q.id,
            q.currentVersionId,
            rqId,
            "round",
            JSON.stringify("an answer in a round"),
            JSON.stringify(grade),
            grade.verdict,
            grade.score,
            30 + Math.floor(random() * 300),
            new Date(startedAt.getTime() + p * 50_000),
          ]);
        }
      }
      for (let i = answers.length; i < count; i++) {
        const q = questions[Math.floor(random() * questions.length)]!;
        const grade = gradeFor(q.slug);
        answers.push([
          randomUUID(),
          userId,
          q.id,
          q.currentVersionId,
          null,
          "practice",
          JSON.stringify("a practice answer with some words"),
          JSON.stringify(grade),
          grade.verdict,
          grade.score,
          20 + Math.floor(random() * 400),
          new Date(now - random() * 180 * 86_400_000),
        ]);
      }
      return { answers, rounds, roundQuestions };
    };
    const answerColumns = [
      "id",
      "userId",
      "questionId",
      "questionVersionId",
      "roundQuestionId",
      "source",
      "response",
      "grade",
      "verdict",
      "score",
      "timeSpentSeconds",
      "submittedAt",
    ];
    for (const [userId, count, withRounds] of [
      [candidate.id, ANSWERS, true] as const,
      ...others.map((o) => [o.id, 10_000, true] as const),
    ]) {
      const data = answerRows(userId, count, withRounds);
      await insert(
        "Round",
        ["id", "userId", "status", "timeLimitSeconds", "filters", "startedAt", "deadline", "closedAt"],
        data.rounds,
      );
      await insert(
        "RoundQuestion",
        ["id", "roundId", "questionId", "questionVersionId", "position"],
        data.roundQuestions,
      );
      await insert("Answer", answerColumns, data.answers);
    }
    // A mentor link, 300 overrides and 1,000 reviews on the candidate's answers.
    const invite = (await candidate.agent.post("/api/links/invites").send({})).body;
    await mentor.agent.post("/api/links").send({ code: invite.code }).expect(201);
    const ids = (
      await pool.query<{ id: string; verdict: string; score: number }>(
        `SELECT id, verdict, score FROM "Answer" WHERE "userId" = $1 ORDER BY random() LIMIT 1300`,
        [candidate.id],
      )
    ).rows;
    await insert(
      "GradeOverride",
      ["id", "answerId", "mentorId", "fromVerdict", "fromScore", "verdict", "score", "reason"],
      ids.slice(0, 300).map((a) => [randomUUID(), a.id, mentor.id, a.verdict, a.score, "partial", 0.5, "bench"]),
    );
    await insert(
      "AnswerReview",
      ["answerId", "mentorId"],
      ids.map((a) => [a.id, mentor.id]),
    );
    await pool.query("ANALYZE");
    console.log(
      `seeded ${ANSWERS} answers (+${OTHERS} other candidates × 10,000) in ${((performance.now() - t0) / 1000).toFixed(1)} s on PostgreSQL ${(await pool.query("SHOW server_version")).rows[0].server_version}\n`,
    );

    // ---- latency over HTTP, in-process ----
    await time("GET /api/answers (first page, 20)", RUNS, () =>
      candidate.agent.get("/api/answers?limit=20").expect(200),
    );
    const cursors: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: supertest.Response = await candidate.agent
        .get(`/api/answers?limit=20${cursor ? `&cursor=${cursor}` : ""}`)
        .expect(200);
      cursor = page.body.nextCursor;
      if (!cursor) break;
      cursors.push(cursor);
    }
    await time("GET /api/answers?cursor=… (pages 2–50)", RUNS, (i) =>
      candidate.agent.get(`/api/answers?limit=20&cursor=${cursors[i % cursors.length]}`).expect(200),
    );
    await time("GET /api/answers?section=flink&verdict=partial", RUNS, () =>
      candidate.agent.get("/api/answers?limit=20&section=flink&verdict=partial").expect(200),
    );
    await time("GET /api/answers?candidate=… (linked mentor)", RUNS, () =>
      mentor.agent.get(`/api/answers?limit=20&candidate=${candidate.id}`).expect(200),
    );
    await time("GET /api/me/progress", RUNS, () => candidate.agent.get("/api/me/progress").expect(200));
    await time("GET /api/candidates/:id/progress (mentor)", RUNS, () =>
      mentor.agent.get(`/api/candidates/${candidate.id}/progress`).expect(200),
    );
    await time("GET /api/review/queue (19k unreviewed)", Math.min(RUNS, 50), () =>
      mentor.agent.get("/api/review/queue?limit=50").expect(200),
    );

    // ---- query plans ----
    const mid = (
      await pool.query<{ submittedAt: Date; id: string }>(
        `SELECT "submittedAt", id FROM "Answer" WHERE "userId" = $1 ORDER BY "submittedAt" DESC, id DESC OFFSET 5000 LIMIT 1`,
        [candidate.id],
      )
    ).rows[0]!;
    const progress = progressSql(candidate.id);
    const plans: [string, string, unknown[]][] = [
      [
        "history page (keyset, as Prisma issues it)",
        `SELECT id, "submittedAt", verdict, score FROM "Answer" WHERE "userId" = $1 AND "submittedAt" <= $2 AND ("submittedAt" < $2 OR ("submittedAt" = $2 AND id < $3)) ORDER BY "submittedAt" DESC, id DESC LIMIT 21`,
        [candidate.id, mid.submittedAt, mid.id],
      ],
      [
        "history page filtered by section (join Question)",
        `SELECT a.id FROM "Answer" a WHERE a."userId" = $1 AND EXISTS (SELECT 1 FROM "Question" q WHERE q.id = a."questionId" AND q.section = 'flink') ORDER BY a."submittedAt" DESC, a.id DESC LIMIT 21`,
        [candidate.id],
      ],
      [
        "overrides of a page (relation load)",
        `SELECT * FROM "GradeOverride" WHERE "answerId" = ANY($1::uuid[]) ORDER BY "createdAt"`,
        [ids.slice(0, 20).map((a) => a.id)],
      ],
      ["progress: recent answers per section", progress.recent.text, progress.recent.values],
      ["progress: score by round", progress.rounds(50).text, progress.rounds(50).values],
      ["progress: decision matrix", progress.choices.text, progress.choices.values],
      ["progress: time per question", progress.times.text, progress.times.values],
    ];
    for (const [label, sql, params] of plans) {
      const plan = (
        await pool.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`,
          params,
        )
      ).rows.map((r) => r["QUERY PLAN"]);
      console.log(`\n--- ${label}\n${plan.join("\n")}`);
      if (plan.some((l) => /Seq Scan on "Answer"/.test(l))) console.log("!!! sequential scan on Answer");
    }
  } finally {
    await pool.end();
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
