import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_DEFAULTS } from "../../server/src/config.ts";
import { loadContent } from "../../server/src/content/load.ts";
import type { Database } from "../../server/src/db/database.ts";
import { scratchPostgres, type ScratchPostgres } from "../setup/scratch-postgres.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CLI = path.join(ROOT, "server/src/cli/content-suggestions.ts");

describe("npm run content:suggestions", () => {
  let scratch: ScratchPostgres;
  let db: Database;
  const work = mkdtempSync(path.join(os.tmpdir(), "watermark-suggestions-"));

  beforeAll(async () => {
    scratch = await scratchPostgres("suggestions_cli");
    db = await scratch.open(DATABASE_DEFAULTS);
  });
  afterAll(async () => {
    await db?.close();
    await scratch?.drop();
    await scratch?.end();
    rmSync(work, { recursive: true, force: true });
  });

  it("when mentors saved suggestions, then the patch applies to content/ with git apply and the bank still loads with the phrases; the rest are explained on stderr", async () => {
    const mentor = await db.prisma.user.create({
      data: { email: "m@example.com", passwordHash: "x", displayName: "Mia Mentor", role: "mentor" },
    });
    const figures = { total: 3, changedCount: 1, agreementBefore: 0.5, agreementAfter: 1, createdById: mentor.id };
    const suggest = (question: string, target: { concept: string } | { misconception: string }, phrase: string) =>
      db.prisma.rubricSuggestion.create({ data: { question, ...target, phrase, ...figures } });
    // An entry with no phrases of its own, one with a flow list, a misconception, and a phrase YAML must quote.
    await suggest("scenario-fraud-detection", { concept: "event-at-a-time" }, "pipelined operators");
    await suggest("compare-kafka-streams-vs-flink", { concept: "moderate-throughput" }, "middling throughput");
    await suggest("scenario-fraud-detection", { misconception: "batch-for-fraud" }, "overnight job");
    await suggest("scenario-fraud-detection", { concept: "exactly-once" }, "no: duplicates, [ever]");
    // …and four that cannot be placed.
    await suggest("scenario-fraud-detection", { concept: "event-at-a-time" }, "Pipelined  operators");
    await suggest("scenario-fraud-detection", { concept: "sub-second-latency" }, "low latency");
    await suggest("no-such-question", { concept: "event-at-a-time" }, "whatever");
    await suggest("scenario-fraud-detection", { concept: "no-separate-cluster" }, "whatever");

    const repo = path.join(work, "repo");
    cpSync(path.join(ROOT, "content"), path.join(repo, "content"), { recursive: true });
    const run = spawnSync(process.execPath, ["--import", "tsx", CLI, "--content", path.join(repo, "content")], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: scratch.url },
    });
    expect(run.stderr).toContain("4 of 8 suggestion(s) in the patch");
    expect(run.status).toBe(0);
    const skipped = run.stderr.split("\n").filter((l) => l.startsWith("skipped"));
    expect(skipped).toHaveLength(4);
    expect(skipped.join("\n")).toMatch(/already has the phrase "Pipelined {2}operators"/);
    expect(skipped.join("\n")).toMatch(/already has the phrase "low latency"/);
    expect(skipped.join("\n")).toMatch(/no-such-question is no longer a free-text question/);
    expect(skipped.join("\n")).toMatch(/no longer has concept no-separate-cluster/);
    expect(run.stdout).toMatch(
      /^diff --git a\/content\/questions\/comparison\.yaml b\/content\/questions\/comparison\.yaml$/m,
    );
    expect(run.stdout).toMatch(/^\+\+\+ b\/content\/questions\/scenarios\.yaml$/m);

    writeFileSync(path.join(work, "suggestions.patch"), run.stdout);
    const apply = spawnSync("git", ["apply", "--check", "--verbose", path.join(work, "suggestions.patch")], {
      cwd: repo,
      encoding: "utf8",
    });
    expect(apply.stderr).not.toMatch(/error/);
    expect(apply.status).toBe(0);
    expect(spawnSync("git", ["apply", path.join(work, "suggestions.patch")], { cwd: repo }).status).toBe(0);

    const patched = loadContent(path.join(repo, "content"));
    const rubric = (slug: string) => {
      const q = patched.questions.find((x) => x.slug === slug);
      if (q?.type !== "free-text") throw new Error(`${slug} is not free text`);
      return q.resolvedRubric;
    };
    const concept = (slug: string, id: string) => rubric(slug).concepts.find((c) => c.id === id)!.phrases;
    expect(concept("scenario-fraud-detection", "event-at-a-time")).toContain("pipelined operators");
    expect(concept("compare-kafka-streams-vs-flink", "moderate-throughput")).toContain("middling throughput");
    expect(concept("scenario-fraud-detection", "exactly-once")).toContain("no: duplicates, [ever]");
    const mis = rubric("scenario-fraud-detection").misconceptions.find((m) => m.id === "batch-for-fraud")!;
    expect(mis.phrases).toContain("overnight job");
    // Only lines were added or extended: nothing else in the files moved.
    const removed = run.stdout.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---"));
    const added = run.stdout.split("\n").filter((l) => l.startsWith("+") && !l.startsWith("+++"));
    expect(removed).toHaveLength(2);
    expect(added).toHaveLength(4);
  });
});
