/** The grader's contract. Content produces `ResolvedRubric`s; everything here is plain data. */

export type Verdict = "correct" | "partial" | "incorrect";

/** Something an answer can commit to: a framework, an architecture or a paradigm. */
export interface ChoiceOption {
  id: string;
  label: string;
  category: "framework" | "architecture" | "paradigm";
  /** Names a candidate might use for it, e.g. "structured streaming", "spark streaming". */
  aliases: string[];
}

/** Shared language knowledge: choosable options and groups of interchangeable words. */
export interface Lexicon {
  options: ChoiceOption[];
  /** Each group lists words or short phrases that mean the same thing here, e.g. ["cheap", "inexpensive", "low cost"]. */
  synonyms: string[][];
}

export interface ResolvedConcept {
  id: string;
  label: string;
  weight: number;
  required: boolean;
  /** Phrases (catalog phrases plus question-specific ones) any of which shows the concept. */
  phrases: string[];
  /** Shown to a candidate who missed the concept. */
  hint: string;
  /** The point itself, in full; the back of a missed-concept flashcard. */
  explanation: string;
}

export interface ResolvedMisconception {
  id: string;
  phrases: string[];
  /** Share of the score (0..1) the misconception costs. */
  penalty: number;
  explanation: string;
}

export interface ResolvedRubric {
  /** Present for "which framework / which architecture" questions. */
  choice?: {
    /** Any one of these is a right commitment (the ML-features scenario accepts Flink or Spark Streaming). */
    expected: string[];
    /** Known wrong answers. */
    alternatives: string[];
  };
  concepts: ResolvedConcept[];
  misconceptions: ResolvedMisconception[];
}

export interface ChoiceQuestion {
  type: "single-choice" | "multi-choice";
  choices: { id: string; text: string; correct: boolean; feedback: string }[];
}

export interface GradeResult {
  score: number;
  verdict: Verdict;
  matched: { concept: string; evidence: string }[];
  missed: { concept: string; hint: string }[];
  flags: string[];
  /** For choice rubrics: what the question wanted and what the answer committed to (option ids). */
  choice?: { expected: string[]; committed: string[] };
}
