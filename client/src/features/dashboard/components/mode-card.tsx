import { Link } from "react-router";
import type { Mode } from "../modes";

export function ModeCard({ mode }: { mode: Mode }) {
  return (
    <article className="card mode-card">
      <h2 className="mode-card-title">
        {/* Stretched over the whole card in CSS, so the card is one large target named by its title. */}
        <Link to={mode.path} className="stretched-link">
          {mode.title}
        </Link>
      </h2>
      <p className="mode-card-text">{mode.description}</p>
      {mode.comingSoon && <span className="badge mode-card-badge">Coming soon</span>}
    </article>
  );
}
