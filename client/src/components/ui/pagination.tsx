import { Link } from "react-router";
import "./pagination.css";

type PaginationProps = {
  page: number;
  pageCount: number;
  /** The address of another page, keeping whatever else is in the query (filters). */
  hrefFor: (page: number) => string;
  label?: string;
};

/** Previous/next links rather than buttons, so every page has an address that can be bookmarked or opened in a tab. */
export function Pagination({ page, pageCount, hrefFor, label = "Pages" }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link className="button button-secondary button-small" to={hrefFor(page - 1)} rel="prev">
          <span aria-hidden="true">←</span> Previous
        </Link>
      ) : (
        <span />
      )}
      <p className="pagination-status">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link className="button button-secondary button-small" to={hrefFor(page + 1)} rel="next">
          Next <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
