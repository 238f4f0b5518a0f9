import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { loadContent } from "../../server/src/content/load.ts";
import { syncContent } from "../../server/src/content/sync.ts";
import { fromPglite, MIGRATIONS_DIR } from "../../server/src/db/database.ts";
import { migrate, readMigrations } from "../../server/src/db/migrate.ts";
import { pgRunner } from "../../server/src/db/sql-runner.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** A migrated database nobody connects to, copied for tests that need a database of their own. */
    postgresTemplate: string | null;
    postgresAdminUrl: string | null;
    /** A PGlite data directory (tar), migrated and synced with the shipped bank, for each test app to start from. */
    pgliteTemplate: string;
  }
}

/**
 * Migrating and syncing a fresh PGlite takes 5–8 s, once per test app; loading this copy takes about 1.5 s. The
 * apps still migrate and sync on top of it (both find nothing to do), so a stale copy cannot hide a change.
 */
async function pgliteTemplate(): Promise<string> {
  const pglite = new PGlite();
  const db = await fromPglite(pglite);
  await migrate(db.sql, readMigrations(MIGRATIONS_DIR));
  await syncContent(db.prisma, loadContent("content"));
  const file = path.join(os.tmpdir(), `watermark-pglite-template-${process.pid}-${Date.now()}.tar`);
  writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await db.close();
  return file;
}

// An admin connection on the local server (trust auth); each run creates and drops its own databases.
const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function urlOf(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createMigrated(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`CREATE DATABASE ${name}`);
  const pool = new pg.Pool({ connectionString: urlOf(name) });
  try {
    await migrate(pgRunner(pool), readMigrations(MIGRATIONS_DIR));
  } finally {
    await pool.end();
  }
}

export default async function setup(project: TestProject) {
  const pgliteFile = await pgliteTemplate();
  project.provide("pgliteTemplate", pgliteFile);
  const removePgliteFile = () => rmSync(pgliteFile, { force: true });
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI for the API tests (${ADMIN_URL}): ${error}`);
    console.warn(`\n⚠ PostgreSQL not reachable at ${ADMIN_URL}; API tests run on PGlite only.\n`);
    project.provide("postgresUrl", null);
    project.provide("postgresTemplate", null);
    project.provide("postgresAdminUrl", null);
    return removePgliteFile;
  }
  const shared = `watermark_test_${process.pid}_${Date.now()}`;
  const template = `${shared}_template`;
  await createMigrated(admin, shared);
  await createMigrated(admin, template);
  project.provide("postgresUrl", urlOf(shared));
  project.provide("postgresTemplate", template);
  project.provide("postgresAdminUrl", ADMIN_URL);

  return async () => {
    // Private copies are named after the shared database too, so one left by a crashed test file goes as well.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [shared],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    removePgliteFile();
  };
}
