/** Prisma's error codes, the same on both databases (PGlite's are mapped in pglite-errors.ts). */
const hasCode = (error: unknown, code: string): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;

export const isUniqueViolation = (error: unknown): boolean => hasCode(error, "P2002");

// What "the database is unavailable" looks like on its way up, measured against pg 8.23 and Prisma 6.19.3:
// pg and pg-pool throw plain Errors, PostgreSQL sends SQLSTATEs, adapter-pg wraps them in a DriverAdapterError
// (`cause.kind`, `cause.originalCode`) and Prisma sometimes in its own errors (`code`, `meta.driverAdapterError`).
const UNAVAILABLE_SQLSTATE =
  // connection exceptions; insufficient resources (too many connections); server shutting down, crashed, starting,
  // database dropped, idle-session timeout; statement timeout or cancel; idle-in-transaction timeout; no database
  /^(08...|53...|57P0[1-5]|57014|25P03|3D000)$/;
const UNAVAILABLE_ERRNO = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
const UNAVAILABLE_PRISMA = new Set([
  "P1001", // can't reach the server
  "P1002", // the server timed out
  "P1003", // the database does not exist
  "P1008", // socket timeout
  "P1017", // the server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2028", // a transaction could not start, or expired, in time
  "P2037", // too many connections
]);
const UNAVAILABLE_KIND = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// pg: "Connection terminated unexpectedly", "Connection terminated due to connection timeout", "Client has
// encountered a connection error and is not queryable"; pg-pool: "timeout exceeded when trying to connect";
// PostgreSQL (55000, a code too broad to list) for `ALTER DATABASE … ALLOW_CONNECTIONS false`.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|is not currently accepting connections/;

interface Inspectable {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

function looksUnavailable(e: Inspectable): boolean {
  const code = typeof e.code === "string" ? e.code : undefined;
  const original = typeof e.originalCode === "string" ? e.originalCode : undefined;
  return (
    (code !== undefined &&
      (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_PRISMA.has(code))) ||
    (original !== undefined && UNAVAILABLE_SQLSTATE.test(original)) ||
    (typeof e.kind === "string" && UNAVAILABLE_KIND.has(e.kind)) ||
    (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message))
  );
}

/** True for errors that mean "the database cannot serve this now" (a 503), not "this request is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length && seen.size < 10) {
    const e = pending.pop();
    if (typeof e !== "object" || e === null || seen.has(e)) continue;
    seen.add(e);
    const inspectable = e as Inspectable;
    if (looksUnavailable(inspectable)) return true;
    pending.push(inspectable.cause, inspectable.meta?.driverAdapterError);
  }
  return false;
}
