import type { Token } from "./lexer.ts";
import { wordClass } from "./word-classes.ts";
import { FUNCTION_WORD } from "./words.ts";

/** Below this share of grammar words, text is a list of terms rather than sentences. */
const MAX_LIST_FUNCTION_SHARE = 0.1;
/** Short fragments with little grammar between them are a list too. */
const MAX_FRAGMENT_WORDS = 3;
const MAX_FRAGMENT_FUNCTION_SHARE = 0.2;
const MIN_WORDS = 4;
const MIN_FRAGMENTS = 3;
/** One short clause without commas is a terse sentence ("Everything goes through one pipeline"), not a list. */
const MIN_UNBROKEN_LIST_WORDS = 8;
/**
 * A run of this many bare terms in a row ("replay, one codebase, Kafka, simpler, infrastructure") is a pile
 * even inside sentences, once bare terms make up a fair share of the answer; a run twice as long always is.
 */
const MIN_PILE_RUN = 4;
const MIN_PILE_SHARE = 0.3;
/** A bare term: a fragment of at most this many words with no grammar word. */
const MAX_TERM_WORDS = 4;
/**
 * Relation symbols stand for a verb in shorthand ("SLA = next day", "throughput > latency", "=> Spark"),
 * so each one counts as a grammar word.
 */
const RELATION_SYMBOLS = /=>|->|>>|<=|>=|[=<>→⇒]/g;
/**
 * Notes judge or condition what they name without a verb: "hrs latency ok", "exactly-once required", "Flink if <1s".
 * A pile of terms does not: across the labelled sets these words occur in none of the answers the keyword-list check
 * rightly flags, and in a third of the terse right answers it wrongly flagged.
 */
const NOTE_PREDICATES = /\b(?:ok|okay|acceptable|enough|required|if)\b/gi;
/**
 * A short label opening a line or sentence ("Deploy: KS = lib in app", "Checkpoints: Flink snapshots …") heads
 * what follows, as a subject heads its predicate.
 */
const NOTE_LABEL = /(?:^|[\n.;|])\s*[-*•]?\s*[\p{L}\d][\p{L}\d ()'/-]{0,24}:(?=\s)/gu;
const NOTE_VALUE_END = /[\n.;|]/;
/** A relation or label over an enumeration ("Dimensions: latency, state, cost, team") heads a pile: it says nothing. */
const MIN_ENUMERATION_COMMAS = 3;
/**
 * Shorthand notes say something about each thing they name: "KS = lib in app, no cluster. Flink -> own cluster".
 * At least this many relations, one per this many words at most, make an answer notes rather than a pile.
 */
const MIN_NOTE_RELATIONS = 2;
const MAX_WORDS_PER_NOTE_RELATION = 20;
/** Join terms without saying anything about them: "Flink and watermarks and exactly-once". */
const JOINERS = new Set(["and", "or"]);
const JOINER = wordClass(JOINERS);
/**
 * A chain of at least this many "and"/"or" joining fragments none of which has a subject or a verb
 * ("bounded and hours old and no need for streaming and mature ecosystem") is a pile of phrases.
 */
const MIN_CHAIN_JOINS = 3;
/** Words that give a fragment a subject or a finite verb, making it a statement. */
const STATEMENT_WORDS = new Set([
  "i",
  "we",
  "you",
  "they",
  "he",
  "she",
  "it",
  "there",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "am",
  "can",
  "will",
  "would",
  "should",
  "could",
  "do",
  "does",
  "did",
  "has",
  "have",
  "had",
  "must",
  "may",
  "might",
]);
const STATEMENT = wordClass(STATEMENT_WORDS);
/** Notes of at least this many lines or numbered points, this many words each on average, are statements. */
const MIN_NOTE_LINES = 3;
const MIN_WORDS_PER_NOTE_LINE = 3;
/** Steps of a plan listed in notes say what to do ("chunk per month"); single terms only name things. */
const MIN_WORDS_PER_PLAN_STEP = 2;
const NUMBERED_POINT = /(?:^|\s)\(?\d{1,2}[.)](?=\s)/g;
const LETTER = /\p{L}/u;

/** Relation symbols and labels, counting only those that relate something (not those heading an enumeration). */
function countRelations(answer: string): number {
  // A label needs a colon; most answers have none, and the label pattern is the costly one to run.
  const labels = answer.includes(":") ? answer.matchAll(NOTE_LABEL) : [];
  const at = [...answer.matchAll(RELATION_SYMBOLS), ...labels, ...answer.matchAll(NOTE_PREDICATES)]
    .map((m) => m.index + m[0].length)
    .sort((a, b) => a - b);
  return at.filter((start, i) => {
    const rest = answer.slice(start, at[i + 1] ?? answer.length);
    const end = rest.search(NOTE_VALUE_END);
    const value = end < 0 ? rest : rest.slice(0, end);
    return countCommas(value) < MIN_ENUMERATION_COMMAS;
  }).length;
}

const countRelationSymbols = (text: string) => text.match(RELATION_SYMBOLS)?.length ?? 0;

/** Commas that separate items; those inside brackets qualify one item ("batch layer (complete, accurate, slow)"). */
function countCommas(text: string): number {
  if (!text.includes(",")) return 0;
  const outside = text.includes("(") ? text.replace(/\([^)]*\)/g, "") : text;
  return outside.match(/,/g)?.length ?? 0;
}

/** Sentences (or semicolon-separated notes) with at least one word. */
const sentencesOf = (answer: string) => answer.split(NOTE_VALUE_END).filter((s) => LETTER.test(s));

/** Item separators of an enumeration: commas outside brackets, slashes, "+" and "&". */
const countSeparators = (text: string) => countCommas(text) + (text.match(/[/+&]/g)?.length ?? 0);

/**
 * "Spark batch. bounded 500GB/day, hrs ok -> no need for streaming. cheaper, easy rerun.": short sentences that
 * relate something, none of them an enumeration, are terse statements.
 */
function isSentenceNotes(tokens: Token[], answer: string, relations: number): boolean {
  if (relations === 0) return false;
  const sentences = sentencesOf(answer);
  if (sentences.length < MIN_NOTE_LINES || tokens.length / sentences.length < MIN_WORDS_PER_NOTE_LINE) return false;
  const enumerations = sentences.filter((sentence) => countSeparators(sentence) >= MIN_ENUMERATION_COMMAS);
  if (enumerations.length === 0) return true;
  // In longer notes one sentence may list the steps of a plan ("Spark batch, new logic, chunk per month, separate
  // cluster") among sentences that relate things; a list of single terms ("state, savepoints, rollback") is a pile.
  const [list] = enumerations;
  const itemWords = (list!.match(/\p{L}+/gu)?.length ?? 0) / (countSeparators(list!) + 1);
  return enumerations.length === 1 && sentences.length > MIN_NOTE_LINES && itemWords >= MIN_WORDS_PER_PLAN_STEP;
}

/**
 * A sentence that only enumerates ("Checkpoints, state, savepoints, migration, rollback."): no relation, no label,
 * no subject or verb. Notes around it don't make it say anything.
 */
function hasBareEnumeration(answer: string): boolean {
  return answer.split(NOTE_VALUE_END).some((sentence) => {
    if (countCommas(sentence) < MIN_ENUMERATION_COMMAS) return false;
    if (countRelationSymbols(sentence) > 0 || /:\s/.test(sentence)) return false;
    return !(sentence.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => STATEMENT_WORDS.has(word));
  });
}

/** "- batch layer: complete, accurate, slow\n- speed layer: …" or "1) tiny data: startup > work. 2) …": notes. */
function isNotes(tokens: Token[], answer: string): boolean {
  const lines = answer.includes("\n")
    ? answer.split("\n").filter((l) => LETTER.test(l)).length
    : Number(LETTER.test(answer));
  const points = answer.match(NUMBERED_POINT)?.length ?? 0;
  const units = Math.max(lines, points);
  return units >= MIN_NOTE_LINES && tokens.length / units >= MIN_WORDS_PER_NOTE_LINE;
}

/**
 * Grammar that shows sentence structure. Words inside a compound ("at a" in "event-at-a-time") are part of
 * a term, and "and"/"or" join terms as readily as clauses, so neither counts. Notes' shorthand ("w/", "bc") does.
 */
function isGrammar(t: Token): boolean {
  return ((t.classes & FUNCTION_WORD) !== 0 && !t.bound && (t.classes & JOINER) === 0) || (t.classes & SHORTHAND) !== 0;
}

interface Fragment {
  words: number;
  grammar: number;
  /** Grammar words other than articles: "an outbox" is still a bare term. */
  structure: number;
  /** Opened by "and"/"or" rather than punctuation. */
  joined: boolean;
  /** Has a subject or a finite verb. */
  states: boolean;
}

/** Fragments end at commas, slashes, brackets, line breaks and sentence ends, and at "and"/"or". */
function fragmentsOf(tokens: Token[]): { fragments: Fragment[]; joins: number } {
  const fragments: Fragment[] = [];
  let current: Fragment | undefined;
  let joins = 0;
  let joined = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.bound && (t.classes & JOINER) !== 0) {
      current = undefined;
      joins++;
      joined = true;
      continue;
    }
    const afterShorthand = t.slashed && SHORTHAND_GRAMMAR.has(tokens[i - 1]?.word ?? "");
    if (!current || tokens[i - 1]?.seg !== t.seg || (t.slashed && !afterShorthand)) {
      current = { words: 0, grammar: 0, structure: 0, joined, states: false };
      fragments.push(current);
      joined = false;
    }
    current.words++;
    if (isGrammar(t)) {
      current.grammar++;
      if ((t.classes & ARTICLE) === 0) current.structure++;
    }
    if ((t.classes & STATEMENT) !== 0) current.states = true;
  }
  return { fragments, joins };
}

const ARTICLE = wordClass(new Set(["a", "an", "the"]));
/** Note-taking shorthand for grammar words: "w/" (with), "w/o" (without), "bc" (because). "w/" joins, not splits. */
const SHORTHAND_GRAMMAR = new Set(["w", "bc"]);
const SHORTHAND = wordClass(SHORTHAND_GRAMMAR);
/**
 * "foreachBatch and retries and idempotency keys and an outbox and kafka": this many bare terms chained by
 * "and"/"or" is a pile even inside a sentence; prose does not join five things that way.
 */
const MIN_AND_CHAIN = 5;

/** The longest run of bare terms (articles allowed) each joined to the one before by "and"/"or". */
function andChainOf(fragments: Fragment[]): number {
  let run = 0;
  let longest = 0;
  for (const f of fragments) {
    const bare = f.structure === 0 && f.words <= MAX_TERM_WORDS;
    run = bare ? (f.joined && run > 0 ? run + 1 : 1) : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** The longest run of bare terms in a row, and how many words all bare terms hold. */
function pileOf(fragments: Fragment[]): { run: number; words: number } {
  let run = 0;
  let longest = 0;
  let words = 0;
  for (const f of fragments) {
    const bare = f.grammar === 0 && f.words <= MAX_TERM_WORDS;
    run = bare ? run + 1 : 0;
    longest = Math.max(longest, run);
    if (bare) words += f.words;
  }
  return { run: longest, words };
}

/**
 * True when the answer is a pile of terms ("Flink, exactly-once, watermarks, low latency") rather than
 * statements, whatever joins the terms: commas, "and", "+", "&", "/", line breaks. Such an answer can hit
 * every concept phrase without claiming anything.
 */
export function isKeywordList(tokens: Token[], answer = ""): boolean {
  if (tokens.length < MIN_WORDS || isNotes(tokens, answer)) return false;
  const shape = fragmentsOf(tokens);
  // Relations only ever make a pile less of one: each counts as grammar, and any relation at all clears the tests
  // after the grammar share. So the costly search for them runs only on answers that read as a pile without them,
  // a few in a hundred.
  if (!readsAsPile(tokens, shape, 0)) return false;
  const relations = countRelations(answer);
  if (relations === 0) return true;
  const related = relations >= MIN_NOTE_RELATIONS && tokens.length / relations <= MAX_WORDS_PER_NOTE_RELATION;
  if ((related && !hasBareEnumeration(answer)) || isSentenceNotes(tokens, answer, relations)) return false;
  return readsAsPile(tokens, shape, relations);
}

/** The tests on the answer's fragments, `relations` counting as grammar words. */
function readsAsPile(
  tokens: Token[],
  { fragments, joins }: ReturnType<typeof fragmentsOf>,
  relations: number,
): boolean {
  const grammar = relations + fragments.reduce((sum, f) => sum + f.grammar, 0);
  const functionShare = grammar / (tokens.length + relations);
  const enoughItems = fragments.length >= MIN_FRAGMENTS || tokens.length >= MIN_UNBROKEN_LIST_WORDS;
  if (functionShare < MAX_LIST_FUNCTION_SHARE && enoughItems) return true;
  const wordsPerFragment = tokens.length / fragments.length;
  if (
    fragments.length >= MIN_FRAGMENTS &&
    wordsPerFragment <= MAX_FRAGMENT_WORDS &&
    functionShare < MAX_FRAGMENT_FUNCTION_SHARE
  ) {
    return true;
  }
  if (relations > 0) return false;
  if (andChainOf(fragments) >= MIN_AND_CHAIN) return true;
  const phraseChain =
    joins >= MIN_CHAIN_JOINS && fragments.length > MIN_CHAIN_JOINS && wordsPerFragment <= MAX_TERM_WORDS;
  if (phraseChain && fragments.every((f) => !f.states)) return true;
  const pile = pileOf(fragments);
  return pile.run >= 2 * MIN_PILE_RUN || (pile.run >= MIN_PILE_RUN && pile.words / tokens.length >= MIN_PILE_SHARE);
}
