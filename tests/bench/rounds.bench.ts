/**
 * Answer-submit and autosave latency with 50 candidates at once, on PostgreSQL. The server runs as a separate
 * process (npm start on a scratch database); this process is the load. Prints figures; asserts nothing.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import zlib from "node:zlib";
import pg from "pg";
import { ownCpuSeconds, processCpuSeconds } from "./cpu-usage.ts";
import { percentile } from "./stats.ts";

const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 50);
const QUESTIONS = 20;
const PORT = 3900 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;

const summary = (name: string, ms: number[], wallMs: number) => {
  const s = [...ms].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(16)} n=${s.length}  p50=${percentile(s, 50).toFixed(1)} ms  p95=${percentile(s, 95).toFixed(1)} ms  p99=${percentile(s, 99).toFixed(1)} ms  max=${s.at(-1)!.toFixed(1)} ms  ${(s.length / (wallMs / 1000)).toFixed(0)} req/s`,
  );
};

/**
 * One keep-alive connection per candidate at most, as browsers keep theirs. Plain `node:http` rather than `fetch`:
 * `fetch` cost ~1.1 ms of this process's CPU per request, as much as the server's, on a machine both share.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CANDIDATES });

function call(method: string, path: string, cookie: string | undefined, body?: unknown) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const t = performance.now();
  return new Promise<{ ms: number; json: unknown; cookie: string | undefined }>((resolve, reject) => {
    const req = http.request(
      BASE + path,
      {
        method,
        agent,
        headers: {
          "content-type": "application/json",
          // As a browser asks, so larger responses cost the server their compression here too.
          "accept-encoding": "br, gzip",
          ...(payload === undefined ? {} : { "content-length": Buffer.byteLength(payload) }),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const ms = performance.now() - t;
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const text = (
            encoding === "br" ? zlib.brotliDecompressSync(raw) : encoding === "gzip" ? zlib.gunzipSync(raw) : raw
          ).toString();
          if (res.statusCode! >= 400) return reject(new Error(`${method} ${path} → ${res.statusCode} ${text}`));
          resolve({
            ms,
            json: text ? JSON.parse(text) : undefined,
            cookie: res.headers["set-cookie"]?.[0]?.split(";")[0],
          });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

type BenchQuestion = { slug: string; type: string; choices?: { id: string }[]; locked?: boolean };

async function unlocked(roundId: string, slug: string, cookie: string): Promise<BenchQuestion> {
  const state = (await call("GET", `/api/rounds/${roundId}`, cookie)).json as { questions: BenchQuestion[] };
  return state.questions.find((q) => q.slug === slug)!;
}

async function waitReady() {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${BASE}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become ready");
}

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
const dbName = `watermark_bench_${process.pid}`;
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${dbName}`;
const server = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []),
    "--import",
    "tsx",
    "server/src/cli/start.ts",
  ],
  {
    // Every bench candidate signs up from this one address, as any load test would.
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      PORT: String(PORT),
      LOG_LEVEL: "warn",
      SIGNUP_LIMIT_PER_HOUR: "1000000",
    },
    stdio: ["ignore", "inherit", "inherit"],
  },
);

try {
  await waitReady();
  const candidates = await Promise.all(
    Array.from({ length: CANDIDATES }, async (_, i) => {
      const { cookie } = await call("POST", "/api/auth/signup", undefined, {
        email: `bench-${i}-${randomUUID()}@example.com`,
        password: "a long enough password",
        displayName: `Bench ${i}`,
        role: "candidate",
      });
      const round = await call("POST", "/api/rounds", cookie, { questionCount: QUESTIONS, timeLimitSeconds: 3600 });
      return { cookie: cookie!, round: round.json as { id: string; questions: BenchQuestion[] } };
    }),
  );
  const answerFor = (q: { type: string; choices?: { id: string }[] }) =>
    q.type === "free-text"
      ? "I would use Spark batch here because the data is bounded, hours of latency are fine and batch is simpler, cheaper and easier to debug than running a streaming cluster around the clock for this workload."
      : q.type === "single-choice"
        ? q.choices![0]!.id
        : [q.choices![0]!.id];

  const drafts: number[] = [];
  const answers: number[] = [];
  const cpuBefore = { server: processCpuSeconds(server.pid!), load: ownCpuSeconds() };
  const started = performance.now();
  await Promise.all(
    candidates.map(async ({ cookie, round }) => {
      for (const listed of round.questions) {
        // A follow-up's prompt and choices arrive once its parent (answered just before) unlocks it.
        const q = listed.locked ? await unlocked(round.id, listed.slug, cookie) : listed;
        drafts.push(
          (await call("PUT", `/api/rounds/${round.id}/drafts/${q.slug}`, cookie, { answer: answerFor(q) })).ms,
        );
        answers.push(
          (
            await call("POST", `/api/rounds/${round.id}/answers`, cookie, {
              question: q.slug,
              answer: answerFor(q),
              idempotencyKey: randomUUID(),
            })
          ).ms,
        );
      }
    }),
  );
  const wall = performance.now() - started;
  console.log(
    `\n${CANDIDATES} concurrent candidates × ${QUESTIONS} questions on PostgreSQL (server in a separate process)`,
  );
  summary("draft save", drafts, wall);
  summary("answer submit", answers, wall);
  const serverCpu = (processCpuSeconds(server.pid!) ?? NaN) - (cpuBefore.server ?? NaN);
  const loadCpu = ownCpuSeconds() - cpuBefore.load;
  console.log(
    `CPU over the drafts and answers: server ${((serverCpu / (wall / 1000)) * 100).toFixed(0)}% of a core, ` +
      `${((serverCpu * 1000) / (drafts.length + answers.length)).toFixed(2)} ms per request; this load generator ` +
      `${((loadCpu / (wall / 1000)) * 100).toFixed(0)}% of a core`,
  );
  const finish: number[] = [];
  const t = performance.now();
  await Promise.all(
    candidates.map(async ({ cookie, round }) =>
      finish.push((await call("POST", `/api/rounds/${round.id}/finish`, cookie)).ms),
    ),
  );
  summary("finish + results", finish, performance.now() - t);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
