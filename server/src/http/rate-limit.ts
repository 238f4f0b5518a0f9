import type { SqlRunner } from "../db/index.ts";
import { AppError } from "./app-error.ts";
import { countHit, deleteCounter, deleteFinishedCounters, refundHit } from "./rate-limit-repo.ts";

export interface RateLimitRule {
  points: number;
  windowSeconds: number;
}

/** Fixed-window counters in the database, so every API process sees the same count. One statement per hit. */
export class RateLimiter {
  constructor(private readonly sql: SqlRunner) {}

  async hit(key: string, rule: RateLimitRule): Promise<void> {
    const row = await countHit(this.sql, key, rule.windowSeconds);
    if (row && row.points > rule.points) {
      const retry = Math.max(1, row.retry);
      throw new AppError("rate_limited", `Too many attempts; try again in ${retry} seconds`, undefined, {
        "Retry-After": String(retry),
      });
    }
  }

  /** Gives back the point this request's own `hit` took, so only failed attempts count against a limit. */
  async refund(key: string): Promise<void> {
    await refundHit(this.sql, key);
  }

  async reset(key: string): Promise<void> {
    await deleteCounter(this.sql, key);
  }

  /** Called at start-up: a finished window is only ever overwritten, and keys per (account, address) add up. */
  async prune(): Promise<void> {
    await deleteFinishedCounters(this.sql);
  }
}
