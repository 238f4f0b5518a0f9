import {
  AUXILIARIES,
  CHOOSING_STEMS,
  CONCLUDING_PAIRS,
  CONCLUDING_WORDS,
  CONDITION_WORDS,
  CUE_WINDOW,
  DEFER_WINDOW,
  DEFERRING_WORDS,
  ENDORSING_STEMS,
  HEDGE_STEMS,
  LIST_CONNECTORS,
} from "./cues.ts";
import type { Token } from "./lexer.ts";
import { mentionMap, type Mention } from "./mentions.ts";
import type { Negation } from "./negation.ts";

export type ChoiceOutcome = "right" | "wrong" | "several" | "none" | "negated";

export interface Commitment {
  /** Option ids the answer commits to. */
  committed: string[];
  /** Option ids the answer explicitly rejects. */
  rejected: string[];
  outcome: ChoiceOutcome;
  flags: string[];
  /** True when every commitment is tentative ("maybe Flink", "it depends"). */
  hedged: boolean;
}

interface MentionView {
  option: string;
  negated: boolean;
  cued: boolean;
  hedged: boolean;
  /** Kept for a case named right after it: "Flink only if they need sub-second". */
  forCase: boolean;
  /** Named in the answer's decision: its opening ("Batch first.") or a concluding sentence ("So: Flink"). */
  decisive: boolean;
}

function hasCue(tokens: Token[], at: number[], start: number, step: 1 | -1, cues: Set<string>): boolean {
  const seg = tokens[start - step]?.seg;
  let seen = 0;
  for (let j = start; j >= 0 && j < tokens.length && tokens[j]!.seg === seg && seen < CUE_WINDOW; j += step) {
    // Other options in a list ("use Flink or Spark Streaming") share the cue, so they don't use up the window.
    if (at[j] !== -1 || (at[j + step] !== -1 && LIST_CONNECTORS.has(tokens[j]!.word))) continue;
    if (cues.has(tokens[j]!.stem) && !isAtFirst(tokens, j)) return true;
    if (step === -1 && isOwnPlan(tokens, j)) return true;
    seen++;
  }
  return false;
}

/** "I'd schedule the existing Spark job", "we'll move it to Flink": the speaker's own plan names its tool. */
function isOwnPlan(tokens: Token[], j: number): boolean {
  return OWN_PLAN_AUXILIARIES.has(tokens[j]!.word) && ["i", "we"].includes(tokens[j - 1]?.word ?? "");
}
const OWN_PLAN_AUXILIARIES = new Set(["would", "will", "shall"]);

/** "I was thinking Spark at first": "at first" reports an earlier thought, it doesn't endorse like "batch first". */
function isAtFirst(tokens: Token[], j: number): boolean {
  return tokens[j]!.word === "first" && tokens[j - 1]?.word === "at";
}

/** Sentence adverbs that may open the answer before its lead option: "Honestly batch.", "Personally, Flink". */
const LEAD_OPENERS = new Set([
  "honestly",
  "personally",
  "frankly",
  "well",
  "so",
  "ok",
  "okay",
  "imo",
  "imho",
  "tbh",
  "easy",
  "simple",
  "short",
]);

/** Words (no verb) an opening option may carry in its segment and still be the answer: "Kafka Streams tbh." */
const LEAD_SLACK = 2;

/**
 * An option standing alone in its segment ("Flink." / "Flink, because…" / "Answer: Flink"), or opening
 * the answer with at most a word or two ("Flink here.", "Batch: …"), is the answer. Further on, an option posed as a
 * question or heading ("Kafka Streams? …", "Structured Streaming: …") is put up to be weighed, not chosen.
 */
function isLead(tokens: Token[], m: Mention, other: (k: number) => boolean, answer: string): boolean {
  const seg = tokens[m.from]!.seg;
  let from = m.from;
  while (tokens[from - 1]?.seg === seg && LEAD_OPENERS.has(tokens[from - 1]!.word)) from--;
  if (tokens[from - 1]?.seg === seg && from !== 0) return false;
  if (endsList(tokens, other, m.from)) return false;
  let end = m.to + 1;
  while (tokens[end]?.seg === seg && !other(end) && !AUXILIARIES.has(tokens[end]!.word)) end++;
  if (tokens[end]?.seg === seg || startsList(tokens, other, end)) return false;
  if (
    from !== 0 &&
    /^[^\p{L}\p{N}]*[?:]/u.test(answer.slice(tokens[end - 1]!.end, tokens[end]?.start ?? answer.length))
  )
    return false;
  return end === m.to + 1 || (from === 0 && end - m.to - 1 <= LEAD_SLACK);
}

/** "Spark, Flink or Kafka Streams…": an option heading a list is one of several, not the answer. */
function startsList(tokens: Token[], other: (k: number) => boolean, next: number): boolean {
  let k = next;
  while (
    tokens[k] !== undefined &&
    tokens[k]!.clause === tokens[next - 1]?.clause &&
    LIST_CONNECTORS.has(tokens[k]!.word)
  )
    k++;
  return tokens[k] !== undefined && other(k) && tokens[k]!.clause === tokens[next - 1]?.clause;
}

/** "Spark, Flink, Kafka Streams, Structured Streaming, 30s": the last option of a list is one of several too. */
function endsList(tokens: Token[], other: (k: number) => boolean, from: number): boolean {
  let k = from - 1;
  while (k >= 0 && tokens[k]!.clause === tokens[from]!.clause && LIST_CONNECTORS.has(tokens[k]!.word)) k--;
  return k >= 0 && tokens[k]!.clause === tokens[from]!.clause && other(k);
}

/** A bare "Spark" next to an unnegated "Spark Structured Streaming" names the family, not Spark batch. */
function isShadowed(m: Mention, mentions: Mention[], negation: Negation): boolean {
  return mentions.some((other, i) => m.shadowedBy.includes(other.option) && negation.mentionNegatedBy[i] === -1);
}

/** How close "before" must come ahead of an option to put it off: "the base you need before streaming". */
const BEFORE_WINDOW = 2;

/**
 * "learn streaming later", "later, streaming", "batch before streaming": the option is put off, not chosen
 * (within its segment).
 */
function isDeferred(tokens: Token[], m: Mention): boolean {
  const seg = tokens[m.from]!.seg;
  // "If analysts later need minute-level freshness, Structured Streaming is the next step": a plan for later.
  const clause = tokens[m.from]!.clause;
  for (let j = m.from - 1; j >= 0 && tokens[j]!.clause === clause; j--) {
    if (DEFERRING_WORDS.has(tokens[j]!.word)) return true;
  }
  for (let j = Math.max(0, m.from - BEFORE_WINDOW); j < m.from; j++) {
    if (tokens[j]!.seg === seg && tokens[j]!.word === "before") return true;
  }
  for (let j = Math.max(0, m.from - DEFER_WINDOW); j <= m.to + DEFER_WINDOW && j < tokens.length; j++) {
    if ((j < m.from || j > m.to) && tokens[j]!.seg === seg && DEFERRING_WORDS.has(tokens[j]!.word)) return true;
  }
  return false;
}

/**
 * An option named under a condition ("If the limit is hard, Flink"; "only if we needed sub-second would Flink
 * pay off") is a plan for a case, not the answer: it is as tentative as "maybe Flink".
 */
function isConditional(tokens: Token[], m: Mention): boolean {
  const clause = tokens[m.from]!.clause;
  for (let j = m.from - 1; j >= 0 && tokens[j]!.clause === clause; j--) {
    if (CONDITION_WORDS.has(tokens[j]!.word)) return true;
  }
  return false;
}

/** "Flink only if they later need sub-second", "Kafka Streams if it's already on Kafka": the condition follows. */
function isForCase(tokens: Token[], m: Mention): boolean {
  const clause = tokens[m.from]!.clause;
  for (let j = m.to + 1; j <= m.to + CONDITION_AFTER && tokens[j]?.clause === clause; j++) {
    if (CONDITION_WORDS.has(tokens[j]!.word)) return true;
  }
  return false;
}
/** How close after an option a condition must start to make it a plan for a case. */
const CONDITION_AFTER = 2;

/** Sentence punctuation, or the start of the answer, right before token `i`. */
function startsSentence(tokens: Token[], i: number, answer: string): boolean {
  return i === 0 || /[.!?:;\n]/.test(answer.slice(tokens[i - 1]!.end, tokens[i]!.start));
}

/** "So", "Final answer", "In short" … opening a sentence at clause `c` (a mid-sentence ", so it's out" is reasoning). */
function opensConclusion(tokens: Token[], starts: Map<number, number>, c: number, answer: string): boolean {
  const first = starts.get(c);
  if (first === undefined || !startsSentence(tokens, first, answer)) return false;
  // "=> Flink." closes terse notes the way "So: Flink." closes prose ("->" only links steps).
  if (/(?:=>|\u21d2)\s*$/.test(answer.slice(first === 0 ? 0 : tokens[first - 1]!.end, tokens[first]!.start)))
    return true;
  const w = tokens[first]!.word;
  return CONCLUDING_WORDS.has(w) || CONCLUDING_PAIRS.get(w) === tokens[first + 1]?.word;
}

/** How long a concluding lead-in may be before the clause it introduces ("So I change my answer: Flink"). */
const CONCLUSION_LEAD_IN = 6;

/** The first option of a clause and those listed with it ("So: batch first, then streaming" decides batch). */
function firstInClause(tokens: Token[], m: Mention, at: number[]): boolean {
  const clause = tokens[m.from]!.clause;
  let j = m.from - 1;
  while (j >= 0 && tokens[j]!.clause === clause && (at[j] !== -1 || LIST_CONNECTORS.has(tokens[j]!.word))) j--;
  for (; j >= 0 && tokens[j]!.clause === clause; j--) if (at[j] !== -1) return false;
  return true;
}

/** "Flink then: …", "Kafka Streams it is.": after the alternatives are weighed, the one left standing. */
const CONCLUDING_TAILS = [["then"], ["it", "is"]];

function closesClause(tokens: Token[], to: number): boolean {
  const clause = tokens[to]!.clause;
  return CONCLUDING_TAILS.some(
    (tail) =>
      tail.every((w, k) => tokens[to + 1 + k]?.word === w && tokens[to + 1 + k]!.clause === clause) &&
      tokens[to + 1 + tail.length]?.clause !== clause,
  );
}

/**
 * The sentence that states the decision outweighs options weighed on the way to it: an option opening the answer
 * on its own ("Batch first.", "Flink, because…"), the first option of a sentence opened by "so", "final answer",
 * "in short"… ("So: streaming ingest, batch transform"), or one left standing ("Flink then: …").
 */
function isDecisive(
  tokens: Token[],
  m: Mention,
  at: number[],
  other: (k: number) => boolean,
  starts: Map<number, number>,
  answer: string,
): boolean {
  const clause = tokens[m.from]!.clause;
  const before = starts.get(clause - 1);
  const concluding =
    opensConclusion(tokens, starts, clause, answer) ||
    (before !== undefined &&
      starts.get(clause)! - before <= CONCLUSION_LEAD_IN &&
      opensConclusion(tokens, starts, clause - 1, answer));
  if (concluding) return firstInClause(tokens, m, at);
  if (closesClause(tokens, m.to)) return true;
  let from = m.from;
  while (from > 0 && LEAD_OPENERS.has(tokens[from - 1]!.word)) from--;
  return from === 0 && isLead(tokens, m, other, answer);
}

/** Whether a position holds another option's name, not a second naming of `m`'s ("Stream the events in, transform them in batches"). */
function otherThan(m: Mention, mentions: Mention[], at: number[]): (k: number) => boolean {
  return (k) => at[k] !== -1 && mentions[at[k]!]!.option !== m.option;
}

function view(
  tokens: Token[],
  mentions: Mention[],
  negation: Negation,
  disowned: number[],
  answer: string,
): MentionView[] {
  const at = mentionMap(mentions, tokens.length);
  const hedgedClauses = new Set(tokens.filter((t) => HEDGE_STEMS.has(t.stem)).map((t) => t.clause));
  const starts = new Map<number, number>();
  tokens.forEach((t, i) => starts.has(t.clause) || starts.set(t.clause, i));
  return mentions.flatMap((m, i) => {
    if (disowned[m.from] === 1 || isShadowed(m, mentions, negation) || isDeferred(tokens, m)) return [];
    const other = otherThan(m, mentions, at);
    const forCase = isForCase(tokens, m);
    const hedged = hedgedClauses.has(tokens[m.from]!.clause) || isConditional(tokens, m) || forCase;
    const cued =
      isLead(tokens, m, other, answer) ||
      hasCue(tokens, at, m.from - 1, -1, CHOOSING_STEMS) ||
      hasCue(tokens, at, m.to + 1, 1, ENDORSING_STEMS);
    const decisive = isDecisive(tokens, m, at, other, starts, answer);
    return [
      {
        option: m.option,
        negated: negation.mentionNegatedBy[i]! >= 0,
        cued: cued || decisive,
        hedged,
        forCase,
        decisive,
      },
    ];
  });
}

function outcomeOf(committed: Set<string>, rejected: Set<string>, expected: string[]): [ChoiceOutcome, string[]] {
  const right = [...committed].filter((o) => expected.includes(o));
  const negatedExpected = expected.some((o) => rejected.has(o));
  const flags = negatedExpected ? ["negated-choice"] : [];
  if (committed.size === 0) return negatedExpected ? ["negated", flags] : ["none", ["no-commitment"]];
  if (right.length === committed.size) return ["right", flags];
  if (right.length === 0) return ["wrong", [...flags, "wrong-choice"]];
  return ["several", [...flags, "several-choices"]];
}

/**
 * Which options the answer commits to; options named in a position the answer took back or only reports don't
 * count. A firm choice ("I'd go with X", "X is the right fit", "X." up front) outweighs options merely discussed; a
 * rejected option is never committed to; several options with nothing to choose between them is a commitment to all
 * of them, which is none.
 */
export function findCommitment(
  tokens: Token[],
  mentions: Mention[],
  negation: Negation,
  expected: string[],
  disowned: number[] = new Array<number>(tokens.length).fill(0),
  answer = "",
): Commitment {
  const views = view(tokens, mentions, negation, disowned, answer);
  const sure = views.filter((v) => v.cued && !v.negated && !v.hedged);
  const decided = new Set(sure.filter((v) => v.decisive).map((v) => v.option));
  const firm = decided.size > 0 ? decided : new Set(sure.map((v) => v.option));
  const rejected = new Set(views.filter((v) => v.negated && !firm.has(v.option)).map((v) => v.option));
  const named = views.filter((v) => !v.negated && !rejected.has(v.option));
  // With nothing chosen firmly, options named plainly outweigh one kept for a case ("Flink only if …").
  const plain = named.filter((v) => !v.forCase);
  const loose = plain.length > 0 ? plain : named;
  const committed = firm.size > 0 ? firm : new Set(loose.map((v) => v.option));
  const [outcome, flags] = outcomeOf(committed, rejected, expected);
  const hedged = firm.size === 0 && loose.length > 0 && loose.every((v) => v.hedged);
  return { committed: [...committed], rejected: [...rejected], outcome, flags, hedged };
}
