import type { ReactNode } from "react";
import "./skeleton.css";

/** A grey placeholder card in the shape of content on its way; hidden from assistive tech, which hears the status. */
function SkeletonCard({ className = "", children }: { className?: string; children?: ReactNode }) {
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
 * Where a list (or a grid, given its `className`) will be: a few grey cards, so the page does not jump when it
 * arrives, with the words said once to a screen reader and shown in the first card.
 */
export function SkeletonList({
  words,
  rows = 3,
  className = "skeleton-list",
  cardClassName,
}: {
  words: string;
  rows?: number;
  className?: string;
  cardClassName?: string;
}) {
  return (
    <div className={className} role="status">
      <p className="visually-hidden">{words}</p>
      {Array.from({ length: rows }, (_, i) => (
        <SkeletonCard key={i} className={cardClassName}>
          {i === 0 ? words : null}
        </SkeletonCard>
      ))}
    </div>
  );
}
