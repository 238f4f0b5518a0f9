import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import { isBlankAnswer, sameAnswer, type AnswerValue } from "../../../lib/questions";
import { roundQueryKey } from "../api/get-round";
import { saveDraft } from "../api/save-draft";
import type { Round } from "../types";
import { DraftSync } from "../utils/draft-sync";
import { localDraft } from "../utils/local-round";

/**
 * Local drafts to bring back on load. An entry still in storage is by construction one the server never
 * acknowledged (it is deleted on the 204), so it is newer than whatever draft the server holds, unless the
 * question has been answered since (on another device, say) or the server already has the same text.
 */
function restorableDrafts(round: Round): Record<string, AnswerValue> {
  const restored: Record<string, AnswerValue> = {};
  for (const question of round.questions) {
    const local = localDraft.read(round.id, question.slug);
    if (!local || question.answer !== null || sameAnswer(local.answer, question.draft)) continue;
    // A blank local copy over a server draft with words in it is far more likely a lost race than a wish to erase.
    if (isBlankAnswer(local.answer) && !isBlankAnswer(question.draft)) continue;
    restored[question.slug] = local.answer;
  }
  return restored;
}

export function useDraftSync(round: Round) {
  const queryClient = useQueryClient();
  const [sync] = useState(
    () =>
      new DraftSync({
        roundId: round.id,
        // Work already on the server is saved work: only a round with nothing typed yet says how saving works.
        saved: round.questions.some((q) => !isBlankAnswer(q.draft) || q.answer),
        send: (slug, answer) => saveDraft(round.id, slug, answer),
        // Re-read the round: a closed state sends the page to the results.
        onClosed: () => void queryClient.invalidateQueries({ queryKey: roundQueryKey(round.id) }),
      }),
  );
  // Read once, on the state the page opened with; later refetches must not overwrite what is being typed.
  const [opened] = useState(round);
  const [restored] = useState(() => restorableDrafts(opened));

  useEffect(() => {
    for (const [slug, answer] of Object.entries(restored)) sync.restore(slug, answer);
    sync.start();
    return () => sync.stop();
  }, [sync, restored]);

  useEffect(() => {
    // Local copies the server has made pointless (answered, or identical to its draft) would only linger.
    // Only on the first state: afterwards every local entry is one the sync is actively sending.
    for (const question of opened.questions) {
      if (restored[question.slug] === undefined) {
        const local = localDraft.read(opened.id, question.slug);
        if (local && (question.answer !== null || sameAnswer(local.answer, question.draft)))
          localDraft.clear(opened.id, question.slug);
      }
    }
  }, [opened, restored]);

  const status = useSyncExternalStore(sync.subscribe, sync.getSnapshot);
  return { sync, restored, status };
}
