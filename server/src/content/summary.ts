import type { ContentBank } from "./load.ts";
import { QUESTION_TYPES, SECTIONS } from "./schema.ts";

/** The machine-readable inventory `content:check --json` prints. */
export function inventory(bank: ContentBank) {
  return {
    questions: bank.questions.map(({ slug, type, section }) => ({ slug, type, section })),
    flashcards: bank.flashcards.length,
  };
}

/** A small table of questions per section and type, plus flashcards, for humans. */
export function summarize(bank: ContentBank): string {
  const columns = [...QUESTION_TYPES, "flashcards"] as const;
  const count = (section: string | undefined, column: (typeof columns)[number]) =>
    column === "flashcards"
      ? bank.flashcards.filter((card) => section === undefined || card.section === section).length
      : bank.questions.filter(
          (question) => question.type === column && (section === undefined || question.section === section),
        ).length;
  const width = Math.max(...SECTIONS.map((section) => section.length), "total".length);
  const row = (label: string, cells: (string | number)[]) =>
    [label.padEnd(width), ...cells.map((cell, index) => String(cell).padStart(columns[index]?.length ?? 0))].join("  ");
  return [
    `Content OK: ${bank.questions.length} questions, ${bank.flashcards.length} flashcards, ${bank.concepts.size} concepts, ${bank.lexicon.options.length} options`,
    row("section", [...columns]),
    ...SECTIONS.map((section) =>
      row(
        section,
        columns.map((column) => count(section, column)),
      ),
    ),
    row(
      "total",
      columns.map((column) => count(undefined, column)),
    ),
  ].join("\n");
}
