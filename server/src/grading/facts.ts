import type { Lexer } from "./lexer.ts";
import { isNegated, type Analysis } from "./match.ts";
import { findMentions, markShadowed, type Mention, type OptionPatterns } from "./mentions.ts";
import { LIST_CONNECTORS } from "./cues.ts";
import { findMatches, indexStems, toStems, type Match, type Pattern } from "./phrases.ts";
import { FUNCTION_WORDS } from "./words.ts";
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
  patterns: Pattern[];
}

export interface CompiledFacts {
  /** Every framework and architecture, whatever the question asks about: facts are pinned to any of them. */
  options: OptionPatterns[];
  facts: CompiledFact[];
  /** The options the question is about (named in its prompt, or its expected choice): a wrong fact about them is core. */
  subjects: Set<string>;
}

/** A name right after these is what the subject is compared with, not the subject: "unlike Flink, …". */
const COMPARISON_WORDS = new Set(["unlike", "than", "like", "versus", "vs", "over", "compared", "whereas"]);

export function compileFacts(lexicon: Lexicon, lexer: Lexer, prompt: string | undefined, expected: string[]): CompiledFacts {
  const options = markShadowed(
    lexicon.options
      .filter((o) => o.category !== "paradigm")
      .map((o) => ({
        id: o.id,
        patterns: [o.label, ...o.aliases].map((name) => ({ stems: toStems(lexer, name), shadowedBy: [] as string[] })),
      })),
  );
  const facts = (lexicon.facts ?? []).map((f) => ({
    concept: f.concept,
    trueOf: new Set(f.trueOf),
    // Claims are the exact wordings that pin a point on an option; synonym variants would reach too far.
    patterns: f.claims.map((claim) => ({ stems: toStems(lexer, claim) })).filter((p) => p.stems.length > 0),
  }));
  const promptTokens = lexer.lex(prompt ?? "", false);
  const named = findMentions(options, promptTokens, indexStems(promptTokens)).map((m) => m.option);
  return { options, facts, subjects: new Set([...named, ...expected]) };
}

/** Only grammar words stand between the clause start and the claim: the claim is the clause's subject. */
function opensClause(m: Match, a: Analysis): boolean {
  const clause = a.tokens[m.from]!.clause;
  for (let i = m.from - 1; i >= 0 && a.tokens[i]!.clause === clause; i--) {
    if (!FUNCTION_WORDS.has(a.tokens[i]!.word)) return false;
  }
  return true;
}

/** Names listed together ("Lambda/Kappa", "Flink or Kafka Streams") share what is said of them. */
function listAround(subject: Mention, inClause: Mention[], a: Analysis): Mention[] {
  const joined = (x: Mention, y: Mention) => {
    for (let i = x.to + 1; i < y.from; i++) if (!LIST_CONNECTORS.has(a.tokens[i]!.word)) return false;
    return true;
  };
  const at = inClause.indexOf(subject);
  let from = at;
  let to = at;
  while (from > 0 && joined(inClause[from - 1]!, inClause[from]!)) from--;
  while (to < inClause.length - 1 && joined(inClause[to]!, inClause[to + 1]!)) to++;
  return inClause.slice(from, to + 1);
}

/**
 * What a claim is said of: the nearest name before it in its clause (the subject), or, when the claim opens
 * its clause, the nearest after it ("micro-batching is what Structured Streaming does"). A name being compared
 * with ("unlike Flink") or rejected ("no Flink cluster") leaves the claim unattached rather than pinning it on
 * the wrong side. Returns the names listed together with the subject.
 */
function subjectOf(m: Match, mentions: Mention[], a: Analysis): Mention[] {
  const clause = a.tokens[m.from]!.clause;
  const inClause = mentions.filter((x) => a.tokens[x.from]!.clause === clause && (x.to < m.from || x.from > m.to));
  const before = inClause.filter((x) => x.to < m.from).at(-1);
  const subject = before ?? (opensClause(m, a) ? inClause.find((x) => x.from > m.to) : undefined);
  if (!subject) return [];
  if (COMPARISON_WORDS.has(a.tokens[subject.from - 1]?.word ?? "")) return [];
  if (a.negation.negatedBy[subject.from]! >= 0) return [];
  return listAround(subject, inClause, a);
}

/** Facts pinned on the wrong option, or denied of the right one. At most one per concept. */
export function findWrongFacts(compiled: CompiledFacts, a: Analysis): WrongFact[] {
  if (compiled.facts.length === 0) return [];
  const mentions = findMentions(compiled.options, a.tokens, a.index);
  if (mentions.length === 0) return [];
  const out: WrongFact[] = [];
  for (const fact of compiled.facts) {
    const found = firstWrong(fact, mentions, a);
    if (found) out.push(found);
  }
  return out;
}

function firstWrong(fact: CompiledFact, mentions: Mention[], a: Analysis): WrongFact | undefined {
  for (const pattern of fact.patterns) {
    for (const m of findMatches(pattern, a.tokens, a.index)) {
      if (m.used.every((i) => a.retracted[i] === 1)) continue;
      const subjects = subjectOf(m, mentions, a);
      if (subjects.length === 0) continue;
      // A bare "Spark" names the family: a point true of any Spark counts as true of it.
      const family = subjects.flatMap((s) => [s.option, ...s.shadowedBy]);
      const subject = subjects[0]!;
      const negated = isNegated(m, a.negation);
      const wrong = negated ? family.every((o) => fact.trueOf.has(o)) : !family.some((o) => fact.trueOf.has(o));
      if (!wrong) continue;
      const evidence = a.answer.slice(a.tokens[Math.min(m.from, subject.from)]!.start, a.tokens[Math.max(m.to, subject.to)]!.end);
      return { concept: fact.concept, option: subject.option, denied: negated, evidence };
    }
  }
  return undefined;
}
