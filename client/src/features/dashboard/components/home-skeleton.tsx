/** Placeholder blocks in the shape of the page, with words, while the plan loads. */
export function HomeSkeleton() {
  return (
    <div className="home-grid" role="status">
      <p className="visually-hidden">Loading your plan…</p>
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="card home-card home-skeleton" aria-hidden="true">
          <span className="home-skeleton-line home-skeleton-title" />
          <span className="home-skeleton-line" />
          <span className="home-skeleton-line home-skeleton-short" />
          {i === 0 && <span className="home-skeleton-text">Loading your plan…</span>}
        </div>
      ))}
    </div>
  );
}
