import { cohensKappa, confusionMatrix, observedAgreement, type Verdict } from "../grading/index.ts";

export const VERDICTS: readonly Verdict[] = ["correct", "partial", "incorrect"];

/**
 * One mentor ruling per answer: the latest override's verdict if there is one, otherwise the auto verdict when
 * a mentor confirmed it ("mark reviewed" without overriding = agreement). Mentors are the reference rater.
 */
export interface Ruling {
  answerId: string;
  question: string;
  /** What a person reads for the question (as of the answer's version). */
  title: string;
  answer: string;
  /** The answer as stored (text, or choice ids), for calibration lines. */
  response: string | string[];
  auto: Verdict;
  mentor: Verdict;
  /** When the owner disputed the grade and a mentor's ruling settled it: how. */
  dispute?: "upheld" | "rejected";
}

interface QuestionAgreement {
  question: string;
  title: string;
  rulings: number;
  disagreements: number;
  agreement: number;
  kappa: number;
}

export function agreementReport(rulings: readonly Ruling[], top = 10) {
  const overall = confusionMatrix(
    VERDICTS,
    rulings.map((r) => [r.mentor, r.auto] as const),
  );
  const byQuestion = new Map<string, Ruling[]>();
  for (const r of rulings) byQuestion.set(r.question, [...(byQuestion.get(r.question) ?? []), r]);
  const perQuestion: QuestionAgreement[] = [...byQuestion.entries()].map(([question, rs]) => {
    const c = confusionMatrix(
      VERDICTS,
      rs.map((r) => [r.mentor, r.auto] as const),
    );
    return {
      question,
      // The latest answer's version words it as the bank does now.
      title: rs.at(-1)!.title,
      rulings: rs.length,
      disagreements: rs.filter((r) => r.mentor !== r.auto).length,
      agreement: round(observedAgreement(c)),
      kappa: round(cohensKappa(c)),
    };
  });
  perQuestion.sort(
    (a, b) =>
      b.disagreements / b.rulings - a.disagreements / a.rulings ||
      b.disagreements - a.disagreements ||
      a.question.localeCompare(b.question),
  );
  return {
    total: overall.total,
    labels: VERDICTS,
    /** matrix[i][j]: mentor said labels[i], the grader labels[j]. */
    matrix: overall.matrix,
    agreement: round(observedAgreement(overall)),
    kappa: round(cohensKappa(overall)),
    perQuestion,
    mostDisagreed: perQuestion.filter((q) => q.disagreements > 0).slice(0, top),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export const answerText = (response: unknown): string =>
  Array.isArray(response) ? response.join(", ") : String(response ?? "");
