import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { LoadError, Loading } from "../../../components/ui/page-status";
import { ApiError } from "../../../lib/api-client";
import { useUrlState } from "../../../lib/use-url-state";
import { useEndLink, useProgress } from "../../../features/history/api/history";
import {
  HistoryFiltersBar,
  readHistoryFilters,
  writeHistoryFilters,
} from "../../../features/history/components/history-filters";
import { HistoryList } from "../../../features/history/components/history-list";
import { ProgressView } from "../../../features/history/components/progress-view";
import { reviewKeys, useCandidates, type CandidateSummary } from "../../../features/mentor/api/mentor";
import "../../../features/history/history.css";

// Lives in app/ because it composes two features: the mentor's candidate list and the history feature's panels.

const backLink = (
  <p>
    <Link className="back-link" to="/mentor/candidates">
      ← Your candidates
    </Link>
  </p>
);

/**
 * A linked candidate's progress and answers. Whether the link exists is decided once, here: a candidate who is not
 * (or no longer) linked gets one plain page, not a page of failing panels.
 */
export function CandidateRoute() {
  const { id = "" } = useParams();
  const candidates = useCandidates();
  // The same query the progress panel runs; a 404 from it means the link ended since the list was fetched.
  const progress = useProgress(id);
  const client = useQueryClient();
  const unlinked = progress.error instanceof ApiError && progress.error.status === 404;
  useEffect(() => {
    if (unlinked) void client.invalidateQueries({ queryKey: reviewKeys.candidates });
  }, [unlinked, client]);

  if (candidates.isPending) {
    return (
      <>
        {backLink}
        <Loading>Loading the candidate…</Loading>
      </>
    );
  }
  if (candidates.isError) {
    return (
      <>
        {backLink}
        <LoadError what="the candidate" error={candidates.error} onRetry={() => void candidates.refetch()} />
      </>
    );
  }
  const candidate = candidates.data.items.find((c) => c.id === id);
  if (!candidate || unlinked) return <NotLinked />;
  return <LinkedCandidate candidate={candidate} />;
}

function NotLinked() {
  return (
    <>
      <title>Candidate not available · Watermark</title>
      {backLink}
      <div className="card coming-soon" role="alert">
        <h1>This candidate isn't linked to you</h1>
        <p className="lede">
          There's no candidate of yours at this address. If you were linked, the link has ended, and their answers and
          progress are no longer visible to you. Ask them for a new invite code to see them again.
        </p>
        <Link className="button button-primary" to="/mentor/candidates">
          Your candidates
        </Link>
      </div>
    </>
  );
}

function LinkedCandidate({ candidate }: { candidate: CandidateSummary }) {
  const { value: filters, shown, apply } = useUrlState(readHistoryFilters, writeHistoryFilters);
  const end = useEndLink();
  const navigate = useNavigate();
  const query = new URLSearchParams({ candidate: candidate.id, ...writeHistoryFilters(filters) });
  const csv = `/api/answers/export.csv?${query}`;
  return (
    <>
      <title>{`${candidate.displayName} · Watermark`}</title>
      {backLink}
      <div className="page-heading">
        <h1>{candidate.displayName}</h1>
        <p className="lede">
          {candidate.email} · {candidate.answerCount} answers · {candidate.unreviewed} to review{" "}
          <button
            type="button"
            className="button button-secondary button-small"
            aria-disabled={end.isPending || undefined}
            onClick={() => {
              const question = `End your link with ${candidate.displayName}? You will lose access at once.`;
              if (!end.isPending && window.confirm(question)) {
                end.mutate(candidate.linkId, { onSuccess: () => void navigate("/mentor/candidates") });
              }
            }}
          >
            End link
          </button>
        </p>
        {end.isError && (
          <p className="banner banner-error" role="alert">
            We couldn't end the link: {end.error.message}
          </p>
        )}
      </div>
      <ProgressView candidate={candidate.id} />
      <section aria-labelledby="history-h" className="history-section">
        <div className="history-section-head">
          <h2 id="history-h">Answers</h2>
          <a className="button button-secondary button-small" href={csv} download>
            Download CSV
          </a>
        </div>
        <HistoryFiltersBar filters={shown} onChange={apply} />
        <HistoryList candidate={candidate.id} filters={filters} />
      </section>
    </>
  );
}
