import { lazily } from "./lazily.ts";
import type { Lexer } from "./lexer.ts";
import { allMarked, isNegated, type Analysis } from "./match.ts";
import { findMentions, markShadowed, type Mention, type OptionPatterns } from "./mentions.ts";
import { CONDEMNING_WORDS, LIST_CONNECTORS, TOO_WHAT } from "./cues.ts";
import { findMatches, indexStems, PatternTable, toPattern, type Match, type Pattern } from "./phrases.ts";
import { FUNCTION_WORD } from "./words.ts";
import type { Lexicon } from "./types.ts";

/** A point said of an option it is not true of ("Flink micro-batches"), or denied of one it is ("Flink has no exactly-once"). */
export interface WrongFact {
  concept: string;
  option: string;
  denied: boolean;
  evidence: string;
}

interface CompiledFact {
  concept: string;
  trueOf: Set<string>;
  /** The categories of the options it is true of (framework, architecture). */
  kinds: Set<string>;
  patterns: Pattern[];
  contrary: Pattern[];
}

/** One wording of a fact's claim (or, `contrary`, of its denial). */
interface Claim {
  fact: number;
  pattern: Pattern;
  contrary: boolean;
}

export interface CompiledFacts {
  /** Every framework and architecture, whatever the question asks about: facts are pinned to any of them. */
  options: OptionPatterns[];
  /** Each option's category: a point about an architecture says nothing about a framework, and the reverse. */
  categoryOf: Map<string, string>;
  facts: CompiledFact[];
  /** Every fact's claims, in the order they are tried: fact by fact, its claims before its denials. */
  claims: Claim[];
  /** Their patterns, by rank: an answer holds the stems of few of the ~120. */
  claimPatterns: PatternTable;
  /** The options the question is about (named in its prompt, or its expected choice): a wrong fact about them is core. */
  subjects: Set<string>;
  /**
   * The one architecture a question without a choice asks about ("What is the Kappa architecture?"): a claim
   * naming no option is about it. Absent when the question asks for a choice or names anything else.
   */
  implicitSubject?: string;
}

/** A name right after these is what the subject is compared with, not the subject: "unlike Flink, …". */
const COMPARISON_WORDS = new Set(["unlike", "than", "like", "versus", "vs", "over", "compared", "whereas"]);

function patternsFor(lexer: Lexer, phrases: string[]): Pattern[] {
  return phrases.map((phrase) => toPattern(lexer, phrase)).filter((p) => p.stems.length > 0);
}

export function compileFacts(
  lexicon: Lexicon,
  lexer: Lexer,
  prompt: string | undefined,
  expected: string[],
): CompiledFacts {
  const options = markShadowed(
    lexicon.options
      .filter((o) => o.category !== "paradigm")
      .map((o) => ({
        id: o.id,
        patterns: [o.label, ...o.aliases].map((name) => ({ ...toPattern(lexer, name), shadowedBy: [] as string[] })),
      })),
  );
  const categoryOf = new Map(lexicon.options.map((o) => [o.id, o.category ?? "framework"]));
  const facts = (lexicon.facts ?? []).map((f) => ({
    concept: f.concept,
    trueOf: new Set(f.trueOf),
    kinds: new Set(f.trueOf.flatMap((o) => categoryOf.get(o) ?? [])),
    // Claims are the exact wordings that pin a point on an option; synonym variants would reach too far.
    patterns: patternsFor(lexer, f.claims),
    contrary: patternsFor(lexer, f.contrary ?? []),
  }));
  const claims = facts.flatMap((f, fact) => [
    ...f.patterns.map((pattern) => ({ fact, pattern, contrary: false })),
    ...f.contrary.map((pattern) => ({ fact, pattern, contrary: true })),
  ]);
  const promptTokens = lexer.lex(prompt ?? "", false);
  const named = new Set(findMentions(options, promptTokens, indexStems(promptTokens)).map((m) => m.option));
  // Only an architecture question is about one thing throughout; a framework question's unnamed claims are as
  // often about the alternatives ("its small batches eat the budget").
  const only = named.size === 1 ? [...named][0] : undefined;
  const architecture = lexicon.options.find((o) => o.id === only)?.category === "architecture";
  const implicitSubject = expected.length === 0 && architecture ? only : undefined;
  return {
    options,
    categoryOf,
    facts,
    claims,
    claimPatterns: new PatternTable(claims.map((c) => c.pattern)),
    subjects: new Set([...named, ...expected]),
    ...(implicitSubject && { implicitSubject }),
  };
}

/** A point right after these is what the subject is set against, not what it has: "unlike micro-batch engines". */
const CONTRAST_WORDS = new Set(["unlike", "than", "versus", "vs", "instead", "opposed", "compared", "whereas"]);

/**
 * "Flink handles each event as it comes, unlike micro-batch engines", "rather than micro-batching": the nearest
 * word before the point, past grammar words ("of", "to", "a"), sets it against the subject.
 */
function isContrasted(m: Match, a: Analysis): boolean {
  const clause = a.tokens[m.from]!.clause;
  for (let i = m.from - 1; i >= 0 && a.tokens[i]!.clause === clause; i--) {
    const t = a.tokens[i]!;
    if (CONTRAST_WORDS.has(t.word)) return true;
    if ((t.classes & FUNCTION_WORD) === 0) return false;
  }
  return false;
}

/** "micro-batch floor too slow", "micro-batching is overkill": the point is raised against something, not claimed. */
function isCondemned(m: Match, a: Analysis): boolean {
  const seg = a.tokens[m.from]!.seg;
  for (let i = m.to + 1; i < a.tokens.length && a.tokens[i]!.seg === seg; i++) {
    const word = a.tokens[i]!.word;
    if (CONDEMNING_WORDS.has(word) || (word === "too" && TOO_WHAT.has(a.tokens[i + 1]?.word ?? ""))) return true;
  }
  return false;
}

/**
 * In notes ("Flink: lightweight checkpoints", "KS -> Kafka transactions") the subject is the name just before
 * the colon or arrow that opens the claim's clause.
 */
function noteSubject(m: Match, mentions: Mention[], a: Analysis): Mention | undefined {
  const clause = a.tokens[m.from]!.clause;
  let start = m.from;
  while (start > 0 && a.tokens[start - 1]!.clause === clause) start--;
  const prev = a.tokens[start - 1];
  if (!prev || !/:|->|=/.test(a.answer.slice(prev.end, a.tokens[start]!.start))) return undefined;
  const last = mentions.filter((x) => x.to === start - 1).at(-1);
  return last;
}

/** Only grammar words stand between the clause start and the claim: the claim is the clause's subject. */
function opensClause(m: Match, a: Analysis): boolean {
  const clause = a.tokens[m.from]!.clause;
  for (let i = m.from - 1; i >= 0 && a.tokens[i]!.clause === clause; i--) {
    if ((a.tokens[i]!.classes & FUNCTION_WORD) === 0) return false;
  }
  return true;
}

/** Only list connectors stand between the two names. */
function joined(x: Mention, y: Mention, a: Analysis): boolean {
  for (let i = x.to + 1; i < y.from; i++) if (!LIST_CONNECTORS.has(a.tokens[i]!.word)) return false;
  return true;
}

/** Names listed together ("Lambda/Kappa", "Flink or Kafka Streams") share what is said of them. */
function listAround(subject: Mention, inClause: Mention[], a: Analysis): Mention[] {
  const at = inClause.indexOf(subject);
  if (at < 0) return [subject];
  let from = at;
  let to = at;
  while (from > 0 && joined(inClause[from - 1]!, inClause[from]!, a)) from--;
  while (to < inClause.length - 1 && joined(inClause[to]!, inClause[to + 1]!, a)) to++;
  return inClause.slice(from, to + 1);
}

const PRONOUNS = new Set(["it", "its"]);
const OBJECT_MARKERS = new Set(["for", "to", "on", "from"]);

/** "a steep learning curve for a Spark team": a name after a preposition is who a point affects, not what has it. */
const isObject = (x: Mention, a: Analysis) =>
  OBJECT_MARKERS.has(a.tokens[x.from - 1]?.word ?? "") || OBJECT_MARKERS.has(a.tokens[x.from - 2]?.word ?? "");

/**
 * "Switch to Structured Streaming. It's event-at-a-time under the hood": a clause opening with "it" speaks of the
 * one option the clause before it named. With several named there, the pronoun is left unresolved.
 */
function pronounAntecedent(m: Match, mentions: Mention[], a: Analysis): Mention | undefined {
  const clause = a.tokens[m.from]!.clause;
  let start = m.from;
  while (start > 0 && a.tokens[start - 1]!.clause === clause) start--;
  if (!PRONOUNS.has(a.tokens[start]!.word) || start === 0) return undefined;
  const previous = a.tokens[start - 1]!.clause;
  const named = mentions.filter((x) => a.tokens[x.from]!.clause === previous);
  return new Set(named.map((x) => x.option)).size === 1 ? named.at(-1) : undefined;
}

/**
 * What a claim is said of: the nearest name before it in its clause (the subject), or, when the claim opens
 * its clause, the nearest after it ("micro-batching is what Structured Streaming does"). A name being compared
 * with ("unlike Flink") or rejected ("no Flink cluster") leaves the claim unattached rather than pinning it on
 * the wrong side. Returns the names listed together with the subject.
 */
function subjectOf(m: Match, mentions: Mention[], a: Analysis): Mention[] | "none" {
  const clause = a.tokens[m.from]!.clause;
  const inClause = mentions.filter((x) => a.tokens[x.from]!.clause === clause && (x.to < m.from || x.from > m.to));
  const before = inClause.filter((x) => x.to < m.from).at(-1);
  const after = opensClause(m, a) ? inClause.find((x) => x.from > m.to) : undefined;
  const subject = before ?? (after && !isObject(after, a) ? after : undefined) ?? noteSubject(m, mentions, a);
  if (!subject) {
    const antecedent = inClause.length === 0 ? pronounAntecedent(m, mentions, a) : undefined;
    if (antecedent) return [antecedent];
    return inClause.length === 0 ? "none" : [];
  }
  if (COMPARISON_WORDS.has(a.tokens[subject.from - 1]?.word ?? "")) return [];
  if (a.negation.negatedBy[subject.from]! >= 0) return [];
  return listAround(subject, inClause, a);
}

/** Facts pinned on the wrong option, or denied of the right one. At most one per concept. */
export function findWrongFacts(compiled: CompiledFacts, a: Analysis): WrongFact[] {
  const out: WrongFact[] = [];
  // Names are looked for only once some claim occurs: most answers make none of the checked claims.
  const mentions = lazily(() => findMentions(compiled.options, a.tokens, a.index));
  const held = compiled.claimPatterns.held(a.index);
  let settled = -1;
  for (let k = 0; k < held.length; k++) {
    const claim = compiled.claims[held[k]!]!;
    if (claim.fact === settled) continue;
    const found = wrongClaim(compiled.facts[claim.fact]!, claim, mentions, compiled, a);
    if (found) {
      out.push(found);
      settled = claim.fact;
    }
  }
  return out;
}

/**
 * The first occurrence of `claim` that is wrong of its subject. A `contrary` claim denies the point without a
 * negator ("Spark batch struggles with large volumes" against high throughput).
 */
function wrongClaim(
  fact: CompiledFact,
  { pattern, contrary }: Claim,
  mentions: () => Mention[],
  { implicitSubject, categoryOf }: CompiledFacts,
  a: Analysis,
): WrongFact | undefined {
  const matches = findMatches(pattern, a.tokens, a.index);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (allMarked(m.used, a.disowned)) continue;
    if (isCondemned(m, a) || isContrasted(m, a)) continue;
    const found = subjectOf(m, mentions(), a);
    const subjects = found === "none" ? [] : found;
    // "Flink as the speed layer", "with Spark and Flink, two codebases": a framework filling a part of an
    // architecture is not a claim about which architecture has that part.
    if (subjects.length > 0 && subjects.every((s) => !fact.kinds.has(categoryOf.get(s.option)!))) continue;
    const denied = isNegated(m, a.negation) !== contrary;
    // Unnamed, only an assertion is pinned on the question's subject: a denial may be about anything.
    if (subjects.length === 0 && (found !== "none" || !implicitSubject || denied)) continue;
    // A bare "Spark" names the family: a point true of any Spark counts as true of it.
    const family = subjects.length > 0 ? subjects.flatMap((s) => [s.option, ...s.shadowedBy]) : [implicitSubject!];
    const wrong = denied ? family.every((o) => fact.trueOf.has(o)) : !family.some((o) => fact.trueOf.has(o));
    if (!wrong) continue;
    const subject = subjects[0];
    const from = subject ? Math.min(m.from, subject.from) : m.from;
    const to = subject ? Math.max(m.to, subject.to) : m.to;
    const evidence = a.answer.slice(a.tokens[from]!.start, a.tokens[to]!.end);
    return { concept: fact.concept, option: subject?.option ?? implicitSubject!, denied, evidence };
  }
  return undefined;
}
