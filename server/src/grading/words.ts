import { wordClass } from "./word-classes.ts";

/**
 * Closed word classes the engine reasons with. Kept here so every module agrees on them;
 * domain vocabulary (frameworks, concepts, synonyms) comes from content, never from this file.
 */

/** Dropped from concept phrases so "hours of latency" also matches "hours latency". Negators are never here. */
export const PHRASE_STOPWORDS = new Set([
  "a", "an", "the", "of", "is", "are", "was", "be", "been", "to", "it", "its", "that", "this", "these", "those",
]);

/** Words that carry grammar rather than content; a sentence has some, a keyword dump has almost none. */
export const FUNCTION_WORDS = new Set([
  ...PHRASE_STOPWORDS,
  "i", "we", "you", "they", "he", "she", "my", "our", "your", "their", "me", "us", "them",
  "would", "will", "should", "could", "can", "might", "may", "must", "do", "does", "did", "has", "have", "had",
  "were", "being", "am", "not", "no", "and", "or", "but", "because", "since", "so", "if", "then", "than", "when",
  "where", "which", "who", "what", "while", "for", "in", "on", "at", "by", "with", "from", "into", "as", "about",
  "there", "here", "all", "any", "some", "more", "most", "just", "only", "also", "too", "very", "through", "via",
  "like", "each", "every", "everything", "nothing", "something", "why", "how", "let", "get", "gets", "goes", "go",
  "use", "uses", "need", "needs", "make", "makes", "run", "runs",
]);

/** Token bits of the classes above (see word-classes.ts). */
export const PHRASE_STOPWORD = wordClass(PHRASE_STOPWORDS);
export const FUNCTION_WORD = wordClass(FUNCTION_WORDS);

/** Words that end a clause: negation and commitment never reach across them. */
export const CLAUSE_BREAK_WORDS = new Set([
  "but", "because", "since", "so", "while", "whereas", "although", "though", "however", "unless", "yet",
  "therefore", "otherwise", "meanwhile", "whilst",
]);

/** Contractions (maps, not objects: answer words like "constructor" must not hit prototype keys) expanded before anything else, so "wouldn't" negates like "would not". */
export const CONTRACTIONS = new Map<string, string[]>(Object.entries({
  "won't": ["will", "not"],
  "can't": ["can", "not"],
  "cannot": ["can", "not"],
  "shan't": ["shall", "not"],
  "ain't": ["is", "not"],
  "i'm": ["i", "am"],
  "let's": ["let", "us"],
  // Typed without the apostrophe, which candidates under time pressure often do.
  dont: ["do", "not"], doesnt: ["does", "not"], didnt: ["did", "not"], isnt: ["is", "not"], arent: ["are", "not"],
  wasnt: ["was", "not"], werent: ["were", "not"], wouldnt: ["would", "not"], shouldnt: ["should", "not"],
  couldnt: ["could", "not"], wont: ["will", "not"], hasnt: ["has", "not"], havent: ["have", "not"],
}));

/** Suffix contractions: "X'd" → "X would", "X'll" → "X will" and so on. */
export const CONTRACTION_SUFFIXES: [string, string][] = [
  ["n't", "not"],
  ["'d", "would"],
  ["'ll", "will"],
  ["'re", "are"],
  ["'ve", "have"],
];

/** Comparatives the Porter stemmer leaves alone but candidates use interchangeably with the base form. */
export const COMPARATIVES = new Map<string, string>(Object.entries({
  cheaper: "cheap", cheapest: "cheap", simpler: "simple", simplest: "simple", easier: "easy", easiest: "easy",
  faster: "fast", fastest: "fast", slower: "slow", slowest: "slow", lower: "low", lowest: "low",
  higher: "high", highest: "high", smaller: "small", smallest: "small", larger: "large", largest: "large",
  bigger: "big", biggest: "big", fresher: "fresh", freshest: "fresh", harder: "hard", hardest: "hard",
  lighter: "light", heavier: "heavy", heaviest: "heavy", safer: "safe", costlier: "costly",
}));

/**
 * Irregular verb forms Porter leaves apart from their base ("built on" ≠ "builds on", "embedded" ≠ "embeds"),
 * folded onto the base before stemming, like the comparatives above.
 */
export const IRREGULAR_FORMS = new Map<string, string>(Object.entries({
  built: "build", ran: "run", kept: "keep", wrote: "write", written: "write", came: "come", chose: "choose",
  chosen: "choose", made: "make", held: "hold", sent: "send", grew: "grow", grown: "grow", took: "take",
  taken: "take", gave: "give", given: "give", knew: "know", known: "know", paid: "pay", brought: "bring",
  embedded: "embed", embedding: "embed", fed: "feed", led: "lead", meant: "mean", spent: "spend",
}));

/**
 * Negators that mean the same inside a phrase share one stem, so "no separate cluster" also matches
 * "without a separate cluster" and "nobody needs real time" matches "not need real time". "never" stays
 * apart ("never corrected" is a stronger claim than "not corrected yet"); cue detection reads the word,
 * not the stem, so negation scopes are unaffected.
 */
export const NEGATOR_FORMS = new Map<string, string>(Object.entries({
  no: "not", without: "not", none: "not", nothing: "not", nobody: "not",
}));

/** Units written after a number; "100ms", "100 ms" and "100 milliseconds" must agree. */
export const UNIT_AFTER_NUMBER = new Map<string, string>(Object.entries({
  ms: "ms", msec: "ms", msecs: "ms", millis: "ms", millisecond: "ms", milliseconds: "ms",
  s: "second", sec: "second", secs: "second", second: "second", seconds: "second",
  m: "minute", min: "minute", mins: "minute", minute: "minute", minutes: "minute",
  h: "hour", hr: "hour", hrs: "hour", hour: "hour", hours: "hour",
  gb: "gb", tb: "tb", pb: "pb",
}));

/** Spellings of "milliseconds" that mean it even without a number in front. */
export const MILLISECOND_WORDS = new Set(["ms", "msec", "msecs", "millis", "millisecond", "milliseconds"]);

/**
 * Ordinary English words that sit one edit away from domain words ("lake"/"late", "match"/"batch",
 * "sample"/"simple"). A correctly spelled ordinary word is never "typo-corrected" into vocabulary.
 */
export const COMMON_WORDS = new Set([
  "able", "about", "above", "across", "actually", "after", "again", "against", "ahead", "almost", "alone", "along",
  "already", "always", "among", "another", "answer", "anyway", "apart", "area", "around", "aside", "asked",
  "away", "back", "bath", "bait", "bank", "base", "basic", "basis", "bear", "beat", "become", "before", "begin",
  "behind", "being", "below", "best", "better", "between", "beyond", "bill", "bind", "bite", "blame", "blink",
  "block", "board", "body", "book", "both", "bound", "brand", "break", "bring", "broad", "build", "built", "call",
  "came", "card", "care", "case", "cash", "cast", "catch", "cause", "chain", "chance", "change", "charge",
  "cheap", "check", "choice", "choose", "claim", "class", "clear", "click", "close", "code", "cold", "come",
  "common", "cost", "could", "count", "course", "cover", "cross", "current", "daily", "date", "days", "deal",
  "deep", "does", "done", "down", "each", "early", "easy", "edge", "either", "else", "enough", "entire", "even",
  "ever", "every", "exact", "fact", "fail", "fair", "fall", "fast", "fault", "fear", "feel", "feet", "fell",
  "field", "fight", "file", "fill", "final", "find", "fine", "fire", "firm", "first", "fish", "fits", "five",
  "flag", "flat", "flow", "focus", "fold", "follow", "food", "form", "four", "free", "from", "front", "full",
  "fund", "gain", "game", "gate", "gave", "give", "goal", "goes", "going", "gone", "good", "great", "group",
  "grow", "half", "hand", "happen", "hard", "have", "head", "hear", "heat", "held", "help", "here", "high", "hold",
  "home", "hope", "hour", "huge", "idea", "into", "issue", "item", "just", "keep", "kept", "kind", "know",
  "lack", "lake", "land", "lane", "large", "last", "lately", "later", "latter", "lead", "learn", "least", "leave",
  "left", "less", "lesson", "level", "life", "light", "like", "likely", "limit", "line", "link", "list", "little",
  "live", "load", "local", "lock", "long", "look", "loop", "lose", "loss", "lost", "made", "main", "make", "many",
  "mark", "mass", "match", "matches", "matter", "mean", "meet", "mind", "miss", "mode", "more", "most", "move",
  "much", "must", "name", "near", "need", "never", "next", "nice", "none", "note", "only", "open", "order",
  "other", "over", "pace", "page", "paid", "pain", "pair", "part", "pass", "past", "patch", "path", "peak",
  "pick", "place", "plan", "play", "plus", "point", "pool", "poor", "post", "pull", "push", "quick", "quite",
  "race", "rain", "raise", "range", "rare", "rate", "rather", "reach", "read", "ready", "real", "really",
  "reason", "rest", "rich", "ride", "right", "rise", "risk", "road", "role", "room", "rule", "run", "safe",
  "said", "sale", "same", "sample", "save", "scene", "seem", "seen", "self", "sell", "send", "sense", "serve",
  "setting", "shape", "share", "shift", "ship", "short", "should", "show", "shown", "side", "sign", "since",
  "site", "size", "skip", "slow", "small", "smart", "soft", "sold", "some", "soon", "sort", "sound", "source",
  "space", "speak", "speed", "spend", "spent", "spot", "stack", "staff", "stage", "stale", "stand", "stark",
  "start", "state", "stay", "steam", "step", "still", "stock", "stop", "store", "story", "such", "sure", "take",
  "talk", "task", "team", "tell", "tend", "term", "test", "than", "that", "them", "then", "they", "thing",
  "think", "this", "those", "three", "time", "told", "tone", "took", "tool", "total", "touch", "tough", "track",
  "trade", "train", "treat", "tree", "trend", "trip", "true", "trust", "turn", "type", "under", "unit", "until",
  "upon", "used", "user", "value", "very", "view", "wait", "walk", "wall", "want", "warm", "waste", "watch",
  "water", "ways", "week", "well", "went", "were", "what", "when", "where", "which", "while", "whole", "wide",
  "will", "window", "wise", "wish", "with", "word", "work", "world", "worse", "worth", "would", "write", "year",
  "yours",
]);

/** Spelled-out numbers, so "thirty seconds" reads like "30 seconds". */
export const NUMBER_WORDS = new Map<string, string>(Object.entries({
  zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9",
  ten: "10", fifteen: "15", twenty: "20", thirty: "30", forty: "40", fifty: "50", sixty: "60", ninety: "90",
  hundred: "100", thousand: "1000",
}));
