import { CONTRACTIONS, CONTRACTION_SUFFIXES, MILLISECOND_WORDS, NUMBER_WORDS, UNIT_AFTER_NUMBER } from "./words.ts";

const COMBINING_MARKS = /\p{M}+/gu;
const CURLY_APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const NUMBER_WITH_UNIT = /^(\d+(?:[.,]\d+)*)([a-z]+)$/;
const NUMBER = /^\d+(?:[.,]\d+)*$/;
/** Pronouns whose "'s" is "is"; on anything else "'s" is a possessive ("Flink's latency"). */
const IS_CONTRACTING = new Set(["it", "that", "there", "here", "what", "who", "he", "she", "where", "which"]);

/** Case, accents, full-width forms and curly quotes folded away: "Flínk’s" → "flink's". */
export function foldWord(raw: string): string {
  return raw.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase().replace(CURLY_APOSTROPHES, "'");
}

export function isNumber(word: string): boolean {
  return NUMBER.test(word);
}

function expandApostrophe(word: string): string[] {
  if (word.endsWith("'s")) {
    const base = word.slice(0, -2);
    return IS_CONTRACTING.has(base) ? [base, "is"] : [base];
  }
  for (const [suffix, full] of CONTRACTION_SUFFIXES) {
    if (word.endsWith(suffix) && word.length > suffix.length) return [word.slice(0, -suffix.length), full];
  }
  return [word.replace(/'/g, "")];
}

/**
 * One folded word → the words it stands for: contractions expanded ("wouldn't" → would not),
 * possessives dropped, and numbers split from units ("100ms" → 100 ms).
 */
export function expandWord(folded: string): string[] {
  const whole = CONTRACTIONS.get(folded);
  if (whole) return whole;
  const parts = folded.includes("'") ? expandApostrophe(folded) : [folded];
  const out: string[] = [];
  for (const part of parts) {
    const unit = NUMBER_WITH_UNIT.exec(part);
    if (unit?.[1] && unit[2]) out.push(unit[1], unit[2]);
    else if (part) out.push(part);
  }
  return out;
}

/** Spellings that mean the same number or unit anywhere: "milliseconds" → ms, "thirty" → 30. */
export function canonicalWord(word: string): string {
  if (MILLISECOND_WORDS.has(word)) return "ms";
  return NUMBER_WORDS.get(word) ?? word;
}

/**
 * The canonical unit a word names right after a number ("100 ms", "30 s", "30 secs"), or undefined.
 * Short unit letters ("s", "m", "h") only count as units there.
 */
export function unitAfterNumber(word: string): string | undefined {
  return UNIT_AFTER_NUMBER.get(word);
}

const BRITISH_ISE = /is(e|es|ed|ing|er|ers|ation|ations)$/;
const MIN_ISE_LENGTH = 6;

/**
 * British "-ise" spellings folded onto "-ize" ("specialisation" → "specialization"), which the Porter
 * stemmer would otherwise keep apart. Short words ("rise", "wise", "noise") are left alone.
 */
export function americanSpelling(word: string): string {
  return word.length >= MIN_ISE_LENGTH ? word.replace(BRITISH_ISE, "iz$1") : word;
}
