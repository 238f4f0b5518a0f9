import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, onTestFinished } from "vitest";
import { ContentError, loadContent, type ContentIssue } from "../../../server/src/content/load.ts";
import { SECTIONS } from "../../../server/src/content/schema.ts";

export const REAL_CONTENT = path.resolve(import.meta.dirname, "../../../content");

/**
 * A throw-away content dir: the real vocabulary and concepts, an empty question list per section, an empty
 * flashcards folder, then `files` written on top (relative path → text; null deletes the file).
 * Call it inside a test: the dir is removed when the test finishes.
 */
export function makeBank(files: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "watermark-content-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, "questions"));
  mkdirSync(path.join(dir, "flashcards"));
  copyFileSync(path.join(REAL_CONTENT, "vocabulary.yaml"), path.join(dir, "vocabulary.yaml"));
  copyFileSync(path.join(REAL_CONTENT, "concepts.yaml"), path.join(dir, "concepts.yaml"));
  for (const section of SECTIONS) writeFileSync(path.join(dir, "questions", `${section}.yaml`), "[]\n");
  for (const [relative, text] of Object.entries(files)) {
    const target = path.join(dir, relative);
    if (text === null) rmSync(target, { recursive: true, force: true });
    else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  return dir;
}

/** How a file in a `makeBank` dir is named in issues. */
export function shown(dir: string, relative: string): string {
  return `${path.basename(dir)}/${relative}`;
}

/** 1-based line of the `nth` line of `text` containing `needle`. */
export function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const index = text.split("\n").findIndex((line) => line.includes(needle) && ++seen === nth);
  if (index < 0) throw new Error(`fixture has no line containing ${JSON.stringify(needle)}`);
  return index + 1;
}

export function issuesOf(dir: string): ContentIssue[] {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.issues;
    throw error;
  }
  throw new Error("expected the content to be rejected");
}

/** Asserts that loading `dir` fails with an issue carrying all of `expected` (message as a substring). */
export function expectIssue(dir: string, expected: ContentIssue): void {
  const issues = issuesOf(dir);
  const { message, ...location } = expected;
  expect(issues).toContainEqual(expect.objectContaining({ ...location, message: expect.stringContaining(message) }));
}

/** A valid single-choice question for `section`, as YAML list item text. */
export function choiceQuestion(slug: string, section = "flink", choices = defaultChoices): string {
  return `- slug: ${slug}
  section: ${section}
  type: single-choice
  difficulty: easy
  prompt: Which engine processes each event as it arrives?
  explanation: Flink is a true event-at-a-time engine.
  source: Framework Profiles › Apache Flink
  choices:
${choices}`;
}

export const defaultChoices = `    - id: flink
      text: Apache Flink
      correct: true
      feedback: It processes each event on arrival.
    - id: spark-batch
      text: Spark batch
      feedback: It processes bounded datasets in full.
`;

/** A valid free-text question whose rubric body (`choice:`/`concepts:` lines, 4-space indented) is given. */
export function freeTextQuestion(slug: string, rubric: string, section = "scenarios"): string {
  return `- slug: ${slug}
  section: ${section}
  type: free-text
  difficulty: medium
  prompt: Which framework would you pick for a 100 ms fraud check, and why?
  explanation: Sub-100 ms decisions need event-at-a-time processing.
  source: Which Framework for Which Scenario? › Fraud detection
  modelAnswer: Flink, because it processes each event as it arrives with millisecond latency.
  rubric:
${rubric}`;
}

export function flashcard(slug: string, section = "flink"): string {
  return `- slug: ${slug}
  section: ${section}
  front: What is Flink's processing model?
  back: True event-at-a-time streaming.
  source: Framework Profiles › Apache Flink
`;
}
