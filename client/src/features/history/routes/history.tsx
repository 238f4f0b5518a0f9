import { AuditPanel } from "../components/audit-panel";
import { HistoryFiltersBar, readHistoryFilters, writeHistoryFilters } from "../components/history-filters";
import { HistoryList } from "../components/history-list";
import { LinksPanel } from "../components/links-panel";
import { ProgressView } from "../components/progress-view";
import { useUrlState } from "../../../lib/use-url-state";
import "../history.css";

export function HistoryRoute() {
  const { value: filters, shown, apply } = useUrlState(readHistoryFilters, writeHistoryFilters);
  return (
    <>
      <title>History & progress · Watermark</title>
      <div className="page-heading">
        <h1>History & progress</h1>
        <p className="lede">
          Every answer you have given, in rounds and practice, with your mentors' rulings and comments.
        </p>
      </div>
      <LinksPanel />
      <AuditPanel />
      <ProgressView />
      <section aria-labelledby="history-h" className="history-section">
        <div className="history-section-head">
          <h2 id="history-h">Your answers</h2>
          <a
            className="button button-secondary button-small"
            href={`/api/answers/export.csv?${new URLSearchParams(writeHistoryFilters(filters))}`}
            download
          >
            Download CSV
          </a>
        </div>
        <HistoryFiltersBar filters={shown} onChange={apply} />
        <HistoryList filters={filters} />
      </section>
    </>
  );
}
