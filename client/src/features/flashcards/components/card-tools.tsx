import { Link } from "react-router";

type CardToolsProps = { questionSlug?: string; onBury?: () => void; onSuspend?: () => void };

/** What can be done with the showing card besides rating it. */
export function CardTools({ questionSlug, onBury, onSuspend }: CardToolsProps) {
  return (
    <div className="fc-card-tools" role="group" aria-label="This card">
      {onBury && (
        <button type="button" className="button button-secondary button-small" onClick={onBury}>
          Bury until tomorrow
        </button>
      )}
      {onSuspend && (
        <button type="button" className="button button-secondary button-small" onClick={onSuspend}>
          Suspend
        </button>
      )}
      {questionSlug && (
        <Link className="button button-secondary button-small" to={`/practice/${encodeURIComponent(questionSlug)}`}>
          Open the question
        </Link>
      )}
    </div>
  );
}
