import session from "express-session";
import type { SqlRunner } from "../db/sql-runner.ts";

const DEFAULT_TTL_MS = 14 * 24 * 3600 * 1000;
// Sessions last two weeks; pushing the expiry forward at most hourly keeps a write off nearly every request.
const TOUCH_EVERY_MS = 3600 * 1000;
const MAX_TRACKED = 50_000;

type Callback = (err?: unknown, value?: session.SessionData | null) => void;

function expiry(sess: session.SessionData): Date {
  return sess.cookie?.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + DEFAULT_TTL_MS);
}

/**
 * express-session storage in the app's database, so any number of API processes share sessions. Each
 * operation is one atomic statement (the Prisma-based stores we tried do find-then-create, which races).
 */
export class SqlSessionStore extends session.Store {
  private readonly touchedAt = new Map<string, number>();

  constructor(private readonly sql: SqlRunner) {
    super();
  }

  override get(sid: string, cb: Callback): void {
    this.sql
      .query<{ data: string }>(`SELECT data FROM "Session" WHERE sid = $1 AND "expiresAt" > now()`, [sid])
      .then(([row]) => cb(undefined, row ? (JSON.parse(row.data) as session.SessionData) : null), cb);
  }

  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    this.sql
      .query(
        `INSERT INTO "Session" (id, sid, data, "expiresAt") VALUES ($1, $1, $2, $3)
         ON CONFLICT (sid) DO UPDATE SET data = EXCLUDED.data, "expiresAt" = EXCLUDED."expiresAt"`,
        [sid, JSON.stringify(sess), expiry(sess)],
      )
      .then(() => cb?.(), (e) => cb?.(e));
  }

  override touch(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const now = Date.now();
    if (now - (this.touchedAt.get(sid) ?? 0) < TOUCH_EVERY_MS) return void cb?.();
    if (this.touchedAt.size >= MAX_TRACKED) this.touchedAt.clear();
    this.touchedAt.set(sid, now);
    this.sql
      .query(`UPDATE "Session" SET "expiresAt" = $2 WHERE sid = $1`, [sid, expiry(sess)])
      .then(() => cb?.(), (e) => cb?.(e));
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.sql.query(`DELETE FROM "Session" WHERE sid = $1`, [sid]).then(() => cb?.(), (e) => cb?.(e));
  }

  /** Called at start-up; expired rows are otherwise only ignored, never read. */
  async prune(): Promise<void> {
    await this.sql.query(`DELETE FROM "Session" WHERE "expiresAt" <= now()`);
  }
}
