import {
  AUXILIARIES,
  BAD_WORDS,
  CLAUSE_JOINERS,
  NEW_CLAUSE_VERB_WINDOW,
  SCOPE_ENDING_WORDS,
  SUBJECT_OPENERS,
  TO_COMPLEMENT_TAKERS,
  CONDEMNING_WORDS,
  FORWARD_NEGATORS,
  FORWARD_NEGATOR_STEMS,
  LIST_CONNECTORS,
  NEGATING_PAIRS,
  NOT_NEGATING_AFTER,
  PREDICATE_FILLERS,
  RELATIVE_OPENERS,
  SUBJECT_STOPS,
  TOO_WHAT,
  VERDICT_NOUNS,
  VERDICT_PREDICATES,
} from "./cues.ts";
import type { Token } from "./lexer.ts";
import { mentionMap, type Mention } from "./mentions.ts";
import { stem } from "./stem.ts";
import { wordClass } from "./word-classes.ts";

/** What the answer negates, and what it says about options it rejects. */
export interface Negation {
  /** Per token: index of the cue whose scope covers it, or -1. */
  negatedBy: number[];
  /** Per mention: index of the cue negating it, or -1. */
  mentionNegatedBy: number[];
  /** Per token: 1 when it describes an option the answer rejects ("Flink's low latency is overkill"). */
  aboutRejected: number[];
}

/** Pronouns that stand for the option just named when a verdict falls on them ("that's overkill"). */
const PRONOUN_SUBJECTS = new Set(["that", "it", "this"]);

/** Stems of what nobody does with a wasted option's gain: "freshness nobody uses / needs / asked for / wants". */
const WANTING_VERBS = new Set(["us", "need", "ask", "want", "read", "look", "care", "notic", "benefit"]);

/** "there's no." / "say no" / "is no": a bare "no" after these is an object, not an answer on an option. */
const NOT_BARE_NO_AFTER = new Set(["say", "says", "said", "saying", "is", "was", "be", "or", "and", "there"]);

/** How many clauses back a bare "no" reaches for its option: "X: <reason>, so no." */
const BARE_NO_REACH = 2;

/** How far "better than X" / "X over Y" may reach for the option they demote. */
const DEMOTE_WINDOW = 3;

class Scopes implements Negation {
  readonly negatedBy: number[];
  readonly mentionNegatedBy: number[];
  readonly aboutRejected: number[];
  readonly at: number[];

  constructor(
    readonly tokens: Token[],
    readonly mentions: Mention[],
  ) {
    this.negatedBy = new Array<number>(tokens.length).fill(-1);
    this.mentionNegatedBy = new Array<number>(mentions.length).fill(-1);
    this.aboutRejected = new Array<number>(tokens.length).fill(0);
    this.at = mentionMap(mentions, tokens.length);
  }

  word(i: number): string | undefined {
    return this.tokens[i]?.word;
  }

  sameSeg(i: number, j: number): boolean {
    return this.tokens[i]?.seg === this.tokens[j]?.seg && j >= 0 && j < this.tokens.length;
  }

  negateMention(m: number, cue: number): void {
    if (this.mentionNegatedBy[m] === -1) this.mentionNegatedBy[m] = cue;
    const { from, to } = this.mentions[m]!;
    for (let k = from; k <= to; k++) if (this.negatedBy[k] === -1) this.negatedBy[k] = cue;
  }

  /** A mention standing alone as a list item: followed by nothing, a new segment, or "and"/"or". */
  isBareItem(m: number): boolean {
    const after = this.mentions[m]!.to + 1;
    return !this.sameSeg(after - 1, after) || LIST_CONNECTORS.has(this.word(after)!);
  }

  /** After a negated option, the next option joined by "or"/"nor"/"/" or listed bare is negated too. */
  nextListed(after: number, clause: number): number {
    let k = after;
    while (k < this.tokens.length && this.tokens[k]!.clause === clause && LIST_CONNECTORS.has(this.word(k)!)) k++;
    const m = this.at[k] ?? -1;
    if (m < 0 || this.tokens[k]!.clause !== clause) return -1;
    const joinedByOr =
      this.sameSeg(after - 1, k) && (["or", "nor"].includes(this.word(k - 1)!) || this.tokens[k]!.slashed);
    return joinedByOr || this.isBareItem(m) ? m : -1;
  }

  /** "which …" right after a rejected option describes it, not the chosen one. */
  markRelative(after: number): void {
    if (!RELATIVE_OPENERS.has(this.word(after) ?? "") || this.sameSeg(after - 1, after)) return;
    for (let k = after; this.sameSeg(after, k); k++) this.aboutRejected[k] = 1;
  }

  /** "… and the team is …": a coordinated clause with its own subject and verb starts at `j`. */
  opensClause(j: number): boolean {
    if (!CLAUSE_JOINERS.has(this.word(j) ?? "") || !SUBJECT_OPENERS.has(this.word(j + 1) ?? "")) return false;
    for (let k = j + 2; k <= j + 1 + NEW_CLAUSE_VERB_WINDOW && this.sameSeg(j, k); k++) {
      const w = this.word(k)!;
      if (AUXILIARIES.has(w) || w === "already") return true;
      if (this.at[k]! >= 0 || CLAUSE_JOINERS.has(w)) return false;
    }
    return false;
  }

  /** A condition or purpose starts at `j`: "… when batch would do", "… here to keep it cheap". */
  opensAdjunct(j: number): boolean {
    const w = this.word(j)!;
    if (SCOPE_ENDING_WORDS.has(w)) return true;
    return w === "to" && !TO_COMPLEMENT_TAKERS.has(this.word(j - 1)!) && !(this.at[j + 1]! >= 0);
  }

  forward(cue: number, start: number, optionsOnly: boolean): void {
    const clause = this.tokens[cue]!.clause;
    let j = start;
    while (j < this.tokens.length && this.tokens[j]!.clause === clause) {
      // "But actually, no - batch first": a negation does not cross a comma or dash to the option after it.
      if (!this.sameSeg(cue, j)) return;
      const m = this.at[j]!;
      if (m >= 0) return this.attach(cue, m, clause);
      if (optionsOnly && j - start >= DEMOTE_WINDOW) return;
      if (j > start && (this.opensClause(j) || this.opensAdjunct(j))) return;
      if (!optionsOnly && this.negatedBy[j] === -1) this.negatedBy[j] = cue;
      j++;
    }
  }

  /** The negation has found its option: it ends there, apart from a list of further options. */
  private attach(cue: number, first: number, clause: number): void {
    for (let m = first; m >= 0; m = this.nextListed(this.mentions[m]!.to + 1, clause)) {
      this.negateMention(m, cue);
      this.markRelative(this.mentions[m]!.to + 1);
    }
  }

  /** The subject before "is not"/"can't"/"overkill": options negated, their description marked. Returns whether
   * an option was found. */
  backward(cue: number, stopAtSubject: boolean): boolean {
    let found = false;
    for (let j = cue - 1; this.sameSeg(cue, j); j--) {
      if (stopAtSubject && SUBJECT_STOPS.has(this.word(j)!)) return found;
      const m = this.at[j]!;
      if (m >= 0) {
        found = true;
        this.negateMention(m, cue);
        // Only what sits between the option and the verdict describes it; words before it are context.
        for (let k = this.mentions[m]!.to + 1; k < cue; k++) this.aboutRejected[k] = 1;
        j = this.mentions[m]!.from;
      }
    }
    return found;
  }

  /**
   * "Flink is the obvious option, but I think that's overkill", "Kafka Streams? Too heavy for it.": a condemning
   * verdict whose subject is a pronoun condemns the option named last before it, in its clause or the one before.
   */
  pronounSubject(cue: number): void {
    const near = [cue - 1, cue - 2, cue - 3, cue + 2, cue + 3].filter((k) => this.sameSeg(cue, k));
    if (near.some((k) => PRONOUN_SUBJECTS.has(this.word(k)!))) this.lastNamed(cue);
  }

  /** Negates the option named last before `cue`, in its clause or the `back` clauses before. */
  lastNamed(cue: number, back = 1): void {
    const clause = this.tokens[cue]!.clause;
    for (let j = cue - 1; j >= 0 && this.tokens[j]!.clause >= clause - back; j--) {
      const m = this.at[j]!;
      if (m >= 0) return this.negateMention(m, cue);
    }
  }
}

function notNegating(s: Scopes, i: number): boolean {
  const word = s.word(i)!;
  if (NOT_NEGATING_AFTER.get(word)?.has(s.word(i + 1) ?? "")) return true;
  return word === "not" && (s.word(i - 1) === "if" || (s.word(i - 1) === "or" && s.word(i - 2) === "whether"));
}

/** "X is not the right fit": the word after "not" (fillers skipped) passes a verdict on the subject. */
function isVerdictOnSubject(s: Scopes, i: number): boolean {
  // "Flink not needed", "KS not a good fit": notes leave out the auxiliary.
  if (!AUXILIARIES.has(s.word(i - 1) ?? "") && !(s.at[i - 1]! >= 0)) return false;
  let k = i + 1;
  while (PREDICATE_FILLERS.has(s.word(k) ?? "")) k++;
  return VERDICT_PREDICATES.has(s.word(k) ?? "");
}

/**
 * "Lambda would buy freshness nobody asked for", "paying for freshness no one uses": what the option would bring is
 * wanted by nobody, so the option is condemned like "overkill". Only at the end of its clause: "nobody needs seconds,
 * so Spark batch" states a requirement instead.
 */
function isWastedOn(s: Scopes, i: number): boolean {
  // Numbers are normalised to digits, so "no one" arrives as "no 1".
  const word = s.word(i)!;
  const verb =
    word === "nobody" || word === "noone" ? i + 1 : word === "no" && ["one", "1"].includes(s.word(i + 1)!) ? i + 2 : -1;
  if (verb < 0 || !WANTING_VERBS.has(s.tokens[verb]?.stem ?? "")) return false;
  let end = verb + 1;
  if (s.word(end) === "for" || s.word(end) === "about") end++;
  return s.tokens[end]?.clause !== s.tokens[i]!.clause;
}

function isCondemning(s: Scopes, i: number): boolean {
  const word = s.word(i)!;
  // "Freshness is limited by the schedule" says what bounds it, not that the option falls short.
  if (CONDEMNING_WORDS.has(word)) return !(word === "limited" && s.word(i + 1) === "by");
  // "a Flink cluster would run all day for nothing"
  if (word === "nothing" && s.word(i - 1) === "for") return true;
  // "Kafka Streams is out", "KS out: …": the option is ruled out, without a negator.
  if (word === "out" && (AUXILIARIES.has(s.word(i - 1) ?? "") || s.at[i - 1]! >= 0) && s.word(i + 1) !== "of")
    return true;
  if (isWastedOn(s, i)) return true;
  const next = s.word(i + 1) ?? "";
  return (word === "too" && TOO_WHAT.has(next)) || (BAD_WORDS.has(word) && VERDICT_NOUNS.has(next));
}

/** "X over Y": only between two options, so "over time" or "over Kafka topics" negate nothing. */
function isPreference(s: Scopes, i: number): boolean {
  if (s.word(i) !== "over" || !(s.at[i - 1]! >= 0 || s.at[i - 2]! >= 0)) return false;
  return s.at[i + 1]! >= 0 || (s.at[i + 2]! >= 0 && LIST_CONNECTORS.has(s.word(i + 1)!));
}

/**
 * Every word a cue can start with (see applyCue): most words are none, and one lookup rules them out where the
 * branches below would make a dozen.
 */
const CUE_WORD = wordClass(
  new Set([
    ...CONDEMNING_WORDS,
    ...BAD_WORDS,
    ...FORWARD_NEGATORS,
    ...NEGATING_PAIRS.keys(),
    "nothing",
    "out",
    "nobody",
    "noone",
    "no",
    "too",
    "instead",
    "than",
    "unlike",
    "over",
  ]),
);

/** Words whose stem negates what follows ("avoids", "skipping"): a token's stem is always its word's. */
const FORWARD_NEGATOR_STEM = wordClass((word) => FORWARD_NEGATOR_STEMS.has(stem(word)));

function applyCue(s: Scopes, i: number): void {
  const t = s.tokens[i]!;
  if ((t.classes & (CUE_WORD | FORWARD_NEGATOR_STEM)) === 0) return;
  if (isCondemning(s, i)) {
    const before = s.backward(i, false);
    s.forward(i, i + 1, true);
    if (!before && !s.mentionNegatedBy.includes(i)) s.pronounSubject(i);
    return;
  }
  if (FORWARD_NEGATORS.has(t.word) || (t.classes & FORWARD_NEGATOR_STEM) !== 0) {
    if (notNegating(s, i)) return;
    // "so it's not the right tool here": a verdict on a pronoun falls on the option just named.
    if (t.word === "not" && isVerdictOnSubject(s, i) && !s.backward(i, true)) s.pronounSubject(i);
    // "Structured Streaming: micro-batches near the budget, so no.", "KS no (Kafka only)": a bare "no" answers
    // the option just weighed, as heading, reason and verdict.
    if (t.word === "no" && !s.sameSeg(i, i + 1) && !NOT_BARE_NO_AFTER.has(s.word(i - 1) ?? ""))
      s.lastNamed(i, BARE_NO_REACH);
    return s.forward(i, i + 1, false);
  }
  if (t.word === "instead" && s.word(i + 1) === "of") return s.forward(i, i + 2, false);
  if (NEGATING_PAIRS.get(t.word) === s.word(i + 1)) return s.forward(i, i + 2, false);
  if (t.word === "than") return s.forward(i, i + 1, s.word(i - 1) !== "rather");
  if (t.word === "unlike" || isPreference(s, i)) s.forward(i, i + 1, true);
}

/** Scopes of every negation cue in the answer. Scopes end at clause and (mostly) segment boundaries. */
export function analyzeNegation(tokens: Token[], mentions: Mention[]): Negation {
  const scopes = new Scopes(tokens, mentions);
  for (let i = 0; i < tokens.length; i++) applyCue(scopes, i);
  return scopes;
}
