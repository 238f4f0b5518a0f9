import { SkeletonList } from "../../../components/ui/skeleton";

/** Placeholder blocks in the shape of the page, with words, while the plan loads. */
export function HomeSkeleton() {
  return (
    <SkeletonList words="Loading your plan…" rows={4} className="home-grid" cardClassName="home-card home-skeleton" />
  );
}
