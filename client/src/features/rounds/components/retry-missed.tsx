import { useState } from "react";
import { useNavigate } from "react-router";
import { formatDuration } from "../../../lib/format-time";
import { ApiError } from "../../../lib/api-client";
import { useCreateRound } from "../api/create-round";
import type { RoundState } from "../types";
import { RoundInProgress } from "./round-in-progress";

// The server's limits on a round's time.
const MIN_SECONDS = 10;
const MAX_SECONDS = 7200;

/**
 * The questions not graded correct (partly right, wrong or unanswered), in round order, and time for them: each
 * question's own budget, added up. A follow-up comes without its parent when the parent was right, so it opens
 * straight away.
 */
function missedQuestions(round: RoundState) {
  const missed = (round.results?.items ?? []).filter((item) => item.verdict !== "correct").map((item) => item.slug);
  const budgets = new Map(round.questions.map((q) => [q.slug, q.timeBudgetSeconds]));
  const seconds = missed.reduce((sum, slug) => sum + (budgets.get(slug) ?? 0), 0);
  return { slugs: missed, timeLimitSeconds: Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, seconds)) };
}

export function RetryMissed({ round }: { round: RoundState }) {
  const create = useCreateRound();
  const navigate = useNavigate();
  const [openRoundId, setOpenRoundId] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const { slugs, timeLimitSeconds } = missedQuestions(round);

  if (slugs.length === 0) {
    return <p className="retry-missed-none">Every question was graded correct: nothing to retry.</p>;
  }

  function retry() {
    if (create.isPending) return;
    setOpenRoundId(undefined);
    setFailure(undefined);
    create.mutate(
      { questionCount: slugs.length, timeLimitSeconds, questions: slugs },
      {
        onSuccess: (created) => void navigate(`/rounds/${created.id}`),
        onError: (error) => {
          if (error instanceof ApiError && error.code === "round_in_progress" && error.roundId)
            setOpenRoundId(error.roundId);
          else setFailure(error.message);
        },
      },
    );
  }

  const what = `${slugs.length} question${slugs.length === 1 ? "" : "s"}`;
  return (
    <div className="retry-missed">
      {openRoundId && <RoundInProgress id={openRoundId} />}
      {failure && (
        <p className="banner banner-error" role="alert">
          We couldn't start the round. {failure}
        </p>
      )}
      <p className="retry-missed-text">
        A new round of the {what} you didn't get fully right, with {formatDuration(timeLimitSeconds)} on the clock.
      </p>
      <button
        type="button"
        className="button button-primary"
        aria-disabled={create.isPending || undefined}
        onClick={retry}
      >
        {create.isPending && <span className="spinner" aria-hidden="true" />}
        Retry the {what} I missed
      </button>
    </div>
  );
}
