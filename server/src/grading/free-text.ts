import { findCommitment, type Commitment } from "./commitment.ts";
import { compile, type CompiledRubric } from "./compile.ts";
import { isKeywordList } from "./keyword-list.ts";
import { lazily } from "./lazily.ts";
import { ABSENT, findPhrase, findTermSpans, type Analysis } from "./match.ts";
import { findEchoed } from "./echo.ts";
import { findWrongFacts } from "./facts.ts";
import { findMentions, resolveFamilies, type Mention } from "./mentions.ts";
import { analyzeNegation } from "./negation.ts";
import { indexStems, type Pattern } from "./phrases.ts";
import { findReported } from "./reported.ts";
import { findSupposed } from "./supposed.ts";
import { findRetracted } from "./retraction.ts";
import { isUndecided } from "./undecided.ts";
import { assessConfidence } from "./confidence.ts";
import { reconcileWithExemplars } from "./consensus.ts";
import type { VoteOptions } from "./exemplars.ts";
import { CONTRADICTION_PENALTY, decide } from "./score.ts";
import type { GradeResult, Lexicon, ResolvedRubric } from "./types.ts";
import type { Spelling } from "./vocabulary.ts";

function empty(compiled: CompiledRubric): GradeResult {
  return {
    score: 0,
    verdict: "incorrect",
    matched: [],
    missed: compiled.concepts.map((c) => ({ concept: c.id, hint: c.hint })),
    flags: ["empty"],
    confidence: "high",
    confidenceReasons: [],
    ...(compiled.options.length > 0 ? { choice: { expected: compiled.expected, committed: [] } } : {}),
  };
}

function analyze(
  compiled: CompiledRubric,
  answer: string,
  spellings: Spelling[] | undefined,
): { a: Analysis; mentions: Mention[]; changedMind: boolean } {
  const tokens = compiled.lexer.lex(answer, true, spellings);
  const index = indexStems(tokens);
  const named = findMentions(compiled.options, tokens, index);
  // Resolving a family name changes which option a mention is, never where it is: negation scopes stay valid.
  const negation = analyzeNegation(tokens, named);
  const paradigms = findMentions(compiled.generic, tokens, index).filter((p) => negation.negatedBy[p.from] === -1);
  const mentions = resolveFamilies(named, paradigms, tokens, compiled.paradigmOf);
  const terms = lazily(() => findTermSpans(compiled.terms, tokens, index));
  const retracted = findRetracted(tokens, answer);
  const reported = findReported(tokens, answer);
  const disowned = retracted.map((r, i) => r | reported[i]!);
  const echoed = findEchoed(tokens, compiled.promptRuns);
  const supposed = findSupposed(tokens);
  return {
    a: { answer, tokens, index, negation, disowned, echoed, supposed, terms },
    mentions,
    changedMind: retracted.includes(1),
  };
}

/** Typo flag only when a corrected word actually counted towards the grade. */
function usedCorrection(a: Analysis, used: number[][], mentions: Mention[]): boolean {
  for (let i = 0; i < a.tokens.length; i++) {
    if (!a.tokens[i]!.corrected) continue;
    for (const m of mentions) if (m.from <= i && i <= m.to) return true;
    for (const u of used) if (u.includes(i)) return true;
  }
  return false;
}

interface Reasoning {
  matched: GradeResult["matched"];
  looseCount: number;
  missed: GradeResult["missed"];
  matchedWeight: number;
  requiredMissed: boolean;
  requiredMissedCount: number;
  anyNegated: boolean;
  /** Token indexes each matched concept used, for the typo flag. */
  used: number[][];
}

/**
 * Per concept, the patterns whose stems the answer all holds, in the rubric's order. The earliest
 * match wins and two matches of one span start on the same word, so come from patterns with the same first stem:
 * the rubric's order settles such ties as any order would that keeps it within each first stem.
 */
function candidatesOf(compiled: CompiledRubric, a: Analysis): Pattern[][] {
  const { conceptPatterns, conceptOf } = compiled;
  const out = compiled.concepts.map((): Pattern[] => []);
  for (const r of conceptPatterns.held(a.index)) out[conceptOf[r]!]!.push(conceptPatterns.patterns[r]!);
  return out;
}

/** Which concepts the answer asserts; words describing a rejected option don't count. */
function scoreConcepts(compiled: CompiledRubric, a: Analysis, contradicted: Set<string>): Reasoning {
  const r: Reasoning = {
    matched: [],
    missed: [],
    matchedWeight: 0,
    looseCount: 0,
    requiredMissed: false,
    requiredMissedCount: 0,
    anyNegated: false,
    used: [],
  };
  const candidates = candidatesOf(compiled, a);
  for (let i = 0; i < compiled.concepts.length; i++) {
    const concept = compiled.concepts[i]!;
    const hit = contradicted.has(concept.id)
      ? ABSENT
      : findPhrase(candidates[i]!, concept.keys, a, true, concept.loose);
    if (hit.state === "matched") {
      r.matched.push({ concept: concept.id, evidence: hit.evidence! });
      r.used.push(hit.used!);
      r.matchedWeight += concept.weight;
      if (hit.loose) r.looseCount++;
    } else {
      r.missed.push({ concept: concept.id, hint: concept.hint });
      r.requiredMissed ||= concept.required;
      if (concept.required) r.requiredMissedCount++;
      r.anyNegated ||= hit.state === "negated";
    }
  }
  return r;
}

/** Penalties of the misconceptions the answer states (denied ones don't count), with their flags. */
function findMisconceptions(compiled: CompiledRubric, a: Analysis): { penalties: number[]; flags: string[] } {
  const stated = compiled.misconceptions.filter((m) => findPhrase(m.patterns, m.keys, a, false).state === "matched");
  return { penalties: stated.map((m) => m.penalty), flags: stated.map((m) => `misconception:${m.id}`) };
}

/**
 * The answer's choice; when it names no framework at all, a paradigm that holds only right frameworks ("run a batch job"
 * where Spark batch is the answer) is the right choice stated generically.
 */
function commit(compiled: CompiledRubric, a: Analysis, mentions: Mention[]): Commitment {
  const named = findCommitment(a.tokens, mentions, a.negation, compiled.expected, a.disowned, a.answer);
  if (named.outcome !== "none" || compiled.genericExpected.length === 0) return named;
  if (findMentions(compiled.frameworks, a.tokens, a.index).length > 0) return named;
  const generic = findMentions(compiled.generic, a.tokens, a.index);
  if (generic.length === 0) return named;
  const negation = analyzeNegation(a.tokens, generic);
  const stated = findCommitment(a.tokens, generic, negation, compiled.genericExpected, a.disowned, a.answer);
  if (stated.outcome !== "right") return named;
  return { ...named, outcome: "right", flags: ["generic-choice"], hedged: stated.hedged };
}

/** Which question an answer is to, so labelled answers to it can vote; `withoutSource` leaves one source out. */
export interface ExemplarQuery extends VoteOptions {
  slug: string;
}

/**
 * The rubric's grade, checked against labelled answers to the same question when the lexicon holds some and the
 * question is named (consensus.ts says how the two are reconciled).
 */
export function gradeFreeText(
  rubric: ResolvedRubric,
  lexicon: Lexicon,
  answer: string,
  question?: ExemplarQuery,
): GradeResult {
  // The vote reads the answer's words as the rubric's lexer found them, rather than finding them again.
  const spellings = question && lexicon.exemplars ? wordsRead : undefined;
  if (spellings) spellings.length = 0;
  const result = gradeByRubric(rubric, lexicon, answer, spellings);
  if (!question || !lexicon.exemplars || result.flags.includes("empty")) return result;
  return reconcileWithExemplars(result, lexicon.exemplars.vote(question.slug, answer, question, spellings), answer);
}

/** The spellings of the answer being graded, reused from one answer to the next (grading is single-threaded). */
const wordsRead: Spelling[] = [];

function gradeByRubric(rubric: ResolvedRubric, lexicon: Lexicon, answer: string, spellings?: Spelling[]): GradeResult {
  const compiled = compile(rubric, lexicon);
  const { a, mentions, changedMind } = analyze(compiled, answer, spellings);
  if (a.tokens.length === 0) return empty(compiled);

  const commitment = rubric.choice ? commit(compiled, a, mentions) : undefined;
  const wrongFacts = findWrongFacts(compiled.facts, a);
  const reasoning = scoreConcepts(compiled, a, new Set(wrongFacts.map((f) => f.concept)));
  const misconceptions = findMisconceptions(compiled, a);
  // A wrong fact about a point the question asks for, or about the option it is about, contradicts its core;
  // anything else is a side error.
  const coreErrors = wrongFacts.filter(
    (f) => compiled.conceptIds.has(f.concept) || compiled.facts.subjects.has(f.option),
  );
  const keywordList = isKeywordList(a.tokens, answer);
  const undecided = isUndecided(answer);
  const typoCorrected = usedCorrection(a, reasoning.used, mentions);
  const flags = [
    ...(commitment?.flags ?? []),
    ...(reasoning.anyNegated ? ["negated-concept"] : []),
    ...misconceptions.flags,
    ...wrongFacts.map((f) => `wrong-fact:${f.concept}`),
    ...(keywordList ? ["keyword-list"] : []),
    ...(undecided ? ["undecided"] : []),
    ...(commitment?.hedged ? ["hedged"] : []),
    ...(typoCorrected ? ["typo-corrected"] : []),
  ];
  const decision = decide({
    matchedWeight: reasoning.matchedWeight,
    matchedCount: reasoning.matched.length,
    totalWeight: compiled.totalWeight,
    requiredMissed: reasoning.requiredMissed,
    requiredMissedCount: reasoning.requiredMissedCount,
    allRequiredMissed: reasoning.requiredMissedCount > 0 && reasoning.requiredMissedCount === compiled.requiredCount,
    penalties: [...misconceptions.penalties, ...coreErrors.map(() => CONTRADICTION_PENALTY)],
    sideError: wrongFacts.length > coreErrors.length,
    choice: commitment?.outcome,
    genericChoice: commitment?.flags.includes("generic-choice"),
    keywordList,
    undecided,
  });
  const choice = commitment ? { choice: { expected: compiled.expected, committed: commitment.committed } } : {};
  const confidence = assessConfidence({
    score: decision.score,
    verdict: decision.verdict,
    words: a.tokens.length,
    matchedCount: reasoning.matched.length,
    looseCount: reasoning.looseCount,
    retracted: changedMind,
    requiredWaived: decision.requiredWaived,
    statedError:
      wrongFacts.length > 0 ||
      misconceptions.penalties.length > 0 ||
      keywordList ||
      undecided ||
      (commitment !== undefined && !["right", "none"].includes(commitment.outcome)),
    negatedPoint: reasoning.anyNegated,
  });
  return {
    score: decision.score,
    verdict: decision.verdict,
    matched: reasoning.matched,
    missed: reasoning.missed,
    flags,
    ...choice,
    ...confidence,
  };
}
