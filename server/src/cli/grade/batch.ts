import type { Grader } from "./bank.ts";
import { batchLineSchema, readJsonLines } from "./lines.ts";

/**
 * Grades every line of `file` and writes one JSON line per input line, in order, to stdout.
 * Failures become `{question, error}` lines (and a message on stderr); returns whether all lines graded.
 */
export function runBatch(file: string, grade: Grader): boolean {
  let allGraded = true;
  for (const entry of readJsonLines(file, batchLineSchema)) {
    let out: object;
    if (entry.ok) {
      try {
        const { verdict, score, matched, missed, flags, confidence, confidenceReasons } = grade(
          entry.value.question,
          entry.value.answer,
        );
        out = { question: entry.value.question, verdict, score, matched, missed, flags, confidence, confidenceReasons };
      } catch (error) {
        out = failed(entry.file, entry.line, entry.value.question, (error as Error).message);
      }
    } else {
      out = failed(entry.file, entry.line, entry.question, entry.error);
    }
    allGraded &&= !("error" in out);
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return allGraded;
}

function failed(
  file: string,
  line: number,
  question: string | null,
  message: string,
): { question: string | null; error: string } {
  process.stderr.write(`${file}:${line}: ${message}\n`);
  return { question, error: message };
}
