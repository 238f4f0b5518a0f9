import pg from "pg";
import { inject } from "vitest";
import type { DatabaseLimits } from "../../server/src/config.ts";
import { MIGRATIONS_DIR, openDatabase, type Database } from "../../server/src/db/database.ts";
import { migrate, readMigrations } from "../../server/src/db/migrate.ts";
import { APPLICATION_NAME } from "../../server/src/db/pg-pool.ts";
import { pgRunner } from "../../server/src/db/sql-runner.ts";

/**
 * A PostgreSQL database of a test's own, for tests that terminate the app's connections or drop the database:
 * the shared test database is used by other files running at the same time.
 */
export interface ScratchPostgres {
  url: string;
  name: string;
  open(limits: DatabaseLimits): Promise<Database>;
  /** Creates the database (again) and applies the migrations. */
  create(): Promise<void>;
  /**
   * Terminates the app's connections to this database (found by application_name) and waits until those backends
   * are gone, so their goodbye is already on the app's sockets; returns how many.
   */
  terminateApp(): Promise<number>;
  drop(): Promise<void>;
  end(): Promise<void>;
}

let counter = 0;

export async function scratchPostgres(prefix: string): Promise<ScratchPostgres> {
  const shared = inject("postgresUrl");
  if (!shared) throw new Error("no PostgreSQL test server");
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  const name = `${prefix}_${process.pid}_${Date.now()}_${++counter}`;
  const url = new URL(shared);
  url.pathname = `/${name}`;
  const scratch: ScratchPostgres = {
    url: url.toString(),
    name,
    open: (limits) => openDatabase({ databaseUrl: url.toString(), dataDir: "", limits }),
    async create() {
      await admin.query(`CREATE DATABASE ${name}`);
      const setup = new pg.Pool({ connectionString: url.toString(), max: 1 });
      try {
        await migrate(pgRunner(setup), readMigrations(MIGRATIONS_DIR));
      } finally {
        await setup.end();
      }
    },
    async terminateApp() {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`,
        [name, APPLICATION_NAME],
      );
      return rowCount ?? 0;
    },
    drop: async () => void (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    end: () => admin.end(),
  };
  await scratch.create();
  return scratch;
}
