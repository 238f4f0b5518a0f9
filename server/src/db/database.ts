import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { DATABASE_DEFAULTS, type DatabaseLimits } from "../config.ts";
import { openPglite } from "./open-pglite.ts";
import { createPgPool } from "./pg-pool.ts";
import { installPgliteErrorMapping } from "./pglite-errors.ts";
import { releaseBrokenConnections } from "./release-broken-connections.ts";
import { logSlowQueries, type SlowQueryLog } from "./slow-queries.ts";
import { pgliteRunner, pgRunner, type SqlRunner } from "./sql-runner.ts";

export type Prisma = PrismaClient;
/** A client inside an interactive transaction (Prisma does not export this type by name). */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface Database {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../../prisma/migrations");

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL only. */
  limits?: DatabaseLimits;
  /** A PostgreSQL connection broke (it is replaced on demand); for the log. */
  onConnectionError?: (error: Error) => void;
  /** Where statements slower than its threshold are reported, through Prisma and the SqlRunner alike. */
  slowQueries?: SlowQueryLog;
}

/** PostgreSQL when a URL is given, otherwise the embedded PGlite database in `dataDir`. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts);
  const { pglite, unlock } = await openPglite(opts.dataDir);
  return fromPglite(pglite, { afterClose: unlock, slowQueries: opts.slowQueries });
}

function openPostgres(url: string, opts: OpenOptions): Database {
  const pool = createPgPool(url, opts.limits ?? DATABASE_DEFAULTS, opts.onConnectionError);
  const prisma = new PrismaClient({
    adapter: logSlowQueries(releaseBrokenConnections(new PrismaPg(pool)), opts.slowQueries),
  });
  return {
    kind: "postgres",
    prisma,
    sql: pgRunner(pool, opts.slowQueries),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export interface PgliteOptions {
  /** Runs once the database is closed (the data directory's lock is released there). */
  afterClose?: () => Promise<void>;
  slowQueries?: SlowQueryLog;
}

export async function fromPglite(db: PGlite, { afterClose, slowQueries }: PgliteOptions = {}): Promise<Database> {
  const adapter = new PrismaPGlite(db);
  await installPgliteErrorMapping(adapter);
  const prisma = new PrismaClient({ adapter: logSlowQueries(adapter, slowQueries) });
  return {
    kind: "pglite",
    prisma,
    sql: pgliteRunner(db, slowQueries),
    async close() {
      try {
        await prisma.$disconnect();
        await db.close();
      } finally {
        await afterClose?.();
      }
    },
  };
}
