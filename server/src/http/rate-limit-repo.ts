import { z } from "zod";
import type { Prepared, SqlStatements } from "../db/index.ts";

/**
 * The rate limits' counters, on the SqlRunner (decision 007): a hit is one atomic upsert on requests that must stay
 * cheap (every login, every practice check), so concurrent requests can neither lose an increment nor race on the
 * insert.
 */
const HIT: Prepared = {
  name: "rate-limit-hit",
  text: `INSERT INTO "RateLimit" (key, points, "resetAt") VALUES ($1, 1, now() + make_interval(secs => $2))
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit".points + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING points, CEIL(EXTRACT(EPOCH FROM ("resetAt" - now())))::int AS retry`,
};

const hitRow = z.object({ points: z.number(), retry: z.number() });

/** Counts one hit on `key` in its window (a new window once the old one ended): the points so far and seconds left. */
export async function countHit(
  sql: SqlStatements,
  key: string,
  windowSeconds: number,
): Promise<z.output<typeof hitRow> | undefined> {
  const [row] = await sql.query(HIT, [key, windowSeconds], hitRow);
  return row;
}

export async function refundHit(sql: SqlStatements, key: string): Promise<void> {
  await sql.run(`UPDATE "RateLimit" SET points = points - 1 WHERE key = $1 AND points > 0 AND "resetAt" > now()`, [
    key,
  ]);
}

export async function deleteCounter(sql: SqlStatements, key: string): Promise<void> {
  await sql.run(`DELETE FROM "RateLimit" WHERE key = $1`, [key]);
}

export async function deleteFinishedCounters(sql: SqlStatements): Promise<void> {
  await sql.run(`DELETE FROM "RateLimit" WHERE "resetAt" <= now()`);
}
