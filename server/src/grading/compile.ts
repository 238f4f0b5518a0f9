import { FORWARD_NEGATORS } from "./cues.ts";
import { promptRuns, type PromptRuns } from "./echo.ts";
import { compileFacts, type CompiledFacts } from "./facts.ts";
import { Lexer } from "./lexer.ts";
import { markShadowed, type OptionPatterns } from "./mentions.ts";
import type { TermPattern } from "./match.ts";
import {
  expandSynonyms,
  loosePattern,
  patternOf,
  PatternTable,
  toStems,
  type LoosePattern,
  type Pattern,
} from "./phrases.ts";
import type { Lexicon, ResolvedRubric } from "./types.ts";

interface CompiledConcept {
  id: string;
  weight: number;
  required: boolean;
  hint: string;
  patterns: Pattern[];
  /** Order-free forms of its phrases of three or more content words, tried when none matches in order. */
  loose: LoosePattern[];
  /** The patterns' stems joined by spaces, to tell its own terms from others'. */
  keys: Set<string>;
}

interface CompiledMisconception {
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
  /**
   * Paradigms the choice's frameworks belong to ("a batch job", "some streaming tool"), read when no framework is
   * committed; `genericExpected` holds those whose every framework in the choice is expected, so naming the paradigm
   * names the right choice generically.
   */
  generic: OptionPatterns[];
  genericExpected: string[];
  /** Each framework's paradigm ("spark-streaming" → "streaming"): a family name beside a paradigm word names a member. */
  paradigmOf: Map<string, string>;
  /** Every framework's names, choice or not: an answer naming any framework is not read generically. */
  frameworks: OptionPatterns[];
  concepts: CompiledConcept[];
  misconceptions: CompiledMisconception[];
  /** Every concept's patterns in one table, concept by concept; pattern r is concept `conceptOf[r]`'s. */
  conceptPatterns: PatternTable;
  conceptOf: number[];
  /** Every multi-word term (concept phrases, synonym-group members) a loose match must not cut into. */
  terms: PatternTable<TermPattern>;
  totalWeight: number;
  /** The rubric's concept ids, and how many of them are required. */
  conceptIds: Set<string>;
  requiredCount: number;
  /** Runs of the prompt's content words, to tell a copied phrase from one the answer says itself. */
  promptRuns: PromptRuns;
  /** Which points hold of which options, to catch a point pinned on the wrong one. */
  facts: CompiledFacts;
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

/**
 * A phrase naming two options or roles ("Spark for batch and Flink for streaming") says which does what, so
 * its words must keep their order: read reversed or reordered it says the opposite.
 */
function namesTwoRoles(stems: string[], roles: Set<string>): boolean {
  return new Set(stems.filter((s) => roles.has(s))).size >= 2;
}

/**
 * Two-word phrases also match the other way round ("acceptable latency" / "latency is acceptable"),
 * unless a negator makes the order matter ("not bounded") or the two words are roles ("batch spark").
 */
function withReversal(stems: string[], roles: Set<string>): string[][] {
  const [a, b] = stems;
  const reversible =
    stems.length === 2 &&
    a !== undefined &&
    b !== undefined &&
    !stems.some((s) => FORWARD_NEGATORS.has(s)) &&
    !namesTwoRoles(stems, roles);
  return reversible ? [stems, [b, a]] : [stems];
}

function patternsOf(
  lexer: Lexer,
  phrases: string[],
  groups: string[][][],
  roles: Set<string>,
  reversible = true,
): Pattern[] {
  const seen = new Map<string, Pattern>();
  for (const phrase of phrases) {
    const stems = toStems(lexer, phrase);
    if (stems.length === 0) continue;
    for (const variant of expandSynonyms(stems, groups)) {
      for (const order of reversible ? withReversal(variant, roles) : [variant])
        seen.set(order.join(" "), patternOf(lexer, order));
    }
  }
  return [...seen.values()];
}

function build(rubric: ResolvedRubric, lexicon: Lexicon): CompiledRubric {
  const lexer = lexerFor(rubric, lexicon);
  const groups = lexicon.synonyms.map((g) => g.map((member) => toStems(lexer, member)).filter((s) => s.length > 0));
  // Every word of an option's name ("spark", "batch", "flink", "stream", "kappa") is a role a phrase can assign.
  const roles = new Set(
    lexicon.options.flatMap((o) => [o.label, ...o.aliases].flatMap((name) => toStems(lexer, name))),
  );
  const choiceIds = new Set([...(rubric.choice?.expected ?? []), ...(rubric.choice?.alternatives ?? [])]);
  const namesOf = (o: Lexicon["options"][number]): OptionPatterns => ({
    id: o.id,
    patterns: patternsOf(lexer, [o.label, ...o.aliases], [], roles, false).map((p) => ({ ...p, shadowedBy: [] })),
  });
  const options = markShadowed(lexicon.options.filter((o) => choiceIds.has(o.id)).map(namesOf));
  const concepts = rubric.concepts.map((c) => {
    const patterns = patternsOf(lexer, c.phrases, groups, roles);
    const orderFree = patterns.filter((p) => !namesTwoRoles(p.stems, roles));
    return {
      id: c.id,
      weight: c.weight,
      required: c.required,
      hint: c.hint,
      patterns,
      loose: looseOf(orderFree),
      keys: keysOf(patterns),
    };
  });
  const misconceptions = rubric.misconceptions.map((m) => {
    // A misconception is a claim, and a claim read backwards is often another one ("batch ingestion" is not
    // "ingestion and batch"), so its two-word phrases keep their order.
    const patterns = patternsOf(lexer, m.phrases, groups, roles, false);
    return { id: m.id, penalty: m.penalty, patterns, keys: keysOf(patterns) };
  });
  const conceptPatterns = new PatternTable(concepts.flatMap((c) => c.patterns));
  const terms = new PatternTable(
    uniqueTerms([...conceptPatterns.patterns, ...groups.flat().map((stems) => patternOf(lexer, stems))]),
  );
  const totalWeight = concepts.reduce((sum, c) => sum + c.weight, 0);
  const expected = rubric.choice?.expected ?? [];
  const framed = lexicon.options.filter((o) => choiceIds.has(o.id) && o.paradigm !== undefined);
  const paradigms = lexicon.options.filter((o) => framed.some((f) => f.paradigm === o.id));
  const generic = markShadowed(paradigms.map(namesOf));
  const frameworks = lexicon.options.filter((o) => o.paradigm !== undefined).map(namesOf);
  const genericExpected = paradigms
    .filter((p) => framed.filter((f) => f.paradigm === p.id).every((f) => expected.includes(f.id)))
    .map((p) => p.id);
  const facts = compileFacts(lexicon, lexer, rubric.prompt, rubric.choice?.expected ?? []);
  const runs = promptRuns(lexer, rubric.prompt);
  const conceptIds = new Set(concepts.map((c) => c.id));
  const requiredCount = concepts.filter((c) => c.required).length;
  return {
    lexer,
    options,
    expected,
    generic,
    genericExpected,
    paradigmOf: new Map(lexicon.options.flatMap((o) => (o.paradigm ? [[o.id, o.paradigm] as const] : []))),
    frameworks,
    concepts,
    misconceptions,
    conceptPatterns,
    conceptOf: concepts.flatMap((c, i) => c.patterns.map(() => i)),
    terms,
    totalWeight,
    facts,
    promptRuns: runs,
    conceptIds,
    requiredCount,
  };
}

/** Multi-word patterns, deduplicated. */
function uniqueTerms(patterns: readonly Pattern[]): TermPattern[] {
  const byKey = new Map(patterns.filter((p) => p.stems.length > 1).map((p) => [p.stems.join(" "), p]));
  return [...byKey].map(([key, p]) => ({ ...p, key }));
}

/** One order-free pattern per distinct set of content stems (reversed two-word variants collapse too). */
function looseOf(patterns: Pattern[]): LoosePattern[] {
  const out = new Map<string, LoosePattern>();
  for (const p of patterns) {
    const loose = loosePattern(p);
    if (loose) out.set([...loose.stems].sort().join(" "), loose);
  }
  return [...out.values()];
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
