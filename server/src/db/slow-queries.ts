import { performance } from "node:perf_hooks";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/** A query that took at least the threshold: its text only, never its parameters (they carry answers and e-mails). */
export interface SlowQuery {
  sql: string;
  durationMs: number;
}

export interface SlowQueryLog {
  thresholdMs: number;
  report(query: SlowQuery): void;
}

/** Enough of a statement to recognise it; generated SQL can run to pages, and a log line should not. */
const SHOWN_SQL_CHARS = 1_000;

const shown = (sql: string) =>
  sql.length <= SHOWN_SQL_CHARS ? sql : `${sql.slice(0, SHOWN_SQL_CHARS)}… (${sql.length} characters)`;

/** Runs `run` and reports it when it took `log.thresholdMs` or longer, whether it succeeded or failed. */
export async function timed<T>(log: SlowQueryLog | undefined, sql: string, run: () => Promise<T>): Promise<T> {
  if (!log) return run();
  const start = performance.now();
  try {
    return await run();
  } finally {
    const durationMs = performance.now() - start;
    if (durationMs >= log.thresholdMs) log.report({ sql: shown(sql), durationMs: Math.round(durationMs * 10) / 10 });
  }
}

function timedTransaction(tx: Transaction, log: SlowQueryLog): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query: SqlQuery) => timed(log, query.sql, () => tx.queryRaw(query)),
    executeRaw: (query: SqlQuery) => timed(log, query.sql, () => tx.executeRaw(query)),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
  };
}

function timedAdapter(adapter: SqlDriverAdapter, log: SlowQueryLog): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => timed(log, query.sql, () => adapter.queryRaw(query)),
    executeRaw: (query) => timed(log, query.sql, () => adapter.executeRaw(query)),
    // Scripts are migrations and set-up: slow by nature, run once, and not what this log is for.
    executeScript: (script) => adapter.executeScript(script),
    getConnectionInfo: adapter.getConnectionInfo && (() => adapter.getConnectionInfo!()),
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel) => timedTransaction(await adapter.startTransaction(isolationLevel), log),
  };
}

/**
 * Prisma's driver adapter (pg or PGlite) with every statement timed at the driver, below Prisma's own work, so the
 * figure is the database's and the text is the SQL Prisma generated. Without a log the adapter is returned as is.
 */
export function logSlowQueries(
  factory: SqlDriverAdapterFactory,
  log: SlowQueryLog | undefined,
): SqlDriverAdapterFactory {
  if (!log) return factory;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => timedAdapter(await factory.connect(), log),
  };
}
