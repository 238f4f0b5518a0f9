import { CLAUSE_BREAK_WORDS } from "./words.ts";

/** Where a word sits. The scanner reuses one object for every word: copy what you keep. */
export interface WordSite {
  start: number;
  end: number;
  /** Clauses end at sentence punctuation and at words like "but"/"because"; negation never crosses them. */
  clause: number;
  /** Segments also end at commas, brackets and dashes; lists of options continue across them. */
  seg: number;
  /** Hyphenated onto the word before ("micro-batch"): part of a compound, not a word on its own. */
  bound: boolean;
  /** Slashed onto the word before ("Flink/Spark"): an alternative to it. */
  slashed: boolean;
  /** A lone "+" or "&" read as the word "and": a word the text says, not one it spells. */
  symbol: boolean;
}

/** End a clause (runs count once): sentence punctuation and line breaks. */
const STRONG = new Set([".", ";", "!", "?", ":", "\n", "\r"]);
/** End a segment: commas, brackets, quotes, dashes, bullets (and " - " between spaces). */
const WEAK = new Set([",", "(", ")", "[", "]", "{", "}", '"', "\u201c", "\u201d", "\u2014", "\u2013", "\u2022"]);
/** ', ’ and ʼ, by code: the scanner asks at the end of every word. */
const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x02bc;
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/;

/** Whether `text[i]` is white space as `\s` has it; ASCII is decided without a regex. */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(text.charAt(i)));
}
/** Symbols written for "and": "batch + streaming", "S3 & Kafka". */
const AND_SYMBOLS = new Set(["+", "&"]);
const NONE = 0;
const AND_SYMBOL = 1;
const STRONG_BREAK = 2;
const WEAK_BREAK = 3;
/**
 * The ASCII characters' classes, looked up by code: the scanner visits every space and mark between words, and a
 * table read is cheaper than the three set lookups it replaces.
 */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => classOfChar(String.fromCharCode(c)));

function classOfChar(ch: string): number {
  if (AND_SYMBOLS.has(ch)) return AND_SYMBOL;
  if (STRONG.has(ch)) return STRONG_BREAK;
  return WEAK.has(ch) ? WEAK_BREAK : NONE;
}

function classOf(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII_CLASS[c]! : classOfChar(text.charAt(i));
}

/** Letters and digits of any script; ASCII is decided without a regex since it is nearly all of the text. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return NON_ASCII_WORD_CHAR.test(text.charAt(i));
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * End of the word starting at `i`. Inner apostrophes followed by a letter ("wouldn't") and decimal
 * points between digits ("1.5s") stay inside; hyphens and slashes end it, so "real-time" is two words.
 */
function wordEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    if (isWordChar(text, j)) j++;
    else if (isApostrophe(text.charCodeAt(j)) && isWordChar(text, j + 1) && !isDigit(text, j + 1)) j += 2;
    else if ((text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44) && isDigit(text, j - 1) && isDigit(text, j + 1))
      j += 2;
    else break;
  }
  return j;
}

/** " - " used as a dash between words, not a hyphen inside one. */
function isSpacedDash(text: string, i: number): boolean {
  if (text[i] !== "-" || !SPACE.test(text.charAt(i - 1))) return false;
  let j = i + 1;
  while (text[j] === "-") j++;
  return SPACE.test(text.charAt(j));
}

/** " / " between spaces separates alternatives or items like a comma ("micro-batch / event-at-a-time"). */
function isSpacedSlash(text: string, i: number): boolean {
  return text[i] === "/" && SPACE.test(text.charAt(i - 1)) && SPACE.test(text.charAt(i + 1));
}

/** Words like "but" and "because" open a new clause. */
export function isClauseBreak(folded: string): boolean {
  return CLAUSE_BREAK_WORDS.has(folded);
}

/**
 * Walks `text` word by word. `lookup` turns a word as written into whatever the caller keeps for it
 * (memoised by the caller: answers repeat words); `visit` receives that and where the word sits.
 */
export function scan<E extends { clauseBreak: boolean }>(
  text: string,
  lookup: (raw: string) => E,
  visit: (entry: E, site: Readonly<WordSite>) => void,
): void {
  const site: WordSite = { start: 0, end: 0, clause: 0, seg: 0, bound: false, slashed: false, symbol: false };
  for (let i = 0; i < text.length;) {
    if (isWordChar(text, i)) {
      const end = wordEnd(text, i);
      const entry = lookup(text.slice(i, end));
      if (entry.clauseBreak) {
        site.clause++;
        site.seg++;
      }
      const joined = i >= 2 && isWordChar(text, i - 2);
      site.bound = joined && text[i - 1] === "-";
      site.slashed = joined && text[i - 1] === "/";
      site.symbol = false;
      site.start = i;
      site.end = end;
      visit(entry, site);
      i = end;
      continue;
    }
    const kind = classOf(text, i);
    if (kind === AND_SYMBOL && classOf(text, i + 1) !== AND_SYMBOL && classOf(text, i - 1) !== AND_SYMBOL) {
      // A lone "+" or "&" reads as the word "and" ("C++" or "&&" are left alone).
      site.bound = false;
      site.slashed = false;
      site.symbol = true;
      site.start = i;
      site.end = i + 1;
      visit(lookup("and"), site);
      i++;
    } else if (kind === STRONG_BREAK) {
      site.clause++;
      site.seg++;
      while (i < text.length && classOf(text, i) === STRONG_BREAK) i++;
    } else {
      if (kind === WEAK_BREAK || isSpacedDash(text, i) || isSpacedSlash(text, i)) site.seg++;
      i++;
    }
  }
}
