/**
 * The hot paths' throughput as a ratio to a minimal raw-pg reference server measured in the same run, on
 * PostgreSQL: 16 connections rotating over many candidates, with database statements per request counted in the
 * app. The reference runs before and after every path, so drift on a shared machine shows and each path can be set
 * against the reference measured around it. Both servers run as child processes; this process is the load
 * (autocannon). Prints figures; asserts nothing.
 * Env: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_CANDIDATES (64), TEST_POSTGRES_ADMIN_URL, and
 * BENCH_CPU_PROF=<dir> to write a CPU profile of the app server there.
 */
import os from "node:os";
import pg from "pg";
import { DRAFT_TEXT, draftFor, practiceAnswerFor } from "./bench-answers.ts";
import { startChild, waitUntilServing, type ChildServer } from "./child-server.ts";
import { runLoad, type Connection, type LoadFigures } from "./load.ts";
import { SavesLedger } from "./saves-ledger.ts";
import { createScratchDb } from "./scratch-db.ts";
import { practiceQuestions, seedCandidates, type BenchQuestion } from "./seed-candidates.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 64);
const CONNECTIONS = 16;
const ROUND_QUESTIONS = 10;
const REFERENCE_ROWS = 10_000;
const PORT = 4100 + Math.floor(Math.random() * 400);

interface Phase {
  name: string;
  figures: LoadFigures;
  statementsPerRequest: number | undefined;
  failures: string[];
  target?: number;
  /** The mean of the reference runs just before and just after this one. */
  adjacentReference?: number;
}

/**
 * Runs `connection`'s requests for a warm-up and then the measured period, counting the app's statements in between.
 * `warmupRequests` first sends that many requests, so that e.g. every draft slot has been seen once before measuring.
 */
async function measure(
  name: string,
  server: ChildServer,
  connection: (index: number, failures: string[]) => Connection,
  opts: { counted: boolean; warmupRequests?: number },
): Promise<Phase> {
  const failures: string[] = [];
  const run = (length: { seconds: number } | { requests: number }) =>
    runLoad({
      port: server.port,
      connections: CONNECTIONS,
      length,
      connection: (i) => connection(i, failures),
      processes: { server: async () => [server.process.pid!], db: backendPids },
    });
  if (opts.warmupRequests) await run({ requests: opts.warmupRequests });
  await run({ seconds: WARMUP_SECONDS });
  failures.length = 0;
  const counted = opts.counted;
  const before = counted ? await settledStatements(server) : 0;
  const figures = await run({ seconds: SECONDS });
  const after = counted ? await settledStatements(server) : 0;
  return { name, figures, statementsPerRequest: counted ? (after - before) / figures.sent : undefined, failures };
}

/** The app's statement count once requests the load abandoned at the end of a run have finished. */
async function settledStatements(server: ChildServer): Promise<number> {
  let last = -1;
  for (;;) {
    const { statements } = await server.ask<{ statements: number }>("statements");
    if (statements === last) return statements;
    last = statements;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Notes the first few non-2xx bodies of a phase. */
const noteFailure = (failures: string[], status: number, body: string) => {
  if ((status < 200 || status >= 300) && failures.length < 3) failures.push(`${status} ${body.slice(0, 300)}`);
};

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "–");
const pct = (v: number | undefined) => (v === undefined ? "n/a" : `${(v * 100).toFixed(0)}%`);

function printTable(phases: Phase[], reference: number) {
  const header = [
    "path",
    "req/s",
    "× ref adjacent",
    "× ref mean",
    "target",
    "p50",
    "p99",
    "statements/req",
    "non-2xx",
    "CPU load / server / db / machine",
    "CPU ms/req server / db",
  ];
  const perRequest = (share: number | undefined, p: Phase) =>
    share === undefined ? "n/a" : ((share / p.figures.perSecond) * 1000).toFixed(2);
  const ratio = (p: Phase, ref: number | undefined) =>
    p.target === undefined || !ref ? "" : (p.figures.perSecond / ref).toFixed(3);
  const rows = phases.map((p) => [
    p.name,
    p.figures.perSecond.toFixed(0),
    ratio(p, p.adjacentReference),
    ratio(p, reference),
    p.target === undefined ? "" : `≥ ${p.target}`,
    ms(p.figures.p50),
    ms(p.figures.p99),
    p.statementsPerRequest === undefined ? "1 (by construction)" : p.statementsPerRequest.toFixed(2),
    String(p.figures.non2xx),
    [p.figures.cpu.load, p.figures.cpu.groups.server, p.figures.cpu.groups.db, p.figures.cpu.machine]
      .map(pct)
      .join(" / "),
    `${perRequest(p.figures.cpu.groups.server, p)} / ${perRequest(p.figures.cpu.groups.db, p)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) console.log(line(r));
}

const scratch = await createScratchDb(`watermark_hot_${process.pid}`).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const children: ChildServer[] = [];
// Sets up the reference table, finds the scratch database's backends (for their CPU) and reads the drafts back.
const monitor = new pg.Client({ connectionString: scratch.url });
const backendPids = async () =>
  (
    await monitor.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
  ).rows.map((r) => r.pid);
try {
  await monitor.connect();
  await monitor.query(
    "CREATE TABLE bench_ref (id int PRIMARY KEY, n bigint NOT NULL DEFAULT 0, body text NOT NULL DEFAULT '')",
  );
  await monitor.query("INSERT INTO bench_ref (id) SELECT generate_series(1, $1::int)", [REFERENCE_ROWS]);
  await monitor.query("VACUUM ANALYZE bench_ref");

  const app = startChild(
    "tests/bench/counting-server.ts",
    PORT,
    {
      DATABASE_URL: scratch.url,
      LOG_LEVEL: "warn",
      SESSION_SECRET: "hot-paths-bench-secret-hot-paths-bench",
      // Every bench candidate signs up and checks answers from this one address, as any load test would.
      SIGNUP_LIMIT_PER_HOUR: "1000000",
      CHECK_LIMIT_PER_MINUTE: "1000000",
      LOGIN_ADDRESS_LIMIT_PER_15_MIN: "1000000",
    },
    process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
  );
  children.push(app);
  const reference = startChild("tests/bench/reference-server.ts", PORT + 1, { DATABASE_URL: scratch.url });
  children.push(reference);
  await Promise.all([waitUntilServing(app, "/readyz", 200), waitUntilServing(reference, "/")]);

  const candidates = await seedCandidates(app.url, CANDIDATES, ROUND_QUESTIONS);
  // The reference table was analyzed; the app's tables get the same, as autovacuum gives any database in service.
  // Unanalyzed, the planner can pick an index scan over every open round for a statement that names one round.
  await monitor.query("ANALYZE");
  const practice = await practiceQuestions(app.url);
  const byType = (t: BenchQuestion["type"]) => practice.filter((q) => q.type === t).length;

  const referencePhase = (name: string, warmupRequests?: number) =>
    measure(
      name,
      reference,
      (i, failures) => {
        let n = 0;
        return {
          next: () => ({
            method: "PUT",
            path: `/ref/${1 + ((n++ * CONNECTIONS + i) % REFERENCE_ROWS)}`,
            body: { answer: `${DRAFT_TEXT} [${n}]` },
          }),
          answered: (status, body) => noteFailure(failures, status, body),
        };
      },
      { counted: false, warmupRequests },
    );

  // A reference run before and after every path: the machine is shared, and each path is compared with the
  // reference measured around it as well as with the mean of all of them.
  // The first one's warm-up also updates every row once, as the autosave warm-up saves every slot once: throughput
  // was measured climbing for several seconds from a cold start, and a freshly loaded row's first update is dearer.
  const references = [await referencePhase("reference 1", REFERENCE_ROWS)];
  const bracket = async (phase: Phase) => {
    references.push(await referencePhase(`reference ${references.length + 1}`));
    phase.adjacentReference = (references.at(-2)!.figures.perSecond + references.at(-1)!.figures.perSecond) / 2;
  };

  // Each draft slot belongs to one connection, so its saves are sequential and the last acknowledged one must win.
  // A candidate saves the same slot many times while typing, so the warm-up saves every slot once (the app caches
  // where a slot is) before the measured period.
  const ledger = new SavesLedger();
  const slots = candidates.flatMap((c) =>
    c.round.questions.filter((q) => !q.locked).map((q) => ({ cookie: c.cookie, roundId: c.round.id, q })),
  );
  const autosave = await measure(
    "PUT /api/rounds/:id/drafts/:slug",
    app,
    (i, failures) => {
      const mine = slots.filter((_, k) => k % CONNECTIONS === i);
      let k = 0;
      let pending: ReturnType<SavesLedger["send"]> | undefined;
      return {
        next() {
          const s = mine[k++ % mine.length]!;
          const key = `${s.roundId}/${s.q.slug}`;
          const sent = ledger.sentTo(key);
          const answer = draftFor(s.q, sent, `c${i}#${sent}`);
          pending = ledger.send(key, answer);
          return {
            method: "PUT",
            path: `/api/rounds/${s.roundId}/drafts/${s.q.slug}`,
            cookie: s.cookie,
            body: { answer },
          };
        },
        answered(status, body) {
          pending!.status = status;
          noteFailure(failures, status, body);
        },
      };
    },
    { counted: true, warmupRequests: slots.length },
  );
  autosave.target = 0.5;
  await bracket(autosave);
  const stored = await storedDrafts(candidates.map((c) => c.round.id));
  const saves = ledger.check(stored);

  // Each practice question and each round is requested once in the warm-up: the app compiles a rubric on its first use.
  let checks = 0;
  const practiceCheck = await measure(
    "POST /api/questions/:slug/check",
    app,
    (_i, failures) => ({
      next() {
        const n = checks++;
        const q = practice[n % practice.length]!;
        const c = candidates[(n + Math.floor(n / practice.length)) % candidates.length]!;
        return {
          method: "POST",
          path: `/api/questions/${q.slug}/check`,
          cookie: c.cookie,
          body: { answer: practiceAnswerFor(q, n) },
        };
      },
      answered: (status, body) => noteFailure(failures, status, body),
    }),
    { counted: true, warmupRequests: practice.length },
  );
  practiceCheck.target = 0.08;
  await bracket(practiceCheck);

  let reads = 0;
  const roundRead = await measure(
    `GET /api/rounds/:id (${ROUND_QUESTIONS} questions)`,
    app,
    (_i, failures) => ({
      next() {
        const c = candidates[reads++ % candidates.length]!;
        return { method: "GET", path: `/api/rounds/${c.round.id}`, cookie: c.cookie };
      },
      answered: (status, body) => noteFailure(failures, status, body),
    }),
    { counted: true, warmupRequests: candidates.length },
  );
  roundRead.target = 0.2;
  await bracket(roundRead);
  const referenceMean = references.reduce((sum, r) => sum + r.figures.perSecond, 0) / references.length;

  console.log(
    `\nHot paths on PostgreSQL: ${os.availableParallelism()} cores, ${CONNECTIONS} connections, ${SECONDS} s per phase after ${WARMUP_SECONDS} s warm-up, ` +
      `${CANDIDATES} candidates; practice mix ${byType("free-text")} free-text / ${byType("single-choice")} single / ${byType("multi-choice")} multi`,
  );
  console.log(
    `reference (node:http + pg.Pool(16), one UPDATE per request): ${references.map((r) => r.figures.perSecond.toFixed(0)).join(", ")} req/s ` +
      `in run order (first ${references[0]!.figures.perSecond.toFixed(0)}, last ${references.at(-1)!.figures.perSecond.toFixed(0)}), mean ${referenceMean.toFixed(0)} req/s\n`,
  );
  const phases = [references[0]!, autosave, references[1]!, practiceCheck, references[2]!, roundRead, references[3]!];
  printTable(phases, referenceMean);
  console.log(
    "CPU: share of one core over the measured period for this process (autocannon), the server, the scratch database's " +
      "backends, and the whole machine (other tenants included); per request for the server and the database, which " +
      "a busy shared machine disturbs less than req/s.",
  );

  console.log(
    saves.mismatches.length === 0
      ? `\nautosave: all ${saves.acknowledged} acknowledged saves stored, warm-up included (each of ${saves.slots} slots holds its last acknowledged value)`
      : `\nautosave: ${saves.mismatches.length} of ${saves.slots} slots do not hold their last acknowledged save, e.g. ${JSON.stringify(saves.mismatches.slice(0, 3))}`,
  );
  for (const p of phases) {
    const { non2xx, errors, timeouts } = p.figures;
    if (non2xx || errors)
      console.log(
        `${p.name}: ${non2xx} non-2xx, ${errors} errors (${timeouts} timeouts); first: ${p.failures.join(" || ")}`,
      );
  }
} finally {
  await Promise.all(children.map((c) => c.stop()));
  await monitor.end().catch(() => undefined);
  await scratch.drop();
}

/** Each round slot's stored draft, keyed `roundId/slug`. */
async function storedDrafts(roundIds: string[]): Promise<Map<string, unknown>> {
  const { rows } = await monitor.query<{ roundId: string; slug: string; draft: unknown }>(
    `SELECT rq."roundId", q.slug, rq.draft FROM "RoundQuestion" rq JOIN "Question" q ON q.id = rq."questionId"
     WHERE rq."roundId" = ANY($1::uuid[])`,
    [roundIds],
  );
  return new Map(rows.map((r) => [`${r.roundId}/${r.slug}`, r.draft]));
}
