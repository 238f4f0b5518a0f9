/** The content module's public surface: other modules import from here, never from its files. */
export { ContentError, formatIssue, formatWarning, loadContent } from "./load.ts";
export type { BankQuestion, ContentBank } from "./load.ts";
export { DIFFICULTIES, QUESTION_TYPES, SECTIONS } from "./schema.ts";
export { inventory, summarize } from "./summary.ts";
export { dbQuestionType, syncContent } from "./sync.ts";
export { phrasePatch } from "./phrase-patch.ts";
export { readJsonLines } from "./json-lines.ts";
