import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadGrader } from "../../../server/src/cli/grade/bank.ts";
import { runBatch } from "../../../server/src/cli/grade/batch.ts";
import { REAL_CONTENT } from "../content/fixtures.ts";

describe("grade --batch", () => {
  afterEach(() => vi.restoreAllMocks());

  it("when answers are graded in batch, then each line carries the verdict, confidence and its reasons", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "watermark-batch-"));
    try {
      const file = path.join(dir, "answers.jsonl");
      const lines = [
        { question: "scenario-fraud-detection", answer: "Flink, because each payment is judged as it arrives." },
        { question: "flink-processing-model", answer: "event-at-a-time" },
      ];
      writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
      const written: string[] = [];
      vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
      expect(runBatch(file, loadGrader(REAL_CONTENT)!)).toBe(true);
      const out = written
        .join("")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(out).toHaveLength(2);
      for (const line of out) {
        expect(line).toMatchObject({ verdict: expect.any(String), confidence: expect.stringMatching(/^(high|low)$/) });
        expect(Array.isArray(line.confidenceReasons)).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
