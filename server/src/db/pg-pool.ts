import pg from "pg";
import type { DatabaseLimits } from "../config.ts";

/** Operators find the app's sessions in `pg_stat_activity` (and can terminate them) by this name. */
export const APPLICATION_NAME = "watermark";

/**
 * A pool that survives its database. A pg client emits 'error' when its backend dies (a failover, a DBA's
 * pg_terminate_backend, an idle-in-transaction timeout), and an 'error' event nobody listens to ends the process.
 * pg-pool only listens while a client is idle, so every client gets a listener of its own for its whole life;
 * the broken client is then refused by the pool when it is released (see release-broken-connections.ts).
 */
export function createPgPool(
  url: string,
  limits: DatabaseLimits,
  onConnectionError: (error: Error) => void = () => undefined,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: APPLICATION_NAME,
    max: limits.poolMax,
    // Waiting for a connection (a new one, or a free one in a busy pool) is bounded, so a request fails fast.
    connectionTimeoutMillis: limits.connectTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    // A transaction left open by a stuck request must not hold its row locks (e.g. a round's) indefinitely.
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    // Notices a peer that vanished without closing the socket (a failed-over host) instead of waiting forever.
    keepAlive: true,
  });
  // The pool re-emits an idle client's error, which the client's own listener below has already reported.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", onConnectionError));
  return pool;
}
