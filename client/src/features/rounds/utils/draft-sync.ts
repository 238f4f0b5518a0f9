import { ApiError } from "../../../lib/api-client";
import type { AnswerValue } from "../../../lib/questions";
import { localDraft } from "./local-round";

export type SaveStatus =
  /** Nothing typed on this page yet: "Saved" would claim a save that never happened. */
  | { state: "idle" }
  | { state: "saved" }
  | { state: "saving" }
  /** The network is down; everything is kept on this device and sent when it comes back. */
  | { state: "offline" }
  /** The server had trouble (5xx, 429); same promise as offline, different truth. */
  | { state: "retrying" }
  /** The server refused a draft outright; sending it again won't help. */
  | { state: "rejected"; message: string };

type DraftSyncOptions = {
  roundId: string;
  /** Whether the round already holds saved work (drafts or answers) when the page opens. */
  saved?: boolean;
  send: (slug: string, answer: AnswerValue) => Promise<void>;
  /** The server answered 409 round_closed: time (and grace) ran out, or the round was finished elsewhere. */
  onClosed: () => void;
  debounceMs?: number;
};

const MAX_BACKOFF_MS = 30_000;

/**
 * Autosave for one round. Every edit is written to localStorage at once and sent to the server after a pause in
 * typing; the local copy is dropped only when the server has acknowledged that exact edit. One request per
 * question at a time and only the latest edit is sent, because the server keeps whichever draft arrives last.
 * Failures retry with exponential backoff, and straight away when the browser reports it is back online.
 *
 * Framework-free on purpose: React subscribes through subscribe/getSnapshot (useSyncExternalStore), and the
 * timers live here, not in effects that re-run with every render.
 */
export class DraftSync {
  private readonly options: Required<DraftSyncOptions>;
  /** Unsent edits, latest per question; `rev` tells a newer edit from the one a finished request carried. */
  private readonly unsent = new Map<string, { answer: AnswerValue; rev: number }>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly debounces = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<() => void>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  private problem: "offline" | "server" | undefined;
  private rejected: { slug: string; message: string } | undefined;
  private rev = 0;
  private running = false;
  private closed = false;
  private status: SaveStatus;
  private edited: boolean;

  constructor(options: DraftSyncOptions) {
    this.options = { debounceMs: 800, saved: false, ...options };
    this.edited = this.options.saved;
    this.status = { state: this.edited ? "saved" : "idle" };
  }

  /** The candidate changed an answer. */
  edit(slug: string, answer: AnswerValue): void {
    if (this.closed) return;
    localDraft.write(this.options.roundId, slug, answer);
    this.edited = true;
    this.unsent.set(slug, { answer, rev: ++this.rev });
    if (this.rejected?.slug === slug) this.rejected = undefined;
    this.schedule(slug, this.options.debounceMs);
    this.update();
  }

  /** A local draft found on load that the server never acknowledged: send it without waiting for a pause. */
  restore(slug: string, answer: AnswerValue): void {
    this.edited = true;
    this.unsent.set(slug, { answer, rev: ++this.rev });
    this.schedule(slug, 0);
    this.update();
  }

  /** The question was submitted; its draft no longer matters anywhere. */
  discard(slug: string): void {
    this.unsent.delete(slug);
    this.clearDebounce(slug);
    localDraft.clear(this.options.roundId, slug);
    if (this.rejected?.slug === slug) this.rejected = undefined;
    this.update();
  }

  /** Sends everything unsent now and settles when each has succeeded or failed (never rejects). */
  flushAll(): Promise<void> {
    for (const slug of this.debounces.keys()) this.clearDebounce(slug);
    return Promise.all([...this.unsent.keys()].map((slug) => this.sendNow(slug))).then(() => undefined);
  }

  start(): void {
    this.running = true;
    window.addEventListener("online", this.handleOnline);
    for (const slug of this.unsent.keys()) this.schedule(slug, 0);
  }

  stop(): void {
    this.running = false;
    window.removeEventListener("online", this.handleOnline);
    for (const slug of [...this.debounces.keys()]) this.clearDebounce(slug);
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SaveStatus => this.status;

  private readonly handleOnline = () => {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryAttempt = 0;
    void this.flushAll();
  };

  private schedule(slug: string, delayMs: number): void {
    this.clearDebounce(slug);
    if (!this.running) return;
    this.debounces.set(
      slug,
      setTimeout(() => {
        this.debounces.delete(slug);
        void this.sendNow(slug);
      }, delayMs),
    );
  }

  private clearDebounce(slug: string): void {
    clearTimeout(this.debounces.get(slug));
    this.debounces.delete(slug);
  }

  private sendNow(slug: string): Promise<void> {
    const current = this.inFlight.get(slug);
    // Never two requests for one question at once: they could land out of order and the older would win.
    if (current) return current.then(() => this.sendNow(slug));
    const entry = this.unsent.get(slug);
    if (!entry || this.closed) return Promise.resolve();

    const request = this.options
      .send(slug, entry.answer)
      .then(
        () => {
          // Only forget the edit this request carried; a newer one typed meanwhile is still to go.
          if (this.unsent.get(slug)?.rev === entry.rev) {
            this.unsent.delete(slug);
            localDraft.clear(this.options.roundId, slug);
          }
          this.problem = undefined;
          this.retryAttempt = 0;
        },
        (error: unknown) => this.handleFailure(slug, entry.rev, error),
      )
      .finally(() => {
        this.inFlight.delete(slug);
        this.update();
      });
    this.inFlight.set(slug, request);
    this.update();
    return request;
  }

  private handleFailure(slug: string, rev: number, error: unknown): void {
    if (error instanceof ApiError && error.status === 409) {
      // Closed: nothing more will be accepted. The local copies stay until the round is known to be closed.
      this.closed = true;
      this.stop();
      this.options.onClosed();
      return;
    }
    const transient =
      !(error instanceof ApiError) ||
      error.status === 0 ||
      error.status === 408 ||
      error.status === 429 ||
      error.status >= 500;
    if (!transient) {
      if (this.unsent.get(slug)?.rev === rev) this.unsent.delete(slug);
      this.rejected = { slug, message: error.message };
      return;
    }
    this.problem = error instanceof ApiError && error.status !== 0 ? "server" : "offline";
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== undefined || !this.running) return;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.retryAttempt);
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      for (const slug of this.unsent.keys()) void this.sendNow(slug);
    }, delay);
  }

  private update(): void {
    const next = this.computeStatus();
    if (
      next.state === this.status.state &&
      ("message" in next ? next.message : "") === ("message" in this.status ? this.status.message : "")
    )
      return;
    this.status = next;
    this.listeners.forEach((listener) => listener());
  }

  private computeStatus(): SaveStatus {
    if (this.rejected) return { state: "rejected", message: this.rejected.message };
    if (this.unsent.size === 0 && this.inFlight.size === 0) return { state: this.edited ? "saved" : "idle" };
    if (this.problem === "offline") return { state: "offline" };
    if (this.problem === "server") return { state: "retrying" };
    return { state: "saving" };
  }
}
