import { findCommitment, type Commitment } from "./commitment.ts";
import { compile, type CompiledRubric } from "./compile.ts";
import { isKeywordList } from "./keyword-list.ts";
import { findPhrase, findTermSpans, type Analysis } from "./match.ts";
import { findMentions, type Mention } from "./mentions.ts";
import { analyzeNegation } from "./negation.ts";
import { indexStems } from "./phrases.ts";
import { decide } from "./score.ts";
import type { GradeResult, Lexicon, ResolvedRubric } from "./types.ts";

function empty(compiled: CompiledRubric): GradeResult {
  return {
    score: 0,
    verdict: "incorrect",
    matched: [],
    missed: compiled.concepts.map((c) => ({ concept: c.id, hint: c.hint })),
    flags: ["empty"],
    ...(compiled.options.length > 0 ? { choice: { expected: compiled.expected, committed: [] } } : {}),
  };
}

function analyze(compiled: CompiledRubric, answer: string): { a: Analysis; mentions: Mention[] } {
  const tokens = compiled.lexer.lex(answer, true);
  const index = indexStems(tokens);
  const mentions = findMentions(compiled.options, tokens, index);
  const terms = findTermSpans(compiled.terms, tokens, index);
  return { a: { answer, tokens, index, negation: analyzeNegation(tokens, mentions), terms }, mentions };
}

/** Typo flag only when a corrected word actually counted towards the grade. */
function usedCorrection(a: Analysis, used: number[][], mentions: Mention[]): boolean {
  const inMention = (i: number) => mentions.some((m) => m.from <= i && i <= m.to);
  return a.tokens.some((t, i) => t.corrected && (inMention(i) || used.some((u) => u.includes(i))));
}

export function gradeFreeText(rubric: ResolvedRubric, lexicon: Lexicon, answer: string): GradeResult {
  const compiled = compile(rubric, lexicon);
  const { a, mentions } = analyze(compiled, answer);
  if (a.tokens.length === 0) return empty(compiled);

  const commitment: Commitment | undefined = rubric.choice
    ? findCommitment(a.tokens, mentions, a.negation, compiled.expected)
    : undefined;
  const flags: string[] = [...(commitment?.flags ?? [])];
  const matched: GradeResult["matched"] = [];
  const missed: GradeResult["missed"] = [];
  const used: number[][] = [];
  let matchedWeight = 0;
  let requiredMissed = false;
  for (const concept of compiled.concepts) {
    const hit = findPhrase(concept.patterns, concept.keys, a, true);
    if (hit.state === "matched") {
      matched.push({ concept: concept.id, evidence: hit.evidence! });
      used.push(hit.used!);
      matchedWeight += concept.weight;
    } else {
      missed.push({ concept: concept.id, hint: concept.hint });
      requiredMissed ||= concept.required;
      if (hit.state === "negated" && !flags.includes("negated-concept")) flags.push("negated-concept");
    }
  }
  const penalties: number[] = [];
  for (const m of compiled.misconceptions) {
    const hit = findPhrase(m.patterns, m.keys, a, false);
    if (hit.state !== "matched") continue;
    penalties.push(m.penalty);
    flags.push(`misconception:${m.id}`);
  }
  const keywordList = isKeywordList(a.tokens);
  if (keywordList) flags.push("keyword-list");
  if (commitment?.hedged) flags.push("hedged");
  if (usedCorrection(a, used, mentions)) flags.push("typo-corrected");

  const { totalWeight } = compiled;
  const decision = decide({ matchedWeight, totalWeight, requiredMissed, penalties, choice: commitment?.outcome, keywordList });
  const choice = commitment ? { choice: { expected: compiled.expected, committed: commitment.committed } } : {};
  return { ...decision, matched, missed, flags, ...choice };
}
