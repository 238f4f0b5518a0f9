/** The grading engine: pure, deterministic functions from a rubric and an answer to a verdict. */
export { gradeChoice, multiChoiceScore } from "./choice.ts";
export { gradeFreeText } from "./free-text.ts";
export { buildExemplarBank, type Exemplar } from "./exemplars.ts";
/** Compiles (and keeps) a rubric ahead of its first answer; grading compiles on demand otherwise. */
export { compile as prepareRubric } from "./compile.ts";
export { VERDICT_THRESHOLDS } from "./score.ts";
export type { GradeResult, Lexicon, ResolvedRubric, Verdict } from "./types.ts";
export { cell, cohensKappa, confusionMatrix, observedAgreement } from "./agreement.ts";
export type { Confusion } from "./agreement.ts";
export type { ResolvedConcept, ResolvedMisconception } from "./types.ts";
