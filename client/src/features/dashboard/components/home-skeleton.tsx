import { SkeletonCard } from "../../../components/ui/skeleton";

/** Placeholder blocks in the shape of the page, with words, while the plan loads. */
export function HomeSkeleton() {
  return (
    <div className="home-grid" role="status">
      <p className="visually-hidden">Loading your plan…</p>
      {[0, 1, 2, 3].map((i) => (
        <SkeletonCard key={i} className="home-card home-skeleton">
          {i === 0 ? "Loading your plan…" : null}
        </SkeletonCard>
      ))}
    </div>
  );
}
