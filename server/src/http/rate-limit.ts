import type { Prepared, SqlRunner } from "../db/sql-runner.ts";
import { AppError } from "./app-error.ts";

export interface RateLimitRule {
  points: number;
  windowSeconds: number;
}

const HIT: Prepared = {
  name: "rate-limit-hit",
  text: `INSERT INTO "RateLimit" (key, points, "resetAt") VALUES ($1, 1, now() + make_interval(secs => $2))
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit".points + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING points, CEIL(EXTRACT(EPOCH FROM ("resetAt" - now())))::int AS retry`,
};

/**
 * Fixed-window counters in the database, so every API process sees the same count. One atomic statement per
 * hit: concurrent requests can neither lose an increment nor race on the insert.
 */
export class RateLimiter {
  constructor(private readonly sql: SqlRunner) {}

  async hit(key: string, rule: RateLimitRule): Promise<void> {
    const [row] = await this.sql.query<{ points: number; retry: number }>(HIT, [key, rule.windowSeconds]);
    if (row && row.points > rule.points) {
      const retry = Math.max(1, row.retry);
      throw new AppError("rate_limited", `Too many attempts; try again in ${retry} seconds`, undefined, {
        "Retry-After": String(retry),
      });
    }
  }

  /** Gives back the point this request's own `hit` took, so only failed attempts count against a limit. */
  async refund(key: string): Promise<void> {
    await this.sql.query(
      `UPDATE "RateLimit" SET points = points - 1 WHERE key = $1 AND points > 0 AND "resetAt" > now()`,
      [key],
    );
  }

  async reset(key: string): Promise<void> {
    await this.sql.query(`DELETE FROM "RateLimit" WHERE key = $1`, [key]);
  }

  /** Called at start-up: a finished window is only ever overwritten, and keys per (account, address) add up. */
  async prune(): Promise<void> {
    await this.sql.query(`DELETE FROM "RateLimit" WHERE "resetAt" <= now()`);
  }
}
