import { readFileSync } from "node:fs";
import path from "node:path";
import { addPhrase } from "./add-phrase.ts";
import type { ContentBank } from "./load.ts";
import { unifiedDiff } from "./unified-diff.ts";

export interface PhraseSuggestion {
  id: string;
  question: string;
  concept: string | null;
  misconception: string | null;
  phrase: string;
}

const norm = (phrase: string) => phrase.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * One patch (paths `a/content/…`, for `git apply` at the repository's root) adding each suggested phrase to its
 * question's rubric in the bank at `dir`, and each suggestion that cannot be placed with the reason.
 */
export function phrasePatch<S extends PhraseSuggestion>(dir: string, bank: ContentBank, suggestions: readonly S[]) {
  const edited = new Map<string, { before: string; after: string }>();
  const skipped: { suggestion: S; reason: string }[] = [];
  const added = new Set<string>();
  for (const s of suggestions) {
    const kind = s.concept !== null ? "concept" : "misconception";
    const id = s.concept ?? s.misconception ?? "";
    const question = bank.questions.find((q) => q.slug === s.question);
    if (!question || question.type !== "free-text") {
      skipped.push({ suggestion: s, reason: `question ${s.question} is no longer a free-text question in the bank` });
      continue;
    }
    const entries: { id: string; phrases: string[] }[] =
      kind === "concept" ? question.resolvedRubric.concepts : question.resolvedRubric.misconceptions;
    const entry = entries.find((e) => e.id === id);
    const key = `${s.question}\n${kind}\n${id}\n${norm(s.phrase)}`;
    if (!entry) {
      skipped.push({ suggestion: s, reason: `the rubric of ${s.question} no longer has ${kind} ${id}` });
      continue;
    }
    if (added.has(key) || entry.phrases.some((p) => norm(p) === norm(s.phrase))) {
      skipped.push({ suggestion: s, reason: `${kind} ${id} of ${s.question} already has the phrase "${s.phrase}"` });
      continue;
    }
    const file = path.resolve(path.dirname(path.resolve(dir)), question.file);
    const text = edited.get(file)?.after ?? readFileSync(file, "utf8");
    const result = addPhrase(text, { slug: s.question, kind, id, phrase: s.phrase });
    if ("problem" in result) {
      skipped.push({ suggestion: s, reason: result.problem });
      continue;
    }
    edited.set(file, { before: edited.get(file)?.before ?? text, after: result.text });
    added.add(key);
  }
  const patch = [...edited]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, { before, after }]) => {
      const shown = `content/${path.relative(path.resolve(dir), file).split(path.sep).join("/")}`;
      return unifiedDiff(shown, before, after);
    })
    .join("");
  return { patch, skipped };
}
