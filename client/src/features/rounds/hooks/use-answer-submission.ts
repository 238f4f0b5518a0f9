import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import type { AnswerValue } from "../../../lib/questions";
import { useSubmitAnswer } from "../api/submit-answer";
import type { Round } from "../types";
import type { DraftSync } from "../utils/draft-sync";
import { pendingSubmission } from "../utils/local-round";

export type SubmissionState = { state: "sending" } | { state: "failed"; message: string; willRetry: boolean };

function submitErrorMessage(error: Error): { message: string; willRetry: boolean } {
  if (!(error instanceof ApiError) || error.status === 0) {
    return {
      message:
        "You seem to be offline. Your answer is kept on this device and will be sent when the connection is back.",
      willRetry: true,
    };
  }
  if (error.code === "already_answered") {
    return {
      message: "This question already had a submitted answer, perhaps from another device. That answer is shown now.",
      willRetry: false,
    };
  }
  if (error.code === "round_closed")
    return { message: "This round has closed, so the answer couldn't be submitted.", willRetry: false };
  if (error.status === 429 || error.status >= 500)
    return { message: "We couldn't submit your answer. Press Submit answer to try again.", willRetry: false };
  return { message: error.details[0]?.message ?? error.message, willRetry: false };
}

/** Per-question submission, including resending work this device submitted but never heard back about. */
export function useAnswerSubmission(round: Round, sync: DraftSync) {
  const { mutateAsync } = useSubmitAnswer(round.id);
  const [states, setStates] = useState<Record<string, SubmissionState>>({});
  const sending = useRef(new Set<string>());

  const send = useCallback(
    (slug: string, answer: AnswerValue) => {
      if (sending.current.has(slug)) return;
      sending.current.add(slug);
      setStates((s) => ({ ...s, [slug]: { state: "sending" } }));
      // mutateAsync, not mutate: per-call callbacks of mutate only fire for the latest call, and two questions
      // can be in flight at once.
      mutateAsync({ slug, answer })
        .then(
          () => {
            sync.discard(slug);
            setStates(({ [slug]: _done, ...rest }) => rest);
          },
          (error: Error) => setStates((s) => ({ ...s, [slug]: { state: "failed", ...submitErrorMessage(error) } })),
        )
        .finally(() => sending.current.delete(slug));
    },
    [mutateAsync, sync],
  );

  // The online listener outlives renders; it must see the latest round, not the one it was added with.
  const resendPending = useRef(() => {});
  useEffect(() => {
    resendPending.current = () => {
      for (const question of round.questions) {
        const pending = pendingSubmission.read(round.id, question.slug);
        if (!pending) continue;
        if (question.answer !== null) pendingSubmission.clear(round.id, question.slug);
        else send(question.slug, pending.answer);
      }
    };
  });

  useEffect(() => {
    // A submission from an earlier visit that never got its reply: send it again under the same key.
    resendPending.current();
    const onOnline = () => resendPending.current();
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, []);

  return { states, send };
}
