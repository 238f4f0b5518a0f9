import type { ContentIssue } from "./issues.ts";
import type { QuestionInput } from "./schema.ts";
import { issueAt, type ItemRef } from "./yaml-file.ts";

/** A chain longer than this stops reading like one interviewer's follow-ups and becomes a second question set. */
const MAX_CHAIN_DEPTH = 3;

/** Follow-ups must point at a question in the bank, and chains must end: no loops, no endless depth. */
export function checkFollowUps(questions: QuestionInput[], refs: Map<string, ItemRef>, issues: ContentIssue[]): void {
  const parentOf = new Map(questions.flatMap((q) => (q.followUpOf ? [[q.slug, q.followUpOf] as const] : [])));
  for (const [slug, parent] of parentOf) {
    const ref = refs.get(slug);
    if (!ref) continue;
    if (!refs.has(parent)) {
      issues.push(issueAt(ref, ["followUpOf"], `follows up unknown question "${parent}"`));
      continue;
    }
    const seen = new Set([slug]);
    let current: string | undefined = parent;
    while (current !== undefined && !seen.has(current)) {
      seen.add(current);
      current = parentOf.get(current);
    }
    if (current !== undefined)
      issues.push(issueAt(ref, ["followUpOf"], `the chain through "${parent}" loops back on itself`));
    else if (seen.size > MAX_CHAIN_DEPTH + 1) {
      issues.push(
        issueAt(
          ref,
          ["followUpOf"],
          `the chain is ${seen.size - 1} follow-ups deep; at most ${MAX_CHAIN_DEPTH} are allowed`,
        ),
      );
    }
  }
}
