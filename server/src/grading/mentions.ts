import type { Token } from "./lexer.ts";
import { findMatches, PatternTable, type Pattern, type StemIndex } from "./phrases.ts";

/**
 * An option's name as a pattern. A name inside another option's name ("spark" in "spark streaming")
 * is ambiguous: after "Spark Structured Streaming", a bare "Spark" means the family, not Spark batch.
 */
interface AliasPattern extends Pattern {
  /** Options with a longer name containing this one. */
  shadowedBy: string[];
}

/** An option's names as patterns, compiled once per rubric. */
export interface OptionPatterns {
  id: string;
  patterns: AliasPattern[];
}

/** Where an answer names an option. */
export interface Mention {
  option: string;
  from: number;
  to: number;
  shadowedBy: string[];
}

function contains(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((s, k) => haystack[i + k] === s)) return true;
  }
  return false;
}

/** Fills in `shadowedBy` across a set of options. */
export function markShadowed(options: OptionPatterns[]): OptionPatterns[] {
  for (const option of options) {
    for (const pattern of option.patterns) {
      pattern.shadowedBy = options
        .filter((other) => other.id !== option.id && other.patterns.some((p) => contains(p.stems, pattern.stems)))
        .map((other) => other.id);
    }
  }
  return options;
}

/**
 * A list of options' names packed in one table (with each name's option), built on its first search: the lists are
 * compiled once per rubric, and an answer names few of the ~50 names a list may hold.
 */
const tables = new WeakMap<OptionPatterns[], { table: PatternTable<AliasPattern>; owner: number[] }>();

function namesOf(options: OptionPatterns[]): { table: PatternTable<AliasPattern>; owner: number[] } {
  let found = tables.get(options);
  if (!found) {
    found = {
      table: new PatternTable(options.flatMap((o) => o.patterns)),
      owner: options.flatMap((o, i) => o.patterns.map(() => i)),
    };
    tables.set(options, found);
  }
  return found;
}

/** Option names are tight phrases: "Spark in batch mode" may name Spark batch, "Spark jobs for the batch" not. */
const ALIAS_GAP = 1;

/**
 * Option names in the answer. Longer names win where names overlap, so "Spark Structured Streaming"
 * is one mention of Structured Streaming, never also a mention of "Spark" (batch).
 */
export function findMentions(options: OptionPatterns[], tokens: Token[], index: StemIndex): Mention[] {
  const candidates: (Mention & { size: number })[] = [];
  const { table, owner } = namesOf(options);
  for (const r of table.held(index)) {
    const pattern = table.patterns[r]!;
    const matches = findMatches(pattern, tokens, index, ALIAS_GAP);
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k]!;
      // "batch" in "micro-batch" names no option, even after a gap: "Spark's micro-batch model" is not Spark batch.
      if (tokens[m.from]!.bound || (tokens[m.to]!.bound && !pattern.stems.includes(tokens[m.to - 1]!.stem))) continue;
      candidates.push({
        option: options[owner[r]!]!.id,
        from: m.from,
        to: m.to,
        shadowedBy: pattern.shadowedBy,
        size: pattern.stems.length,
      });
    }
  }
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => b.size - a.size || a.from - b.from);
  const taken = new Array<number>(tokens.length).fill(0);
  const accepted: Mention[] = [];
  for (const c of candidates) {
    const overlap = taken.indexOf(1, c.from);
    if (overlap !== -1 && overlap <= c.to) continue;
    taken.fill(1, c.from, c.to + 1);
    accepted.push({ option: c.option, from: c.from, to: c.to, shadowedBy: c.shadowedBy });
  }
  return accepted.sort((a, b) => a.from - b.from);
}

/** Token index → index of the mention covering it, or -1. */
export function mentionMap(mentions: Mention[], length: number): number[] {
  const at = new Array<number>(length).fill(-1);
  mentions.forEach((m, i) => at.fill(i, m.from, m.to + 1));
  return at;
}

/**
 * "I'd keep it on Spark, just the streaming flavour": a family name ("Spark", which longer names of several options
 * contain) in a clause whose paradigm words ("streaming") all name one paradigm names the family's member of that
 * paradigm. Paradigm words inside option names ("Spark Structured Streaming") do not count, nor denied ones ("one
 * Spark job, no streaming infrastructure": the caller leaves those out).
 */
export function resolveFamilies(
  mentions: Mention[],
  paradigms: Mention[],
  tokens: Token[],
  paradigmOf: ReadonlyMap<string, string>,
): Mention[] {
  if (paradigms.length === 0) return mentions;
  const free = paradigms.filter((p) => !mentions.some((o) => o.from <= p.to && p.from <= o.to));
  return mentions.map((m) => {
    if (m.shadowedBy.length === 0) return m;
    const clause = tokens[m.from]!.clause;
    const named = new Set(free.filter((p) => tokens[p.from]!.clause === clause).map((p) => p.option));
    if (named.size !== 1) return m;
    const [paradigm] = named;
    const members = [m.option, ...m.shadowedBy].filter((o) => paradigmOf.get(o) === paradigm);
    return members.length === 1 && members[0] !== m.option ? { ...m, option: members[0]!, shadowedBy: [] } : m;
  });
}
