import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useConfirm } from "../../../features/history/api/history";
import { AnswerView } from "../../../features/history/components/answer-view";
import { reviewTools } from "../review-tools";
import { useQueue } from "../../../features/mentor/api/mentor";
import "../../../features/history/history.css";
import { LoadError } from "../../../components/ui/page-status";
import { SkeletonList } from "../../../components/ui/skeleton";

// Lives in app/ because it composes two features: the mentor's review queue and the history feature's answer view.

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

/** One answer at a time, least certain grades first. Keys: j/k next/previous, c confirm the grade, o override. */
export function QueueRoute() {
  const [disputedOnly, setDisputedOnly] = useState(false);
  const queue = useQueue(disputedOnly);
  const [index, setIndex] = useState(0);
  const items = queue.data?.items ?? [];
  const at = Math.min(index, Math.max(0, items.length - 1));
  const current = items[at];
  const confirm = useConfirm(current?.id ?? "none");

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === "j") setIndex((i) => Math.min(i + 1, items.length - 1));
      else if (e.key === "k") setIndex((i) => Math.max(i - 1, 0));
      else if (e.key === "c" && current && !confirm.isPending) confirm.mutate();
      else if (e.key === "o") document.getElementById("override-verdict")?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items.length, current, confirm]);

  return (
    <>
      <title>Review queue · Watermark</title>
      <div className="page-heading">
        <h1>Review queue</h1>
        <p className="lede">
          Disputed answers come first, then the ones the grader is least sure of. Keys: <kbd>j</kbd> next, <kbd>k</kbd>{" "}
          previous, <kbd>c</kbd> confirm the grade, <kbd>o</kbd> override.
        </p>
      </div>
      <p className="queue-filter">
        <label>
          <input
            type="checkbox"
            checked={disputedOnly}
            onChange={(e) => {
              setDisputedOnly(e.target.checked);
              setIndex(0);
            }}
          />{" "}
          Disputed only
        </label>
      </p>
      {queue.isPending && <SkeletonList words="Loading the queue…" rows={2} />}
      {queue.isError && <LoadError what="the review queue" error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && items.length === 0 && (
        <div className="card empty-state">
          <p>
            {disputedOnly
              ? "No open disputes."
              : "Nothing to review. Your candidates' answers show here until you confirm or override their grade."}
          </p>
          <Link to="/mentor/candidates">See your candidates</Link>
        </div>
      )}
      {current && (
        <>
          <nav className="queue-bar" aria-label="Queue">
            <button
              type="button"
              className="button button-secondary button-small"
              aria-disabled={at === 0 || undefined}
              onClick={() => setIndex(Math.max(0, at - 1))}
            >
              ← Previous
            </button>
            <p className="queue-position" role="status">
              Answer {at + 1} of {queue.data!.total} · {current.candidate.displayName}
              {current.disputed && (
                <>
                  {" "}
                  <span className="badge badge-dispute badge-dispute-open">Disputed</span>
                </>
              )}
            </p>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-disabled={at >= items.length - 1 || undefined}
              onClick={() => setIndex(Math.min(items.length - 1, at + 1))}
            >
              Next →
            </button>
          </nav>
          <div className="card">
            <AnswerView key={current.id} id={current.id} reviewTools={reviewTools} />
          </div>
        </>
      )}
    </>
  );
}
