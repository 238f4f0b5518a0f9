import type { ReactNode } from "react";
import { CenteredLayout } from "./centered-layout";
import "./page-status.css";

/** A part of a page on its way: a spinner (still, for those who asked for less motion) and words saying what. */
export function Loading({ children }: { children: ReactNode }) {
  return (
    <p className="inline-status" role="status">
      <span className="spinner" aria-hidden="true" /> {children}
    </p>
  );
}

export function LoadingScreen() {
  return (
    <div className="page-status page-status-delayed" role="status">
      <span className="spinner spinner-large" aria-hidden="true" />
      <span className="page-status-text">Loading…</span>
    </div>
  );
}

export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <CenteredLayout>
      <div className="card coming-soon" role="alert">
        <h1>We couldn't load Watermark</h1>
        <p className="lede">{message}</p>
        <button type="button" className="button button-primary" onClick={onRetry}>
          Try again
        </button>
      </div>
    </CenteredLayout>
  );
}

/** A part of a page that failed to load: says so at once, with a way to ask again. */
export function LoadError({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <div className="banner banner-error" role="alert">
      <p>
        We couldn't load {what}. {error.message}
      </p>
      <button type="button" className="button button-secondary button-small" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
