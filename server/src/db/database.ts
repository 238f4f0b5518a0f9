import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { openPglite } from "./open-pglite.ts";
import { installPgliteErrorMapping } from "./pglite-errors.ts";
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

/** PostgreSQL when a URL is given, otherwise the embedded PGlite database in `dataDir`. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return fromPglite(await openPglite(opts.dataDir));
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    sql: pgRunner(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export async function fromPglite(db: PGlite): Promise<Database> {
  const adapter = new PrismaPGlite(db);
  await installPgliteErrorMapping(adapter);
  const prisma = new PrismaClient({ adapter });
  return {
    kind: "pglite",
    prisma,
    sql: pgliteRunner(db),
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}
