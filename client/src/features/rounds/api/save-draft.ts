import { api } from "../../../lib/api-client";
import type { AnswerValue } from "../../../lib/questions";

/**
 * PUT …/drafts/:slug (204). No query hook: autosave needs its own debounce, ordering and retry rules (see
 * utils/draft-sync.ts), which a mutation hook would only get in the way of.
 */
export function saveDraft(roundId: string, slug: string, answer: AnswerValue): Promise<void> {
  return api.put<void>(`/api/rounds/${encodeURIComponent(roundId)}/drafts/${encodeURIComponent(slug)}`, { answer });
}
