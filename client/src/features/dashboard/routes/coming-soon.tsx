import { Link } from "react-router";
import type { Mode } from "../modes";

/** Stands in for a mode until it is built, so every dashboard link lands somewhere honest. */
export function ComingSoonRoute({ mode }: { mode: Mode & { comingSoon: string } }) {
  return (
    <>
      <title>{`${mode.title} · Watermark`}</title>
      <div className="card coming-soon">
        <span className="badge">Coming soon</span>
        <h1>{mode.title}</h1>
        <p className="lede">Coming soon — {mode.comingSoon}</p>
        <Link to="/">Back to your dashboard</Link>
      </div>
    </>
  );
}
