import path from "node:path";
import {
  cell,
  cohensKappa,
  confusionMatrix,
  observedAgreement,
  type Confusion,
  type Verdict,
} from "../../grading/index.ts";
import type { Grader } from "./bank.ts";
import { calibrationLineSchema, readJsonLines } from "./lines.ts";

const VERDICTS: readonly Verdict[] = ["correct", "partial", "incorrect"];

interface Graded {
  slug: string;
  answer: string;
  label: Verdict;
  verdict: Verdict;
  score: number;
  flags: string[];
}

function gradeFiles(files: string[], grade: Grader): { graded: Graded[]; errors: number } {
  const graded: Graded[] = [];
  let errors = 0;
  for (const file of files) {
    for (const entry of readJsonLines(file, calibrationLineSchema)) {
      try {
        if (!entry.ok) throw new Error(entry.error);
        const { question, answer, label } = entry.value;
        // A file measured may be one the grader learns from: its own answers never vote on it.
        const result = grade(question, answer, path.basename(file));
        graded.push({ slug: question, answer: String(answer), label, ...result });
      } catch (error) {
        process.stderr.write(`${entry.file}:${entry.line}: ${(error as Error).message}\n`);
        errors++;
      }
    }
  }
  return { graded, errors };
}

function matrixLines(c: Confusion<Verdict>): string[] {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const header = `${"human \\ engine".padEnd(16)}${VERDICTS.map((v) => pad(v, 11)).join("")}`;
  return [header, ...VERDICTS.map((h) => `${h.padEnd(16)}${VERDICTS.map((e) => pad(cell(c, h, e), 11)).join("")}`)];
}

function disagreementLines(graded: Graded[]): string[] {
  return graded
    .filter((g) => g.label !== g.verdict)
    .flatMap((g) => [
      `- ${g.slug}  label=${g.label} verdict=${g.verdict} score=${g.score} flags=[${g.flags.join(", ")}]`,
      `    ${g.answer}`,
    ]);
}

/** Prints the agreement report for the labelled files; returns false when a line could not be graded. */
export function runCalibration(files: string[], grade: Grader): boolean {
  const { graded, errors } = gradeFiles(files, grade);
  const c = confusionMatrix(
    VERDICTS,
    graded.map((g) => [g.label, g.verdict] as const),
  );
  const agreed = graded.filter((g) => g.label === g.verdict).length;
  const report = [
    `calibration: ${files.join(", ")} (${c.total} answers${errors > 0 ? `, ${errors} line${errors === 1 ? "" : "s"} skipped` : ""})`,
    "",
    ...matrixLines(c),
    "",
    `agreement: ${(observedAgreement(c) * 100).toFixed(1)}% (${agreed}/${c.total})`,
    `cohen's kappa: ${cohensKappa(c).toFixed(3)}`,
    `incorrect graded correct: ${cell(c, "incorrect", "correct")}`,
    "",
    `disagreements (${c.total - agreed}):`,
    ...disagreementLines(graded),
  ];
  process.stdout.write(`${report.join("\n")}\n`);
  return errors === 0;
}
