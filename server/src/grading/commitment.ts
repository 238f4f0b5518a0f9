import {
  AUXILIARIES,
  CHOOSING_STEMS,
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
}

function hasCue(tokens: Token[], at: Int32Array, start: number, step: 1 | -1, cues: Set<string>): boolean {
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
 * the answer with at most a word or two ("Flink here."), is the answer.
 */
function isLead(tokens: Token[], m: Mention, at: Int32Array): boolean {
  const seg = tokens[m.from]!.seg;
  let from = m.from;
  while (tokens[from - 1]?.seg === seg && LEAD_OPENERS.has(tokens[from - 1]!.word)) from--;
  if (tokens[from - 1]?.seg === seg && from !== 0) return false;
  if (endsList(tokens, at, m.from)) return false;
  let end = m.to + 1;
  while (tokens[end]?.seg === seg && at[end] === -1 && !AUXILIARIES.has(tokens[end]!.word)) end++;
  if (tokens[end]?.seg === seg || startsList(tokens, at, end)) return false;
  return end === m.to + 1 || (from === 0 && end - m.to - 1 <= LEAD_SLACK);
}

/** "Spark, Flink or Kafka Streams…": an option heading a list is one of several, not the answer. */
function startsList(tokens: Token[], at: Int32Array, next: number): boolean {
  let k = next;
  while (
    tokens[k] !== undefined &&
    tokens[k]!.clause === tokens[next - 1]?.clause &&
    LIST_CONNECTORS.has(tokens[k]!.word)
  )
    k++;
  return at[k] !== undefined && at[k] !== -1 && tokens[k]!.clause === tokens[next - 1]?.clause;
}

/** "Spark, Flink, Kafka Streams, Structured Streaming, 30s": the last option of a list is one of several too. */
function endsList(tokens: Token[], at: Int32Array, from: number): boolean {
  let k = from - 1;
  while (k >= 0 && tokens[k]!.clause === tokens[from]!.clause && LIST_CONNECTORS.has(tokens[k]!.word)) k--;
  return k >= 0 && tokens[k]!.clause === tokens[from]!.clause && at[k] !== -1;
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

function view(tokens: Token[], mentions: Mention[], negation: Negation, disowned: Uint8Array): MentionView[] {
  const at = mentionMap(mentions, tokens.length);
  const hedgedClauses = new Set(tokens.filter((t) => HEDGE_STEMS.has(t.stem)).map((t) => t.clause));
  return mentions.flatMap((m, i) => {
    if (disowned[m.from] === 1 || isShadowed(m, mentions, negation) || isDeferred(tokens, m)) return [];
    const hedged = hedgedClauses.has(tokens[m.from]!.clause) || isConditional(tokens, m);
    const cued =
      isLead(tokens, m, at) ||
      hasCue(tokens, at, m.from - 1, -1, CHOOSING_STEMS) ||
      hasCue(tokens, at, m.to + 1, 1, ENDORSING_STEMS);
    return [{ option: m.option, negated: negation.mentionNegatedBy[i]! >= 0, cued, hedged }];
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
  disowned: Uint8Array = new Uint8Array(tokens.length),
): Commitment {
  const views = view(tokens, mentions, negation, disowned);
  const firm = new Set(views.filter((v) => v.cued && !v.negated && !v.hedged).map((v) => v.option));
  const rejected = new Set(views.filter((v) => v.negated && !firm.has(v.option)).map((v) => v.option));
  const loose = views.filter((v) => !v.negated && !rejected.has(v.option));
  const committed = firm.size > 0 ? firm : new Set(loose.map((v) => v.option));
  const [outcome, flags] = outcomeOf(committed, rejected, expected);
  const hedged = firm.size === 0 && loose.length > 0 && loose.every((v) => v.hedged);
  return { committed: [...committed], rejected: [...rejected], outcome, flags, hedged };
}
