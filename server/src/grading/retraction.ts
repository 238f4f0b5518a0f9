import type { Token } from "./lexer.ts";
import { wordClass } from "./word-classes.ts";

/**
 * Phrases with which a speaker takes back what they just said: "actually, on second thought", "no wait",
 * "scratch that". Word sequences, matched on normalised words.
 */
const RETRACTION_CUES: string[][] = [
  ["on", "second", "thought"],
  ["on", "second", "thoughts"],
  ["second", "thoughts"],
  ["no", "wait"],
  ["scratch", "that"],
  ["take", "that", "back"],
  ["on", "reflection"],
  ["changed", "my", "mind"],
  ["change", "my", "mind"],
  ["thinking", "about", "it", "more"],
  ["thinking", "about", "it", "again"],
  ["actually", "no"],
  ["no", "actually"],
  ["hmm", "no"],
  ["but", "no"],
  ["but", "wait"],
  ["but", "actually"],
  ["then", "again"],
  ["but", "then", "i", "thought"],
  ["i", "was", "wrong"],
  ["let", "me", "correct", "myself"],
];

/** Phrases that open the earlier position a retraction takes back: "my first thought was…", "at first I…". */
const EARLIER_THOUGHT_CUES: string[][] = [
  ["first", "thought"],
  ["first", "instinct"],
  ["first", "answer"],
  ["first", "reaction"],
  ["first", "idea"],
  ["first", "guess"],
  ["first", "pass"],
  ["first", "pick"],
  ["my", "gut"],
  ["my", "heart"],
  ["i", "was", "about", "to", "say"],
  ["i", "was", "tempted"],
  ["i", "was", "half", "tempted"],
  ["i", "toyed", "with"],
  ["i", "considered"],
  ["i", "briefly", "considered"],
  ["i", "did", "briefly", "consider"],
  ["at", "first"],
  ["initially"],
  ["initial", "thought"],
  ["my", "initial"],
  ["i", "was", "going", "to", "say"],
  ["i", "would", "have", "said"],
  ["i", "was", "thinking"],
  ["i", "used", "to", "think"],
  ["i", "used", "to", "say"],
  ["i", "assumed"],
  ["i", "first"],
  ["first", "i", "thought"],
];

/** How many sentences back an earlier-thought cue may open the retracted position. */
const MAX_RETRACTED_SENTENCES = 3;
const SENTENCE_END = /[.!?\n]/;
/** Cues this close together belong to one retraction. */
const ADJACENT_CUES = 3;

/** Cues by first word, so most words cost one lookup. */
function byFirstWord(cues: string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const cue of cues) out.set(cue[0]!, [...(out.get(cue[0]!) ?? []), cue]);
  return out;
}
const RETRACTIONS = byFirstWord(RETRACTION_CUES);
const EARLIER_THOUGHTS = byFirstWord(EARLIER_THOUGHT_CUES);
/** Words some cue starts with: the rest, nearly every word, are passed over on their bits. */
const CUE_START = wordClass(new Set([...RETRACTIONS.keys(), ...EARLIER_THOUGHTS.keys()]));

function startsAt(tokens: Token[], i: number, words: string[]): boolean {
  for (let k = 1; k < words.length; k++) if (tokens[i + k]?.word !== words[k]) return false;
  return true;
}

/** "but no, …" takes back; "but no one needs it" does not: a cue ending in "no" must end its phrase. */
function endsPhrase(tokens: Token[], last: number, answer: string): boolean {
  if (tokens[last]!.word !== "no") return true;
  const next = tokens[last + 1];
  return next === undefined || /[,.;:!?\u2014-]/.test(answer.slice(tokens[last]!.end, next.start));
}

function findCue(tokens: Token[], i: number, cues: Map<string, string[][]>, answer: string): number {
  if ((tokens[i]!.classes & CUE_START) === 0) return 0;
  for (const cue of cues.get(tokens[i]!.word) ?? [])
    if (startsAt(tokens, i, cue) && endsPhrase(tokens, i + cue.length - 1, answer)) return cue.length;
  return 0;
}

/** Sentence number of each token, from the punctuation between tokens. */
function sentencesOf(tokens: Token[], answer: string): number[] {
  let sentence = 0;
  return tokens.map((t, i) => {
    if (i > 0 && SENTENCE_END.test(answer.slice(tokens[i - 1]!.end, t.start))) sentence++;
    return sentence;
  });
}

/**
 * Marks the tokens of positions the answer takes back. A retraction cue retracts from the earlier-thought cue
 * that opened the old position ("My first thought was Kafka Streams … Actually, on second thought, Flink"),
 * or, without one, the sentence before the cue and the start of the cue's own sentence. What follows the cue
 * is the answer's position: options, key points and wrong claims in the retracted part do not count.
 * Returns 1 for each retracted token.
 */
export function findRetracted(tokens: Token[], answer: string): number[] {
  const retracted = new Array<number>(tokens.length).fill(0);
  let sentence: number[] | undefined;
  let earlier = -1;
  let lastEnd = -Infinity;
  for (let i = 0; i < tokens.length; i++) {
    if (earlier < 0 && findCue(tokens, i, EARLIER_THOUGHTS, answer) > 0) earlier = i;
    const explicit = findCue(tokens, i, RETRACTIONS, answer);
    const plainBut = explicit === 0 && earlier >= 0 && tokens[i]!.word === "but";
    const size = explicit || (plainBut ? 1 : 0);
    if (size === 0) continue;
    sentence ??= sentencesOf(tokens, answer);
    // "My first instinct was Flink, but …": a plain "but" soon after an earlier thought takes back just that
    // thought, from its cue on (a run-on sentence's start stays).
    if (plainBut) {
      if (sentence[i]! - sentence[earlier]! <= 1) retracted.fill(1, earlier, i + 1);
      earlier = -1;
      continue;
    }
    // "but actually, on second thought" is one retraction, not two.
    if (i - lastEnd <= ADJACENT_CUES) {
      retracted.fill(1, lastEnd, i + size);
      lastEnd = i + size;
      i += size - 1;
      continue;
    }
    let from = earlier >= 0 && sentence[i]! - sentence[earlier]! <= MAX_RETRACTED_SENTENCES ? earlier : -1;
    if (from < 0) {
      from = i;
      while (from > 0 && sentence[from - 1]! >= sentence[i]! - 1) from--;
    }
    while (from > 0 && sentence[from - 1] === sentence[from]) from--;
    retracted.fill(1, from, i + size);
    lastEnd = i + size;
    earlier = -1;
    i += size - 1;
  }
  return retracted;
}
