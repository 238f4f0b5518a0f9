import { Link, useNavigate, useParams } from "react-router";
import { useEndLink } from "../../history/api/history";
import { HistoryFiltersBar, readHistoryFilters, writeHistoryFilters } from "../../history/components/history-filters";
import { HistoryList } from "../../history/components/history-list";
import { ProgressView } from "../../history/components/progress-view";
import { useCandidates } from "../api/mentor";
import { useUrlState } from "../../../lib/use-url-state";
import "../../history/history.css";

export function CandidateRoute() {
  const { id = "" } = useParams();
  const { value: filters, shown, apply } = useUrlState(readHistoryFilters, writeHistoryFilters);
  const candidates = useCandidates();
  const end = useEndLink();
  const navigate = useNavigate();
  const candidate = candidates.data?.items.find((c) => c.id === id);
  const csv = `/api/answers/export.csv?${new URLSearchParams({ candidate: id, ...writeHistoryFilters(filters) })}`;
  return (
    <>
      <title>{`${candidate?.displayName ?? "Candidate"} · Watermark`}</title>
      <p>
        <Link className="back-link" to="/mentor/candidates">
          ← Your candidates
        </Link>
      </p>
      <div className="page-heading">
        <h1>{candidate?.displayName ?? "Candidate"}</h1>
        {candidate && (
          <p className="lede">
            {candidate.email} · {candidate.answerCount} answers · {candidate.unreviewed} to review{" "}
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                if (!end.isPending && window.confirm(`End your link with ${candidate.displayName}? You will lose access at once.`))
                  end.mutate(candidate.linkId, { onSuccess: () => navigate("/mentor/candidates") });
              }}
            >
              End link
            </button>
          </p>
        )}
      </div>
      <ProgressView candidate={id} />
      <section aria-labelledby="history-h" className="history-section">
        <div className="history-section-head">
          <h2 id="history-h">Answers</h2>
          <a className="button button-secondary button-small" href={csv} download>
            Download CSV
          </a>
        </div>
        <HistoryFiltersBar filters={shown} onChange={apply} />
        <HistoryList candidate={id} filters={filters} />
      </section>
    </>
  );
}
