import { Link } from "react-router";

/** One round at a time: the server refused a second one and named the open one. */
export function RoundInProgress({ id }: { id: string }) {
  return (
    <div className="banner banner-info banner-stacked" role="alert">
      <p>You already have a round in progress. Finish it, or let its time run out, before starting another.</p>
      <Link className="button button-primary button-small" to={`/rounds/${encodeURIComponent(id)}`}>
        Continue that round
      </Link>
    </div>
  );
}
