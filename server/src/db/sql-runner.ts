import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * A statement the pg driver prepares once per connection (by name) and then only binds: the hot paths run the same
 * few statements thousands of times, and parsing and planning them each time costs more than running them.
 * PGlite has no named statements and simply runs the text.
 */
export interface Prepared {
  name: string;
  text: string;
}

/** Raw SQL outside Prisma: bootstrap (migrations, readiness), atomic counters, and the hot paths' prepared statements. */
export interface SqlRunner {
  query<T extends Record<string, unknown>>(sql: string | Prepared, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script (no parameters). */
  exec(script: string): Promise<void>;
  /** Runs `fn` on one connection inside a transaction; a throw rolls back. */
  transaction<T>(fn: (tx: Omit<SqlRunner, "transaction">) => Promise<T>): Promise<T>;
}

const textOf = (sql: string | Prepared): string => (typeof sql === "string" ? sql : sql.text);

const asPgQuery = (sql: string | Prepared, values: unknown[] = []): pg.QueryConfig =>
  typeof sql === "string" ? { text: sql, values } : { name: sql.name, text: sql.text, values };

export function pgRunner(pool: pg.Pool): SqlRunner {
  return {
    async query(sql, params) {
      return (await pool.query(asPgQuery(sql, params))).rows;
    },
    async exec(script) {
      await pool.query(script);
    },
    async transaction(fn) {
      const client = await pool.connect();
      // A connection that could not roll back (its backend died, say) is destroyed, never reused mid-transaction.
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: async (sql, params) => (await client.query(asPgQuery(sql, params))).rows,
          exec: async (script) => void (await client.query(script)),
        });
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

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    async query(sql, params) {
      return (await db.query(textOf(sql), params)).rows as never;
    },
    async exec(script) {
      await db.exec(script);
    },
    async transaction(fn) {
      return db.transaction((tx) =>
        fn({
          query: async (sql, params) => (await tx.query(textOf(sql), params)).rows as never,
          exec: async (script) => void (await tx.exec(script)),
        }),
      );
    },
  };
}
