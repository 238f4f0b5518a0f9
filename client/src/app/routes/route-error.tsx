import { CenteredLayout } from "../../components/ui/centered-layout";

/** Replaces React Router's developer-facing error screen if a page throws while rendering. */
export function RouteError() {
  return (
    <CenteredLayout>
      <title>Something went wrong · Watermark</title>
      <div className="card coming-soon" role="alert">
        <h1>Something went wrong</h1>
        <p className="lede">This page hit an unexpected error. Reloading usually sorts it out.</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    </CenteredLayout>
  );
}
