import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "watermark-single-writer-"));
const lockDir = path.join(dataDir, "pglite.lock");
const env = { ...process.env, WATERMARK_DATA_DIR: dataDir, DATABASE_URL: "", PORT: "0", LOG_LEVEL: "silent" };
const children: ChildProcess[] = [];

function start(script: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, script)], { cwd: ROOT, env });
  children.push(child);
  return child;
}

/** Runs a command to its end; the test's own timeout bounds the wait. */
async function run(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = start(script);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, stdout, stderr };
}

async function holder(): Promise<ChildProcess> {
  const child = start("tests/setup/hold-embedded-database.ts");
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`the holder exited first (${code})`)));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.on("exit", resolve));

describe("embedded database: one writer", () => {
  afterEach(() => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("when a process holds the data directory, then npm start and db:migrate refuse and name its pid", async () => {
    const first = await holder();

    for (const script of ["server/src/cli/start.ts", "server/src/cli/migrate.ts"]) {
      const second = await run(script);
      expect(second.code).not.toBe(0);
      const message = second.stderr.trim();
      expect(message.split("\n")).toHaveLength(1);
      expect(message).toContain(path.join(dataDir, "pglite"));
      expect(message).toContain(`process ${first.pid}`);
    }

    first.kill("SIGTERM");
    expect(await exited(first)).toBe(0);
    expect(existsSync(lockDir)).toBe(false);
    const after = await run("server/src/cli/migrate.ts");
    expect(after).toMatchObject({ code: 0, stderr: "" });
  }, 90_000);

  it("when the holder was killed and left its lock, then the next process takes the directory over", async () => {
    const crashed = await holder();
    crashed.kill("SIGKILL");
    await exited(crashed);
    expect(existsSync(lockDir)).toBe(true);

    const next = await run("server/src/cli/migrate.ts");
    expect(next).toMatchObject({ code: 0, stderr: "" });
    expect(next.stdout).toMatch(/up to date|Applied/);
  }, 90_000);
});
