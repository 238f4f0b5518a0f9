import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Exemplar } from "../grading/index.ts";
import type { ContentIssue } from "./issues.ts";

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
    readFileSync(path.join(folder, name), "utf8")
      .split("\n")
      .forEach((text, i) => {
        if (text.trim() === "") return;
        const issue = (message: string) => issues.push({ file, line: i + 1, message });
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          return issue(`invalid JSON (${(error as Error).message})`);
        }
        const line = lineSchema.safeParse(parsed);
        if (!line.success) return issue(line.error.issues.map((x) => x.message).join("; "));
        if (!freeTextSlugs.has(line.data.question))
          return issue(`"${line.data.question}" is not a free-text question of the bank`);
        exemplars.push({ ...line.data, source: name });
      });
  }
  return exemplars;
}
