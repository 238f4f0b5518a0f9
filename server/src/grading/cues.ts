/**
 * Cue words for negation and commitment. These are English, not domain knowledge: they describe how
 * people reject or choose something, whatever the thing is.
 */

/** Negate what follows in their segment: "not bounded", "without a cluster", "avoid Flink". */
export const FORWARD_NEGATORS = new Set(["not", "no", "never", "without", "nor", "neither", "against", "nothing", "nobody", "none"]);
/** Same, matched by stem so every inflection counts ("avoids", "skipping", "excluded"). */
export const FORWARD_NEGATOR_STEMS = new Set(["avoid", "skip", "ditch", "drop", "exclud", "elimin", "reject", "dismiss", "discard", "remov"]);
/** Two-word rejections: "rule out X", "steer clear of X". */
export const NEGATING_PAIRS = new Map<string, string>([
  ["rule", "out"],
  ["ruling", "out"],
  ["rules", "out"],
  ["ruled", "out"],
  ["clear", "of"],
  // "I'd push back on Flink", "stay away from Flink".
  ["push", "back"],
  ["pushing", "back"],
  ["pushed", "back"],
  ["away", "from"],
]);

/** "not only", "no matter", "doesn't matter if", "whether or not" are not negations. */
export const NOT_NEGATING_AFTER = new Map<string, Set<string>>([
  ["not", new Set(["only", "just", "merely", "matter"])],
  ["no", new Set(["matter", "doubt"])],
]);

/** Auxiliaries: "X is not", "X wouldn't", "X can't" put the subject X in the negation's scope. */
export const AUXILIARIES = new Set([
  "is", "are", "was", "were", "would", "will", "can", "could", "should", "does", "do", "did", "has", "have",
  "had", "must", "may", "might", "shall", "be",
]);

/** Skipped when reading what follows "not": "is not really the right fit", "wouldn't be a good fit". */
export const PREDICATE_FILLERS = new Set([
  "a", "an", "the", "really", "quite", "as", "very", "that", "so", "particularly", "necessarily", "always",
  "even", "actually", "truly", "going", "to", "be", "been", "well", "fully",
]);

/**
 * After "X is not / X can't", these make the sentence a verdict on X ("Spark batch can't meet 100ms").
 * Others leave X alone: "Kafka Streams doesn't need a cluster" praises Kafka Streams.
 */
export const VERDICT_PREDICATES = new Set([
  "fit", "fits", "suitable", "suited", "good", "great", "right", "ideal", "appropriate", "enough", "fast",
  "quick", "meet", "meets", "handle", "handles", "hit", "achieve", "deliver", "work", "works", "scale",
  "support", "guarantee", "give", "provide", "offer", "needed", "necessary", "required", "warranted",
  "justified", "worth", "best", "better", "able", "capable", "recommended", "correct",
  "cut", "do", "make", "option", "choice", "tool", "answer", "way", "sensible", "wise", "optimal",
  "efficient", "practical", "viable", "low", "keep", "match", "cope", "manage",
]);

/** Verdicts that condemn whatever option shares their segment: "Flink would be overkill". */
export const CONDEMNING_WORDS = new Set([
  "overkill", "unnecessary", "unneeded", "needless", "overengineered", "overengineering", "excessive",
  "wasteful", "unsuitable", "inappropriate", "unjustified", "pointless", "overcomplicated", "inadequate",
  // "KS limited windowing", "its windowing is limited" (but "limited by the schedule" describes, see negation.ts).
  "limited",
]);
/** "too slow", "too complex": "too" + one of these condemns too. */
export const TOO_WHAT = new Set([
  "slow", "complex", "complicated", "heavy", "heavyweight", "expensive", "costly", "much", "late", "big",
  "laggy", "risky", "limited", "lightweight", "light", "basic", "simplistic", "weak", "small", "immature",
  "narrow",
  // A requirement too demanding for an option condemns the option: "200 ms is too tight for Structured Streaming".
  "tight", "strict", "demanding", "aggressive", "short", "fast", "low",
]);
/** "a bad fit", "the wrong tool". */
export const BAD_WORDS = new Set(["bad", "poor", "wrong", "weak", "worse", "worst"]);
export const VERDICT_NOUNS = new Set(["fit", "choice", "tool", "idea", "option", "match", "answer", "call", "pick"]);

/** Words that continue a list of negated options: "not Flink, Kafka Streams or Spark Streaming" ("Flink/Spark" too). */
export const LIST_CONNECTORS = new Set(["and", "or", "nor", "either", "neither", "the", "a", "even"]);
/**
 * "and"/"or" followed by one of these and then a verb opens a new clause that a negation before it does not
 * reach: "doesn't need milliseconds and the team is already on Spark".
 */
export const CLAUSE_JOINERS = new Set(["and", "or"]);
export const SUBJECT_OPENERS = new Set([
  "i", "we", "you", "they", "it", "he", "she", "there", "the", "their", "our", "its", "this", "that", "your",
  "everyone", "most", "many",
]);
/** How many words after the subject opener the verb may come: "and the whole team already knows". */
export const NEW_CLAUSE_VERB_WINDOW = 3;

/**
 * A negation does not reach into a condition or purpose attached to what it negates: "no streaming here
 * to keep costs down", "avoid Flink where batch would do", "don't stream if hours are fine".
 */
export const SCOPE_ENDING_WORDS = new Set(["where", "when", "whenever", "if", "wherever"]);
/** "to" opens a purpose clause unless one of these asks for it: "no need to use Flink", "not able to meet". */
export const TO_COMPLEMENT_TAKERS = new Set([
  "need", "needs", "needed", "have", "has", "had", "want", "wants", "able", "going", "ought", "used", "try",
  "trying", "tried", "reason", "point", "worth", "way", "how", "ready", "willing", "likely", "enough", "due",
  "as", "according", "close", "compared", "next", "up", "down", "back", "from", "in", "order",
]);

/** Where a backwards negation stops: "I wouldn't use Flink" negates nothing before "I". */
export const SUBJECT_STOPS = new Set(["i", "we", "you", "they", "it", "and", "or", "then", "this", "that"]);
/** A segment opening with these describes the option just before it: "not Flink, which has…". */
export const RELATIVE_OPENERS = new Set(["which", "that", "whose", "with", "where", "as"]);

/** Before an option, these commit to it: "I'd go with X", "pick X", "start with X". Matched by stem. */
export const CHOOSING_STEMS = new Set([
  "us", "use", "go", "pick", "choos", "chose", "recommend", "prefer", "opt", "select", "suggest", "reach",
  "start", "stick", "default", "answer", "choic", "learn", "deploi", "run", "build", "implement", "lean",
  "favor", "favour", "want", "need", "stai", "keep", "bet", "propos", "adopt", "definit", "clearli", "advis", "sai",
  "schedul",
]);
/**
 * After an option, these commit to it: "X is the right fit", "X wins", "X first". Matched by stem.
 * Bare nouns ("X is an option", "a popular choice") are left out: they describe without choosing.
 */
export const ENDORSING_STEMS = new Set([
  "right", "best", "obviou", "natur", "ideal", "perfect", "better", "correct", "fit", "suit", "suitabl", "win",
  "winner", "excel", "appropri", "sensibl", "first", "default", "enough", "suffici", "fine", "clear", "strongest",
  "recommend", "prefer", "good", "great", "definit",
]);
/**
 * Opening a clause, these state the decision the answer reached ("So: Flink", "Final answer: batch", "That leaves
 * Flink"): options named there outweigh options weighed on the way.
 */
export const CONCLUDING_WORDS = new Set(["so", "therefore", "thus", "hence", "final", "finally", "ultimately", "overall", "verdict", "conclusion", "tldr", "decision"]);
export const CONCLUDING_PAIRS = new Map<string, string>([
  ["in", "short"],
  ["short", "answer"],
  ["bottom", "line"],
  ["that", "leaves"],
  ["which", "leaves"],
  ["my", "answer"],
  ["my", "pick"],
  ["my", "choice"],
  ["my", "recommendation"],
]);

/** How many words a choosing or endorsing cue may sit from its option. */
export const CUE_WINDOW = 4;

/**
 * Near an option, these put it off to later: "learn streaming later", "then, later, streaming". A deferred
 * option is part of a plan, not the answer: neither chosen nor rejected.
 */
export const DEFERRING_WORDS = new Set(["later", "afterwards", "afterward", "eventually", "subsequently", "next"]);
/** How many words a deferring word may sit from its option, on either side. */
export const DEFER_WINDOW = 3;

/** Words that make a mention tentative: "maybe Flink", "it depends", "could work". */
export const HEDGE_STEMS = new Set(["mayb", "perhap", "possibl", "might", "could", "depend", "either", "probabl"]);

/** Words that open a condition: what follows them in their clause is supposed, not claimed ("if we needed Flink"). */
export const CONDITION_WORDS = new Set(["if", "unless", "whenever"]);
