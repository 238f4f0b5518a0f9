import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Exemplar } from "../grading/index.ts";
import type { ContentIssue } from "./issues.ts";
import { readJsonLines } from "./json-lines.ts";

const lineSchema = z.object({
  question: z.string().min(1, { message: "question must name a question slug" }),
  answer: z.string({ message: "answer must be a string" }),
  label: z.enum(["correct", "partial", "incorrect"], { message: "label must be correct, partial or incorrect" }),
});

/**
 * The labelled answers in `calibration/*.jsonl`: they measure the grader and, as exemplars, vote on its grades.
 * Each line must name a free-text question of the bank; a bad line is an issue naming its file and line.
 */
export function readExemplars(
  dir: string,
  display: (relative: string) => string,
  freeTextSlugs: ReadonlySet<string>,
  issues: ContentIssue[],
): Exemplar[] {
  const folder = path.join(dir, "calibration");
  if (!existsSync(folder)) return [];
  const exemplars: Exemplar[] = [];
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
  for (const name of files) {
    const file = display(`calibration/${name}`);
    for (const entry of readJsonLines(path.join(folder, name), lineSchema)) {
      if (!entry.ok) issues.push({ file, line: entry.line, message: entry.error });
      else if (!freeTextSlugs.has(entry.value.question))
        issues.push({
          file,
          line: entry.line,
          message: `"${entry.value.question}" is not a free-text question of the bank`,
        });
      else exemplars.push({ ...entry.value, source: name });
    }
  }
  return exemplars;
}
