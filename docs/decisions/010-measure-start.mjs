// The measurement behind decision 010: `npm start` (tsx) against the same server compiled by tsc, each on a fresh
// PGlite data dir. Not part of the app or its build; run from the repository root, on a machine where nothing
// listens on ports 3111 and 3112:
//   node docs/decisions/010-measure-start.mjs [RUNS=3] [LOAD_SECONDS=8]
// It compiles server/src into a temporary directory (tsc, rewriteRelativeImportExtensions), links what the server
// finds beside its sources (prisma/, dist/, client/, node_modules/), and removes everything it made at the end.
// Run `npm run build:client` first, or the first start of each variant builds the client and is measured too.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

const REPO = process.cwd();
const RUNS = Number(process.argv[2] ?? 3);
const LOAD_SECONDS = String(process.argv[3] ?? 8);
const build = mkdtempSync("/tmp/docs-measure-build-");
const out = path.join(build, "out");

const VARIANTS = {
  "npm start (tsx)": { cmd: "npm", args: ["start"], port: 3111 },
  "npm start, tsx cache off": { cmd: "npm", args: ["start"], port: 3111, env: { TSX_DISABLE_CACHE: "1" } },
  "node --import tsx": { cmd: "node", args: ["--import", "tsx", "server/src/cli/start.ts"], port: 3111 },
  "node, compiled by tsc": { cmd: "node", args: [path.join(out, "server/src/cli/start.js")], port: 3112 },
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function procStat(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** The process and all its descendants: npm start runs npm, sh, the tsx CLI and the server. */
function processTree(root) {
  const parentOf = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parentOf.set(Number(entry), Number(procStat(entry)[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  const pids = [root];
  for (let i = 0; i < pids.length; i++) for (const [pid, parent] of parentOf) if (parent === pids[i]) pids.push(pid);
  return pids;
}

/** CPU seconds (user + system, with waited-for children) the tree has used: steadier than wall time on a busy machine. */
function cpuSeconds(root) {
  let ticks = 0;
  for (const pid of processTree(root)) {
    try {
      const f = procStat(pid);
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      // Gone: its time is in its parent's waited-for children.
    }
  }
  return ticks / 100;
}

function rss(root) {
  const each = processTree(root).flatMap((pid) => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").slice(0, 3).join(" ");
      return kb > 0 ? [{ mb: kb / 1024, cmd: cmd.replaceAll(`${REPO}/`, "") }] : [];
    } catch {
      return [];
    }
  });
  return { total: each.reduce((a, e) => a + e.mb, 0), each };
}

async function launch(name) {
  const variant = VARIANTS[name];
  const dataDir = mkdtempSync("/tmp/docs-measure-");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    SESSION_SECRET: "measure-".repeat(5),
    PORT: String(variant.port),
    WATERMARK_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...variant.env,
  };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn("nice", ["-n", "10", variant.cmd, ...variant.args], {
    cwd: REPO,
    env,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  let ready = 0;
  while (!ready) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${variant.port}/readyz`)).ok) ready = performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (!ready) await sleep(50);
  }
  const cpu = cpuSeconds(child.pid);
  await sleep(3000);
  return {
    ready,
    cpu,
    settled: rss(child.pid),
    pid: child.pid,
    port: variant.port,
    stop: async () => {
      process.kill(-child.pid, "SIGTERM");
      while (child.exitCode === null && child.signalCode === null) await sleep(50);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function autocannon(url, seconds) {
  const args = ["-n", "10", path.join(REPO, "node_modules/.bin/autocannon"), "-c", "10", "-j", "-d", seconds, url];
  return JSON.parse(execFileSync("nice", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
}

try {
  writeFileSync(
    path.join(build, "tsconfig.json"),
    JSON.stringify({
      extends: path.join(REPO, "tsconfig.json"),
      compilerOptions: {
        noEmit: false,
        rewriteRelativeImportExtensions: true,
        rootDir: REPO,
        outDir: out,
        typeRoots: [path.join(REPO, "node_modules/@types")],
      },
      include: [path.join(REPO, "server/src")],
    }),
  );
  execFileSync(
    "nice",
    ["-n", "10", path.join(REPO, "node_modules/.bin/tsc"), "-p", path.join(build, "tsconfig.json")],
    { stdio: "inherit" },
  );
  for (const name of ["prisma", "dist", "client", "node_modules", "vite.config.ts"])
    symlinkSync(path.join(REPO, name), path.join(out, name));
  writeFileSync(path.join(out, "package.json"), '{"type":"module"}\n');

  for (let run = 1; run <= RUNS; run++) {
    for (const name of Object.keys(VARIANTS)) {
      const r = await launch(name);
      await r.stop();
      console.log(
        `${name.padEnd(26)} run ${run}: ready in ${(r.ready / 1000).toFixed(2)} s, ${r.cpu.toFixed(2)} CPU s; RSS 3 s later ${r.settled.total.toFixed(0)} MB`,
      );
      if (r.settled.each.length > 1)
        console.log(`    ${r.settled.each.map((e) => `${e.mb.toFixed(0)} MB ${e.cmd}`).join("; ")}`);
    }
  }
  for (let round = 1; round <= 2; round++) {
    for (const name of ["npm start (tsx)", "node, compiled by tsc"]) {
      const r = await launch(name);
      for (const route of ["/healthz", "/api/questions"]) {
        const url = `http://127.0.0.1:${r.port}${route}`;
        autocannon(url, "2");
        const cpu = cpuSeconds(r.pid);
        const result = autocannon(url, LOAD_SECONDS);
        const cpuPerRequest = ((cpuSeconds(r.pid) - cpu) / result.requests.total) * 1e6;
        console.log(
          `${name.padEnd(26)} round ${round} ${route.padEnd(15)}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, ` +
            `p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}; server ${cpuPerRequest.toFixed(0)} µs CPU per request`,
        );
      }
      await r.stop();
    }
  }
} finally {
  rmSync(build, { recursive: true, force: true });
}
