import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../server/src/db/database.ts";
import { calibrationLineSchema } from "../../server/src/cli/grade/lines.ts";
import { createTestApp, privatePostgres, signedUpAgent, type TestApp } from "../setup/test-app.ts";

type Agent = Awaited<ReturnType<typeof signedUpAgent>>["agent"];
const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

/**
 * The grade CLI's database modes, run as an operator would (a child process with DATABASE_URL) against a scratch
 * PostgreSQL database the API filled: rulings that settled disputes are calibration lines like any other, marked as
 * such, and `--calibrate --from-db` counts them.
 */
describe.runIf(inject("postgresUrl"))("grade --export-rulings / --calibrate --from-db with disputes", () => {
  let scratch: Awaited<ReturnType<typeof privatePostgres>>;
  let t: TestApp;
  beforeAll(async () => {
    scratch = await privatePostgres();
    t = await createTestApp("postgres", { db: await openDatabase({ databaseUrl: scratch.url, dataDir: "" }) });
  });
  afterAll(async () => {
    await t?.db.close();
    await scratch?.drop();
  });

  const grade = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", path.join(ROOT, "server/src/cli/grade.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: scratch.url, LOG_LEVEL: "silent" },
    });

  it("when disputes were upheld and rejected, then the export marks those rulings and the report counts them", async () => {
    const A = await signedUpAgent(t.app, "candidate");
    const M = await signedUpAgent(t.app, "mentor");
    const invite = (await A.agent.post("/api/links/invites").send({}).expect(201)).body;
    await M.agent.post("/api/links").send({ code: invite.code }).expect(201);
    const practise = async (agent: Agent, answer: string) =>
      (await agent.post("/api/questions/scenario-fraud-detection/check").send({ answer }).expect(200)).body as {
        answerId: string;
        verdict: string;
      };
    const upheld = await practise(A.agent, "Flink, because 100 ms needs event-at-a-time processing");
    const rejected = await practise(A.agent, "Spark batch, nightly");
    const plain = await practise(A.agent, "Kafka Streams");
    for (const a of [upheld, rejected])
      await A.agent
        .post(`/api/answers/${a.answerId}/dispute`)
        .send({ reason: "The grade misses what I wrote" })
        .expect(201);
    const flipped = upheld.verdict === "incorrect" ? "correct" : "incorrect";
    await M.agent
      .post(`/api/answers/${upheld.answerId}/override`)
      .send({ verdict: flipped, score: 0.5, reason: "Agreed" })
      .expect(201);
    await M.agent.post(`/api/answers/${rejected.answerId}/confirm`).send({ reply: "The grade stands" }).expect(200);
    await M.agent.post(`/api/answers/${plain.answerId}/confirm`).send({}).expect(200);

    const file = path.join(mkdtempSync(path.join(tmpdir(), "rulings-")), "rulings.jsonl");
    const exported = await grade("--export-rulings", file);
    expect(exported.stdout).toContain(`wrote 3 ruling(s) to ${file}`);
    const lines = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    // Each ruled answer once, each line a valid calibration line.
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(calibrationLineSchema.safeParse(line).success).toBe(true);
    expect(lines).toEqual([
      {
        question: "scenario-fraud-detection",
        answer: "Flink, because 100 ms needs event-at-a-time processing",
        label: flipped,
        source: "dispute",
        dispute: "upheld",
      },
      {
        question: "scenario-fraud-detection",
        answer: "Spark batch, nightly",
        label: rejected.verdict,
        source: "dispute",
        dispute: "rejected",
      },
      { question: "scenario-fraud-detection", answer: "Kafka Streams", label: plain.verdict },
    ]);

    const report = await grade("--calibrate", "--from-db");
    expect(report.stdout).toContain("mentor rulings from the database (3 answers)");
    expect(report.stdout).toContain("disputes resolved: 2 (upheld 1, rejected 1)");
    // The exported file is what --calibrate reads.
    const calibrated = await grade("--calibrate", file);
    expect(calibrated.stdout).not.toMatch(/invalid|error/i);
  });
});
