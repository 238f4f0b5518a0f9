/** The grader's contract. Content produces `ResolvedRubric`s; everything here is plain data. */
import type { ExemplarBank } from "./exemplars.ts";

export type Verdict = "correct" | "partial" | "incorrect";

/** Something an answer can commit to: a framework, an architecture or a paradigm. */
interface ChoiceOption {
  id: string;
  label: string;
  /** Names a candidate might use for it, e.g. "structured streaming", "spark streaming". */
  aliases: string[];
  /** Paradigms ("batch", "streaming") are named in passing everywhere, so facts are never pinned to them. */
  category?: "framework" | "architecture" | "paradigm";
  /** A framework's paradigm option ("batch", "streaming"): naming the paradigm names the framework generically. */
  paradigm?: string;
}

/** A key point that is true of some options only: said of another option, or denied of these, it is wrong. */
interface OptionFact {
  concept: string;
  trueOf: string[];
  /** Wordings that attribute the point to an option. */
  claims: string[];
  /** Wordings that deny the point without a negator ("struggles with large volumes" against high throughput). */
  contrary?: string[];
}

/** Shared language knowledge: choosable options and groups of interchangeable words. */
export interface Lexicon {
  options: ChoiceOption[];
  /** Each group lists words or short phrases that mean the same thing here, e.g. ["cheap", "inexpensive", "low cost"]. */
  synonyms: string[][];
  /** Which key points hold of which options; absent means no facts are checked. */
  facts?: OptionFact[];
  /** Answers people graded, by question: the most similar ones vote on each grade (consensus.ts). */
  exemplars?: ExemplarBank;
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
  /** The question's prompt: wording copied from it restates the question and earns nothing. */
  prompt?: string;
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
  /** "low" when the grade rests on shaky ground; then `confidenceReasons` says why (see confidence.ts). */
  confidence: "high" | "low";
  confidenceReasons: string[];
}
