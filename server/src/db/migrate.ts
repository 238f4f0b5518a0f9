import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { col } from "./rows.ts";
import type { SqlRunner } from "./sql-runner.ts";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Prisma's own bookkeeping table, so `prisma migrate status` and this runner agree on what is applied. */
const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works; the same one in every process makes concurrent start-ups apply migrations one at a time.
const MIGRATION_LOCK = 72707369;

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {}

const appliedRow = z.object({ migration_name: z.string(), checksum: z.string(), finished_at: col.date.nullable() });

/**
 * Applies every pending migration in one transaction (under an advisory lock, so concurrent start-ups take turns),
 * recording each as Prisma does. All or nothing: a failed migration rolls back the whole run, including the ones
 * applied before it in this run, and stops start-up; an applied migration whose file changed is refused.
 */
export async function migrate(sql: SqlRunner, migrations: Migration[]): Promise<string[]> {
  return sql.transaction(async (tx) => {
    // A migration (or waiting for another process's) may rightly outlast the statement limit meant for requests.
    await tx.exec("SET LOCAL statement_timeout = 0");
    await tx.run("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.exec(BOOKKEEPING);
    const rows = await tx.query(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
      [],
      appliedRow,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const done: string[] = [];
    for (const m of migrations) {
      const row = applied.get(m.name);
      if (row) {
        if (!row.finished_at) throw new MigrationError(`Migration ${m.name} failed earlier; resolve it by hand`);
        if (row.checksum !== m.checksum)
          throw new MigrationError(`Migration ${m.name} was edited after it was applied`);
        continue;
      }
      try {
        await tx.exec(m.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      await tx.run(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), m.checksum, m.name],
      );
      done.push(m.name);
    }
    return done;
  });
}

/** True when every migration on disk is recorded as finished. */
export async function isMigrated(sql: SqlRunner, migrations: Migration[]): Promise<boolean> {
  const rows = await sql.query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    [],
    z.object({ migration_name: z.string() }),
  );
  const names = new Set(rows.map((r) => r.migration_name));
  return migrations.every((m) => names.has(m.name));
}
