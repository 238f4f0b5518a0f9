/**
 * Time spent per question against its budget (`timeBudgetSeconds` in content, else the default for its type).
 * A question is slow when the candidate's median time exceeds the budget; sections aggregate their questions'
 * ratios (median / budget), so slow topics stand out. Slowest first.
 */
export interface QuestionTime {
  slug: string;
  title: string;
  section: string;
  answers: number;
  medianSeconds: number;
  budgetSeconds: number;
}

export function timeReport(questions: readonly QuestionTime[]) {
  const items = questions
    .map((q) => ({ ...q, ratio: round(q.medianSeconds / q.budgetSeconds), slow: q.medianSeconds > q.budgetSeconds }))
    .sort((a, b) => b.ratio - a.ratio || a.slug.localeCompare(b.slug));
  const bySection = new Map<string, { answers: number; ratioSum: number; questions: number; slow: number }>();
  for (const q of items) {
    const s = bySection.get(q.section) ?? { answers: 0, ratioSum: 0, questions: 0, slow: 0 };
    s.answers += q.answers;
    s.ratioSum += q.ratio;
    s.questions += 1;
    s.slow += q.slow ? 1 : 0;
    bySection.set(q.section, s);
  }
  const sections = [...bySection.entries()]
    .map(([section, s]) => ({
      section,
      answers: s.answers,
      questions: s.questions,
      slowQuestions: s.slow,
      meanRatio: round(s.ratioSum / s.questions),
    }))
    .sort((a, b) => b.meanRatio - a.meanRatio);
  return { questions: items, sections };
}

const round = (x: number) => Math.round(x * 100) / 100;
