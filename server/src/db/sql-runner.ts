import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { z } from "zod";
import { decodeRows } from "./rows.ts";
import { timed, type SlowQueryLog } from "./slow-queries.ts";

/**
 * A statement the pg driver prepares once per connection (by name) and then only binds: the hot paths run the same
 * few statements thousands of times, and parsing and planning them each time costs more than running them.
 * PGlite has no named statements and simply runs the text.
 */
export interface Prepared {
  name: string;
  text: string;
}

export interface SqlStatements {
  /** Runs one statement and decodes every row with `row` (plain numbers, Dates, parsed JSON: see `col` in rows.ts). */
  query<S extends z.ZodType>(sql: string | Prepared, params: unknown[], row: S): Promise<z.output<S>[]>;
  /** Runs one statement whose rows nobody reads; resolves to how many rows it touched. */
  run(sql: string | Prepared, params?: unknown[]): Promise<number>;
  /** Runs a multi-statement script (no parameters): migrations and set-up, slow by nature, so never in the slow log. */
  exec(script: string): Promise<void>;
}

/**
 * SQL on the driver itself, below Prisma (decision 008). Only two kinds of code use it: the hot paths' statements,
 * from repo files (decision 007: sessions, rate limits, autosave, answers, the round read, the practice look-ups),
 * where Prisma's cost per query was too high; and bootstrap (db/migrate.ts: migrations, readiness), which runs
 * before the schema Prisma expects exists. Everything else goes through Prisma (rows.ts for SQL it cannot say).
 */
export interface SqlRunner extends SqlStatements {
  /** Runs `fn` on one connection inside a transaction; a throw rolls back. */
  transaction<T>(fn: (tx: SqlStatements) => Promise<T>): Promise<T>;
}

const textOf = (sql: string | Prepared): string => (typeof sql === "string" ? sql : sql.text);

const asPgQuery = (sql: string | Prepared, values: unknown[] = []): pg.QueryConfig =>
  typeof sql === "string" ? { text: sql, values } : { name: sql.name, text: sql.text, values };

/** The statements of one pg connection (or the pool, which picks one per statement). */
function pgStatements(target: pg.Pool | pg.PoolClient, log: SlowQueryLog | undefined): SqlStatements {
  const send = (sql: string | Prepared, params?: unknown[]) =>
    timed(log, textOf(sql), () => target.query(asPgQuery(sql, params)));
  return {
    query: async (sql, params, row) => decodeRows((await send(sql, params)).rows, row),
    run: async (sql, params) => (await send(sql, params)).rowCount ?? 0,
    exec: async (script) => void (await target.query(script)),
  };
}

export function pgRunner(pool: pg.Pool, log?: SlowQueryLog): SqlRunner {
  return {
    ...pgStatements(pool, log),
    async transaction(fn) {
      const client = await pool.connect();
      // A connection that could not roll back (its backend died, say) is destroyed, never reused mid-transaction.
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn(pgStatements(client, log));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}

type PgliteTarget = Pick<PGlite, "query" | "exec">;

function pgliteStatements(target: PgliteTarget, log: SlowQueryLog | undefined): SqlStatements {
  const send = (sql: string | Prepared, params?: unknown[]) =>
    timed(log, textOf(sql), () => target.query(textOf(sql), params));
  return {
    query: async (sql, params, row) => decodeRows((await send(sql, params)).rows, row),
    run: async (sql, params) => (await send(sql, params)).affectedRows ?? 0,
    exec: async (script) => void (await target.exec(script)),
  };
}

export function pgliteRunner(db: PGlite, log?: SlowQueryLog): SqlRunner {
  return {
    ...pgliteStatements(db, log),
    transaction: (fn) => db.transaction((tx) => fn(pgliteStatements(tx, log))),
  };
}
