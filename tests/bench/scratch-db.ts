/** A throwaway PostgreSQL database per bench run, dropped (with any connections left) when the run ends. */
import pg from "pg";

export const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface ScratchDb {
  url: string;
  drop(): Promise<void>;
}

export async function createScratchDb(name: string): Promise<ScratchDb> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(error as Error).message}); start it or set TEST_POSTGRES_ADMIN_URL`,
      { cause: error },
    );
  }
  // A database name cannot be a bind parameter; callers pass a fixed prefix and a number.
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad scratch database name ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
