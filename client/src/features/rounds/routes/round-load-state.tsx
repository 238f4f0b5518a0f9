import { Link } from "react-router";
import { ApiError } from "../../../lib/api-client";
import { Loading } from "../../../components/ui/page-status";

/** Loading and failure for the two pages that fetch one round. */
export function RoundLoadState({ error, onRetry }: { error: Error | null; onRetry: () => void }) {
  if (!error) {
    return <Loading>Loading the round…</Loading>;
  }
  // Someone else's round is a 404 too: the server doesn't confirm it exists.
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <div className="card coming-soon" role="alert">
      <title>{`${missing ? "Round not found" : "Couldn't load the round"} · Watermark`}</title>
      <h1>{missing ? "Round not found" : "We couldn't load this round"}</h1>
      <p className="lede">{missing ? "There's no round of yours at this address." : error.message}</p>
      {!missing && (
        <button type="button" className="button button-primary" onClick={onRetry}>
          Try again
        </button>
      )}
      <Link to="/rounds">Back to your rounds</Link>
    </div>
  );
}
