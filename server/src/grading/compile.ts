import { Lexer } from "./lexer.ts";
import { markShadowed, type OptionPatterns } from "./mentions.ts";
import { expandSynonyms, toStems, type Pattern } from "./phrases.ts";
import type { Lexicon, ResolvedRubric } from "./types.ts";

export interface CompiledConcept {
  id: string;
  weight: number;
  required: boolean;
  hint: string;
  patterns: Pattern[];
  /** The patterns' stems joined by spaces, to tell its own terms from others'. */
  keys: Set<string>;
}

export interface CompiledMisconception {
  id: string;
  penalty: number;
  patterns: Pattern[];
  keys: Set<string>;
}

/** A rubric with every phrase already normalised, stemmed and synonym-expanded. */
export interface CompiledRubric {
  lexer: Lexer;
  /** Only the options the rubric's choice is between. */
  options: OptionPatterns[];
  expected: string[];
  concepts: CompiledConcept[];
  misconceptions: CompiledMisconception[];
  /** Every multi-word term (concept phrases, synonym-group members) a loose match must not cut into. */
  terms: Pattern[];
  totalWeight: number;
}

/** Rubrics and lexicons are long-lived content objects; compiling is keyed on their identity. */
const cache = new WeakMap<ResolvedRubric, WeakMap<Lexicon, CompiledRubric>>();

function lexerFor(rubric: ResolvedRubric, lexicon: Lexicon): Lexer {
  const phrases = [
    ...rubric.concepts.flatMap((c) => c.phrases),
    ...rubric.misconceptions.flatMap((m) => m.phrases),
    ...lexicon.options.flatMap((o) => [o.label, ...o.aliases]),
    ...lexicon.synonyms.flat(),
  ];
  const known = [
    ...rubric.concepts.flatMap((c) => [c.label, c.hint, c.explanation]),
    ...rubric.misconceptions.map((m) => m.explanation),
  ];
  return new Lexer({ phrases, known });
}

function patternsOf(lexer: Lexer, phrases: string[], groups: string[][][]): Pattern[] {
  const seen = new Map<string, Pattern>();
  for (const phrase of phrases) {
    const stems = toStems(lexer, phrase);
    if (stems.length === 0) continue;
    for (const variant of expandSynonyms(stems, groups)) seen.set(variant.join(" "), { stems: variant });
  }
  return [...seen.values()];
}

function build(rubric: ResolvedRubric, lexicon: Lexicon): CompiledRubric {
  const lexer = lexerFor(rubric, lexicon);
  const groups = lexicon.synonyms.map((g) => g.map((member) => toStems(lexer, member)).filter((s) => s.length > 0));
  const choiceIds = new Set([...(rubric.choice?.expected ?? []), ...(rubric.choice?.alternatives ?? [])]);
  const options = markShadowed(
    lexicon.options
      .filter((o) => choiceIds.has(o.id))
      .map((o) => ({ id: o.id, patterns: patternsOf(lexer, [o.label, ...o.aliases], []).map((p) => ({ ...p, shadowedBy: [] })) })),
  );
  const concepts = rubric.concepts.map((c) => {
    const patterns = patternsOf(lexer, c.phrases, groups);
    return { id: c.id, weight: c.weight, required: c.required, hint: c.hint, patterns, keys: keysOf(patterns) };
  });
  const misconceptions = rubric.misconceptions.map((m) => {
    const patterns = patternsOf(lexer, m.phrases, groups);
    return { id: m.id, penalty: m.penalty, patterns, keys: keysOf(patterns) };
  });
  const terms = new Map<string, Pattern>();
  for (const p of [...concepts.flatMap((c) => c.patterns), ...groups.flat().map((stems) => ({ stems }))]) {
    if (p.stems.length > 1) terms.set(p.stems.join(" "), p);
  }
  const totalWeight = concepts.reduce((sum, c) => sum + c.weight, 0);
  const expected = rubric.choice?.expected ?? [];
  return { lexer, options, expected, concepts, misconceptions, terms: [...terms.values()], totalWeight };
}

function keysOf(patterns: Pattern[]): Set<string> {
  return new Set(patterns.map((p) => p.stems.join(" ")));
}

/** The compiled form of `rubric` under `lexicon`, built on first use and reused after. */
export function compile(rubric: ResolvedRubric, lexicon: Lexicon): CompiledRubric {
  let byLexicon = cache.get(rubric);
  if (!byLexicon) {
    byLexicon = new WeakMap();
    cache.set(rubric, byLexicon);
  }
  let compiled = byLexicon.get(lexicon);
  if (!compiled) {
    compiled = build(rubric, lexicon);
    byLexicon.set(lexicon, compiled);
  }
  return compiled;
}
