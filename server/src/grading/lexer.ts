import { FuzzyIndex } from "./fuzzy.ts";
import { americanSpelling, canonicalWord, expandWord, foldWord, isNumber, unitAfterNumber } from "./normalize.ts";
import { stem } from "./stem.ts";
import { RecentMemo } from "./recent-memo.ts";
import { isClauseBreak, scan } from "./tokenize.ts";
import { classesOf, wordClassCount } from "./word-classes.ts";
import type { Spelling } from "./vocabulary.ts";
import { COMMON_WORDS, FUNCTION_WORDS } from "./words.ts";

/** A normalised word of an answer or phrase, with the span of the original text it came from. */
export interface Token {
  word: string;
  stem: string;
  /** The stem's number among the rubric's phrase stems (see `Lexer.stemIds`), or -1 when no phrase has it. */
  sid: number;
  /** The word's classes (see word-classes.ts). */
  classes: number;
  start: number;
  end: number;
  clause: number;
  seg: number;
  /** True when the word was a typo corrected onto vocabulary. */
  corrected: boolean;
  /** The second part of a compound ("batch" in "micro-batch" or "microbatch"). */
  bound: boolean;
  /** Written right after a slash ("Spark" in "Flink/Spark"). */
  slashed: boolean;
}

/** Compounds every rubric understands whether written joined, hyphenated or spaced. */
const BUILT_IN_COMPOUNDS = [
  "real-time",
  "exactly-once",
  "sub-second",
  "micro-batch",
  "event-time",
  "back-fill",
  "data-set",
  "work-load",
  "check-point",
  "key-value",
];
/** A two-part hyphenated word; parts of longer chains like "event-at-a-time" are not compounds. */
const HYPHENATED = /(?<![\p{L}-])(\p{L}+)-(\p{L}+)(?![\p{L}-])/gu;
const WORD = /\p{L}+/gu;
const MIN_HEAD = 3;
/**
 * Spellings memoised per lexer (one per rubric), so a long-running server's memory stays bounded however many typos it
 * reads: ~300 bytes each, ~1.2 MB a rubric (it was 20,000 and cleared whole). All 8,391 labelled answers together
 * use 710 spellings a rubric at the median and 916 at most, well inside the young half, so a question's words stay.
 */
const MEMO_LIMIT = 4_000;

/**
 * A word as written, resolved once: the normalised words it stands for, as a chain of parts, the first of which
 * the memo holds and which also says whether the word opens a clause. A memo hit on a one-part word (nearly all)
 * then reads one object, where an entry with a list of parts read three, each a likely cache miss when the
 * question's turn comes round again. One class, so every read sees one shape.
 */
class Part implements Spelling {
  /** The whole word as written, on the first part (the one the memo holds). */
  raw = "";
  term = -1;
  terms: Int32Array | null = null;
  numberedBy: object | null = null;

  constructor(
    /** The part as written (after compound splitting), before any correction. */
    readonly part: string,
    readonly word: string,
    readonly stem: string,
    readonly sid: number,
    readonly classes: number,
    readonly corrected: boolean,
    /** Second part of a split compound. */
    readonly tail: boolean,
    readonly number: boolean,
    /** False only for the holder of a word that stands for nothing (a lone combining mark). */
    readonly real: boolean,
    public clauseBreak: boolean,
    public next: Part | null,
  ) {}
}

export interface LexerSources {
  /** Phrases answers are matched against; their words are typo-correction targets. */
  phrases: string[];
  /** Other text (labels, explanations) whose words are real words, never corrected. */
  known: string[];
}

/**
 * Turns text into tokens the way every rubric phrase was turned into tokens, so both sides agree:
 * compounds split ("realtime" = "real-time" = "real time"), units canonical, typos corrected, stemmed.
 */
export class Lexer {
  /** Compound head → stems of the tails it joins with: "real" → {time}. */
  private readonly compounds = new Map<string, Set<string>>();
  private readonly knownWords = new Set<string>([...COMMON_WORDS, ...FUNCTION_WORDS]);
  private readonly knownStems = new Set<string>();
  private readonly fuzzy: FuzzyIndex;
  private readonly corrected: RecentMemo<Part>;
  private readonly uncorrected: RecentMemo<Part>;
  /**
   * Phrase stems, numbered: matching compares numbers and indexes an answer by them, where string keys cost a hash
   * and a few cache misses per lookup, hundreds of times an answer. Only phrases are numbered, so answers' typos
   * cannot grow it.
   */
  private readonly stemIds = new Map<string, number>();
  /** How many word classes the memoised words' bits know of. */
  private classCount = wordClassCount();

  constructor(sources: LexerSources, memoLimit = MEMO_LIMIT) {
    this.corrected = new RecentMemo(memoLimit);
    this.uncorrected = new RecentMemo(memoLimit);
    const targets = new Set<string>();
    for (const text of sources.phrases) for (const w of foldWord(text).match(WORD) ?? []) targets.add(w);
    for (const text of sources.known) for (const w of foldWord(text).match(WORD) ?? []) this.knownWords.add(w);
    for (const w of targets) this.knownWords.add(w);
    for (const w of this.knownWords) this.knownStems.add(stem(w));
    for (const text of [...BUILT_IN_COMPOUNDS, ...sources.phrases]) this.addHyphenated(foldWord(text));
    this.fuzzy = new FuzzyIndex(targets, (w) => this.knownWords.has(w) || this.knownStems.has(stem(w)));
  }

  /** The numbers of a phrase's stems, numbering new ones. */
  numberStems(stems: readonly string[]): Int32Array {
    const ids = new Int32Array(stems.length);
    stems.forEach((s, i) => {
      let id = this.stemIds.get(s);
      if (id === undefined) {
        id = this.stemIds.size;
        this.stemIds.set(s, id);
        // Memoised words carry the number their stem had when first read: a new number makes them stale.
        this.forget();
      }
      ids[i] = id;
    });
    return ids;
  }

  /** The text's tokens; with `spellings`, also each word as written, in order, for another reader of the words. */
  lex(text: string, correctTypos: boolean, spellings?: Spelling[]): Token[] {
    if (this.classCount !== wordClassCount()) {
      this.forget();
      this.classCount = wordClassCount();
    }
    const out: Token[] = [];
    let afterNumber = false;
    scan(
      text,
      (raw) => this.entry(raw, correctTypos),
      (entry, site) => {
        if (spellings !== undefined && !site.symbol) spellings.push(entry);
        for (let r: Part | null = entry.real ? entry : null; r !== null; r = r.next) {
          const unit = afterNumber ? unitAfterNumber(r.part) : undefined;
          const unitStem = unit === undefined ? undefined : stem(unit);
          out.push({
            word: unit ?? r.word,
            stem: unitStem ?? r.stem,
            sid: unitStem === undefined ? r.sid : (this.stemIds.get(unitStem) ?? -1),
            classes: unit === undefined ? r.classes : classesOf(unit),
            start: site.start,
            end: site.end,
            clause: site.clause,
            seg: site.seg,
            corrected: unit === undefined && r.corrected,
            bound: r.tail || site.bound,
            slashed: !r.tail && site.slashed,
          });
          afterNumber = r.number;
        }
      },
    );
    return out;
  }

  /** Drops every memoised word, when what it was read with (stem numbers, word classes) has grown. */
  private forget(): void {
    this.corrected.clear();
    this.uncorrected.clear();
  }

  /** Folded, expanded, split, canonical, corrected and stemmed once per distinct spelling: answers repeat words. */
  private entry(raw: string, correctTypos: boolean): Part {
    const memo = correctTypos ? this.corrected : this.uncorrected;
    let hit = memo.get(raw);
    if (!hit) {
      const folded = foldWord(raw);
      const parts = expandWord(folded).flatMap((word) => this.resolve(word, correctTypos));
      parts.forEach((p, i) => (p.next = parts[i + 1] ?? null));
      hit = parts[0] ?? new Part("", "", "", -1, 0, false, false, false, false, false, null);
      hit.clauseBreak = isClauseBreak(folded);
      hit.raw = raw;
      memo.set(raw, hit);
    }
    return hit;
  }

  private resolve(word: string, correctTypos: boolean): Part[] {
    return this.split(word).map((part, i) => {
      const canonical = canonicalWord(americanSpelling(part));
      const fixed = correctTypos ? this.fuzzy.correct(canonical) : undefined;
      const final = fixed ?? canonical;
      const stemmed = stem(final);
      const sid = this.stemIds.get(stemmed) ?? -1;
      const number = isNumber(final);
      return new Part(
        part,
        final,
        stemmed,
        sid,
        classesOf(final),
        fixed !== undefined,
        i > 0,
        number,
        true,
        false,
        null,
      );
    });
  }

  /**
   * Compounds are compared as separate words, so a joined spelling is split:
   * "realtime" → real time, "microbatches" → micro batches ("real-time" already scans as two words).
   */
  private split(word: string): string[] {
    for (let i = MIN_HEAD; i <= word.length - 2; i++) {
      const tails = this.compounds.get(word.slice(0, i));
      if (tails?.has(stem(word.slice(i)))) return [word.slice(0, i), word.slice(i)];
    }
    return [word];
  }

  private addHyphenated(text: string): void {
    for (const m of text.matchAll(HYPHENATED)) {
      const [head, tail] = [m[1]!, m[2]!];
      if (head.length < MIN_HEAD) continue;
      const tails = this.compounds.get(head) ?? new Set<string>();
      tails.add(stem(tail));
      this.compounds.set(head, tails);
    }
  }
}
