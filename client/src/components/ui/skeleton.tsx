import type { ReactNode } from "react";
import "./skeleton.css";

/** A grey placeholder card in the shape of content on its way; hidden from assistive tech, which hears the status. */
export function SkeletonCard({ className = "", children }: { className?: string; children?: ReactNode }) {
  return (
    <div className={`card skeleton-card ${className}`.trim()} aria-hidden="true">
      <span className="skeleton-line skeleton-title" />
      <span className="skeleton-line" />
      <span className="skeleton-line skeleton-short" />
      {children && <span className="skeleton-text">{children}</span>}
    </div>
  );
}

/**
 * Where a list will be: a few grey rows, so the page does not jump when it arrives, with the words said once to a
 * screen reader and shown in the first row.
 */
export function SkeletonList({ words, rows = 3 }: { words: string; rows?: number }) {
  return (
    <div className="skeleton-list" role="status">
      <p className="visually-hidden">{words}</p>
      {Array.from({ length: rows }, (_, i) => (
        <SkeletonCard key={i}>{i === 0 ? words : null}</SkeletonCard>
      ))}
    </div>
  );
}
