import pg from "pg";
import type { TestProject } from "vitest/node";
import { MIGRATIONS_DIR } from "../../server/src/db/database.ts";
import { migrate, readMigrations } from "../../server/src/db/migrate.ts";
import { pgRunner } from "../../server/src/db/sql-runner.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

// An admin connection on the local server (trust auth); each run creates and drops its own database.
const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export default async function setup(project: TestProject) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI for the API tests (${ADMIN_URL}): ${error}`);
    console.warn(`\n⚠ PostgreSQL not reachable at ${ADMIN_URL}; API tests run on PGlite only.\n`);
    project.provide("postgresUrl", null);
    return;
  }
  const name = `watermark_test_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString() });
  await migrate(pgRunner(pool), readMigrations(MIGRATIONS_DIR));
  await pool.end();
  project.provide("postgresUrl", url.toString());

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
