import { gradeFreeText, type Lexicon, type ResolvedRubric, type Verdict } from "../grading/index.ts";

export interface PreviewAnswer {
  answerId: string;
  text: string;
  /** The mentor's ruling on the answer, when there is one. */
  ruling?: Verdict;
}

/**
 * Regrades the answers in memory under the current rubric and under the rubric with the phrase, through the same
 * path the app grades with (rubric + exemplar vote for the slug). Agreement is over ruled answers only.
 */
export function regradePreview(
  answers: readonly PreviewAnswer[],
  grader: { lexicon: Lexicon; slug: string; current: ResolvedRubric; proposed: ResolvedRubric },
) {
  const verdict = (rubric: ResolvedRubric, text: string) =>
    gradeFreeText(rubric, grader.lexicon, text, { slug: grader.slug }).verdict;
  const graded = answers.map((a) => ({
    ...a,
    from: verdict(grader.current, a.text),
    to: verdict(grader.proposed, a.text),
  }));
  const ruled = graded.filter((g) => g.ruling !== undefined);
  const share = (pick: (g: (typeof graded)[number]) => Verdict) =>
    ruled.length ? round(ruled.filter((g) => pick(g) === g.ruling).length / ruled.length) : null;
  return {
    total: graded.length,
    changed: graded
      .filter((g) => g.from !== g.to)
      .map(({ answerId, from, to, ruling }) => ({ answerId, from, to, ...(ruling ? { ruling } : {}) })),
    agreementBefore: share((g) => g.from),
    agreementAfter: share((g) => g.to),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
