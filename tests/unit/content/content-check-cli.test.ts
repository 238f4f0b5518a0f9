import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REAL_CONTENT, choiceQuestion, makeBank, shown } from "./fixtures.ts";

const CLI = path.resolve(import.meta.dirname, "../../../server/src/cli/content-check.ts");

function runCheck(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], { encoding: "utf8" });
}

describe("content:check", () => {
  it("when run with --json on the shipped bank, then stdout is exactly one JSON inventory and it exits 0", () => {
    const result = runCheck("--dir", REAL_CONTENT, "--json");
    expect(result.status).toBe(0);
    const inventory = JSON.parse(result.stdout) as { questions: Record<string, string>[]; flashcards: number };
    expect(Object.keys(inventory)).toEqual(["questions", "flashcards"]);
    expect(inventory.questions[0] && Object.keys(inventory.questions[0])).toEqual(["slug", "type", "section"]);
    expect(inventory.flashcards).toBeGreaterThanOrEqual(45);
  });

  it("when run on a broken bank, then each issue goes to stderr and it exits 1", () => {
    const dir = makeBank({ "questions/flink.yaml": choiceQuestion("flink-latency", "faq") });
    const result = runCheck("--dir", dir, "--json");
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      `${shown(dir, "questions/flink.yaml")}:2 flink-latency › section: is "faq" but this file holds section "flink"`,
    );
  });
});
