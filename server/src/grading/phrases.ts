import type { Lexer, Token } from "./lexer.ts";
import { FORWARD_NEGATORS } from "./cues.ts";
import { stem } from "./stem.ts";
import { FUNCTION_WORDS, PHRASE_STOPWORD, PHRASE_STOPWORDS } from "./words.ts";

/** A phrase as the stems an answer must contain, in order, and their numbers under the lexer that read it. */
export interface Pattern {
  stems: string[];
  ids: Int32Array;
}

/**
 * Item numbers (0 to count - 1) filed by stem number (see `Lexer.stemIds`), in two flat arrays: stem s's items,
 * in ascending order, run from `start(s)` to `end(s)` of `items`. An answer reads the lists of its ~50 stems; as
 * arrays of arrays each read was three dependent loads, likely misses when the question's turn comes round again.
 */
export class StemFiling {
  readonly items: Int32Array;
  private readonly starts: Int32Array;

  constructor(count: number, stemOf: (item: number) => number) {
    const stems = Int32Array.from({ length: count }, (_, item) => stemOf(item));
    const size = stems.reduce((max, s) => Math.max(max, s + 1), 0);
    this.starts = new Int32Array(size + 1);
    for (const s of stems) this.starts[s + 1]!++;
    for (let s = 0; s < size; s++) this.starts[s + 1]! += this.starts[s]!;
    const next = this.starts.slice(0, size);
    this.items = new Int32Array(count);
    stems.forEach((s, item) => (this.items[next[s]!++] = item));
  }

  start(stem: number): number {
    return stem + 1 < this.starts.length ? this.starts[stem]! : 0;
  }

  end(stem: number): number {
    return stem + 1 < this.starts.length ? this.starts[stem + 1]! : 0;
  }
}

/**
 * Which of its stems to file each pattern under, so an answer tries only patterns whose filing stem it holds: the
 * stem fewest of `patterns` contain (ties: the earlier). Stems that open dozens of phrases ("batch", "latency",
 * "not") are in most answers too, and filed under them a pattern would be tried on nearly every answer only to fail
 * on a later, rarer stem.
 */
export function rarestStem(patterns: readonly Pattern[]): (pattern: Pattern) => number {
  const counts: number[] = [];
  for (const p of patterns) for (const id of new Set(p.ids)) counts[id] = (counts[id] ?? 0) + 1;
  return (pattern) => {
    let best = pattern.ids[0]!;
    for (const id of pattern.ids) if ((counts[id] ?? 0) < (counts[best] ?? 0)) best = id;
    return best;
  };
}

/** `stems` as a pattern of `lexer`'s, which numbers them. */
export function patternOf(lexer: Lexer, stems: string[]): Pattern {
  return { stems, ids: lexer.numberStems(stems) };
}

/** Token indexes (inclusive) of one occurrence of a pattern in an answer. */
export interface Match {
  from: number;
  to: number;
  /** Every token index the pattern itself used (gap words excluded). */
  used: number[];
}

/** Words an answer may slip between two words of a phrase: "majority of pipelines" ~ "majority of real pipelines". */
const MAX_GAP = 2;
/** Synonym substitution multiplies variants; past this a phrase has enough of them. */
const MAX_VARIANTS = 64;

/**
 * Per stem number, the first position in the answer being indexed (`heads`), valid where `stamps` holds that
 * index's generation. Shared by every index, since typed arrays cost ~1 µs each to allocate and this one would
 * be sized by the rubric's whole vocabulary: one answer is graded at a time, and its index is read only meanwhile.
 */
let heads = new Int32Array(1024);
let stamps = new Float64Array(1024);
let generation = 0;

/**
 * Where each phrase stem occurs in an answer, built once per answer: per stem number the first position, and per
 * position the next one with the same stem. Words no phrase has are left out, since nothing looks for them. Valid
 * until the next answer is indexed.
 */
export class StemIndex {
  private readonly generation: number;
  /** The next position with the same stem, -1 after the last. */
  private readonly after: number[];
  /** The stem numbers present, in order of first occurrence. */
  readonly present: number[] = [];

  constructor(tokens: readonly Token[]) {
    this.generation = ++generation;
    let size = heads.length;
    for (const t of tokens) while (t.sid >= size) size *= 2;
    if (size > heads.length) {
      heads = new Int32Array(size);
      stamps = new Float64Array(size);
    }
    this.after = new Array<number>(tokens.length).fill(-1);
    for (let i = tokens.length - 1; i >= 0; i--) {
      const id = tokens[i]!.sid;
      if (id < 0) continue;
      if (stamps[id] === this.generation) this.after[i] = heads[id]!;
      heads[id] = i;
      stamps[id] = this.generation;
    }
    for (let i = 0; i < tokens.length; i++) {
      const id = tokens[i]!.sid;
      if (id >= 0 && heads[id] === i) this.present.push(id);
    }
  }

  has(id: number): boolean {
    if (generation !== this.generation) throw new Error("stem index read after the next answer was indexed");
    return id < stamps.length && stamps[id] === this.generation;
  }

  /** The first position of stem number `id`, or -1. */
  first(id: number): number {
    return this.has(id) ? heads[id]! : -1;
  }

  /** The next position after `position` with the same stem, or -1. */
  next(position: number): number {
    return this.after[position]!;
  }
}

/**
 * Patterns with their stem numbers packed in one array, so whether an answer holds every stem of one is read
 * without touching the pattern: most patterns an answer could start lack a later stem, and each pattern object
 * read is a likely cache miss across the rubrics of a busy server.
 */
export class PatternTable<P extends Pattern = Pattern> {
  readonly patterns: readonly P[];
  private readonly ids: Int32Array;
  private readonly starts: Int32Array;
  /** Each pattern filed under its rarest stem, so an answer looks only at patterns it could hold. */
  private readonly filing: StemFiling;

  constructor(patterns: readonly P[]) {
    this.patterns = patterns;
    this.starts = new Int32Array(patterns.length + 1);
    patterns.forEach((p, r) => (this.starts[r + 1] = this.starts[r]! + p.ids.length));
    this.ids = new Int32Array(this.starts[patterns.length]!);
    patterns.forEach((p, r) => this.ids.set(p.ids, this.starts[r]));
    const fileUnder = rarestStem(patterns);
    this.filing = new StemFiling(patterns.length, (r) => fileUnder(patterns[r]!));
  }

  /** Whether the answer holds every stem of pattern `r`. */
  heldBy(r: number, index: StemIndex): boolean {
    for (let k = this.starts[r]!, end = this.starts[r + 1]!; k < end; k++) if (!index.has(this.ids[k]!)) return false;
    return true;
  }

  /**
   * The positions of the patterns whose every stem the answer holds, ascending, so callers keep the table's order.
   * A handful of a table's hundreds of patterns: a mark per pattern cost more to allocate and clear than to find them.
   */
  held(index: StemIndex): number[] {
    const out: number[] = [];
    const { filing } = this;
    // Each pattern is filed under one stem, and each stem is present once: no pattern is reached twice.
    for (const stem of index.present)
      for (let k = filing.start(stem), end = filing.end(stem); k < end; k++) {
        const r = filing.items[k]!;
        if (!this.heldBy(r, index)) continue;
        let at = out.length;
        out.push(r);
        for (; at > 0 && out[at - 1]! > r; at--) out[at] = out[at - 1]!;
        out[at] = r;
      }
    return out;
  }
}

export function indexStems(tokens: readonly Token[]): StemIndex {
  return new StemIndex(tokens);
}

/** Phrase → pattern, its stems numbered by `lexer`. */
export function toPattern(lexer: Lexer, phrase: string): Pattern {
  return patternOf(lexer, toStems(lexer, phrase));
}

/** Phrase → stems, dropping articles and copulas unless nothing else is left. */
export function toStems(lexer: Lexer, phrase: string): string[] {
  const tokens = lexer.lex(phrase, false);
  const content = tokens.filter((t) => !PHRASE_STOPWORDS.has(t.word));
  return (content.length > 0 ? content : tokens).map((t) => t.stem);
}

function startsWithAt(haystack: string[], needle: string[], at: number): boolean {
  if (at + needle.length > haystack.length) return false;
  for (let k = 0; k < needle.length; k++) if (haystack[at + k] !== needle[k]) return false;
  return true;
}

/** The synonym group whose longest member starts at `at`, with that member's length. */
function groupAt(stems: string[], at: number, groups: string[][][]): { group: string[][]; size: number } | undefined {
  let best: { group: string[][]; size: number } | undefined;
  for (const group of groups) {
    for (const member of group) {
      if (member.length > (best?.size ?? 0) && startsWithAt(stems, member, at)) best = { group, size: member.length };
    }
  }
  return best;
}

/**
 * Every way of writing `stems` with synonym-group members swapped for each other ("low cost" ↔ "cheap"),
 * the original first. Each span of the original is replaced at most once, so a member containing
 * another ("one event at a time" ⊃ "event at a time") cannot grow without end.
 */
export function expandSynonyms(stems: string[], groups: string[][][]): string[][] {
  let variants: string[][] = [[]];
  for (let at = 0; at < stems.length;) {
    const found = groupAt(stems, at, groups);
    const original = stems.slice(at, at + (found?.size ?? 1));
    const choices = [original, ...(found?.group.filter((m) => m.join(" ") !== original.join(" ")) ?? [])];
    variants = variants.flatMap((v) => choices.map((c) => [...v, ...c])).slice(0, MAX_VARIANTS);
    at += original.length;
  }
  const unique = new Map(variants.map((v) => [v.join(" "), v]));
  return [...unique.values()];
}

/**
 * The positions of the occurrence `findMatches` is trying, reused: most starts of a held pattern lead nowhere, and
 * an array per start was most of what matching allocated.
 */
let path = new Int32Array(16);

/** Extends `path[0..depth)` with the pattern's remaining words, each at most `gap` words on. */
function extend(p: Pattern, tokens: Token[], gap: number, depth: number): boolean {
  if (depth === p.ids.length) return true;
  const prev = path[depth - 1]!;
  const clause = tokens[prev]!.clause;
  const want = p.ids[depth];
  for (let j = prev + 1; j <= prev + 1 + gap && j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.clause !== clause) return false;
    if (t.sid !== want) continue;
    path[depth] = j;
    if (extend(p, tokens, gap, depth + 1)) return true;
  }
  return false;
}

/** Most patterns don't occur in a given answer; one shared empty result spares an allocation per pattern. */
const NO_MATCHES: readonly Match[] = Object.freeze([]);

/** All occurrences of `pattern` in the answer, in text order; words may be up to `gap` apart within a clause. */
export function findMatches(pattern: Pattern, tokens: Token[], index: StemIndex, gap = MAX_GAP): readonly Match[] {
  const ids = pattern.ids;
  let start = index.first(ids[0]!);
  if (start < 0) return NO_MATCHES;
  for (let k = 1; k < ids.length; k++) if (!index.has(ids[k]!)) return NO_MATCHES;
  if (path.length < ids.length) path = new Int32Array(2 * ids.length);
  let out: Match[] | undefined;
  for (; start >= 0; start = index.next(start)) {
    path[0] = start;
    if (!extend(pattern, tokens, gap, 1)) continue;
    const used: number[] = [];
    for (let k = 0; k < ids.length; k++) used.push(path[k]!);
    (out ??= []).push({ from: start, to: used[used.length - 1]!, used });
  }
  return out ?? NO_MATCHES;
}

/** Phrases with this many content words may also match with their words in another order. */
const UNORDERED_MIN_WORDS = 3;

/** A phrase for order-free matching: its content stems, and how long a span may hold them. */
export interface LoosePattern {
  stems: string[];
  ids: Int32Array;
  /** Longest span, in words, an occurrence may cover: the phrase's own length plus `MAX_GAP`. */
  span: number;
}

let functionStems: Set<string> | undefined;

/**
 * The order-free form of a phrase, or undefined when it has fewer than three content words or a negator
 * ("not X" and "X, not" differ). Grammar words are left out: "reuse the same code" needs reuse, same, code.
 */
export function loosePattern({ stems, ids }: Pattern): LoosePattern | undefined {
  if (stems.some((s) => FORWARD_NEGATORS.has(s))) return undefined;
  functionStems ??= new Set([...FUNCTION_WORDS].map(stem));
  const content = [...stems.keys()].filter((k) => !functionStems!.has(stems[k]!));
  return content.length >= UNORDERED_MIN_WORDS
    ? {
        stems: content.map((k) => stems[k]!),
        ids: Int32Array.from(content, (k) => ids[k]!),
        span: stems.length + MAX_GAP,
      }
    : undefined;
}

/**
 * Occurrences of a phrase's content words in any order: every stem at a distinct position inside one
 * segment, nearest to the first, the whole span no longer than `pattern.span` ("the same code we can
 * reuse" for "reuse the same code"; not across a comma). The fallback for paraphrases that reorder a phrase.
 */
export function findUnordered(pattern: LoosePattern, tokens: Token[], index: StemIndex): readonly Match[] {
  const n = pattern.ids.length;
  for (let k = 0; k < n; k++) if (!index.has(pattern.ids[k]!)) return NO_MATCHES;
  const out: Match[] = [];
  for (let start = index.first(pattern.ids[0]!); start >= 0; start = index.next(start)) {
    const seg = tokens[start]!.seg;
    const used = [start];
    for (let k = 1; k < n; k++) {
      let best = -1;
      for (let q = index.first(pattern.ids[k]!); q >= 0; q = index.next(q)) {
        if (tokens[q]!.seg !== seg || used.includes(q)) continue;
        if (best < 0 || Math.abs(q - start) < Math.abs(best - start)) best = q;
      }
      if (best < 0) break;
      used.push(best);
    }
    if (used.length < n) continue;
    used.sort((x, y) => x - y);
    if (used[n - 1]! - used[0]! + 1 <= pattern.span) out.push({ from: used[0]!, to: used[n - 1]!, used });
  }
  return out;
}

/** True when nothing but stopwords was skipped: "hours of latency" for the phrase "hours latency". */
export function isTight(m: Match, tokens: Token[]): boolean {
  for (let i = m.from, k = 0; i <= m.to; i++) {
    if (m.used[k] === i) k++;
    else if ((tokens[i]!.classes & PHRASE_STOPWORD) === 0) return false;
  }
  return true;
}
