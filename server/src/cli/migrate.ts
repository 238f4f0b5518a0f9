import { ConfigError, loadConfig } from "../config.ts";
import {
  DataDirLockedError,
  MIGRATIONS_DIR,
  openDatabase,
  MigrationError,
  migrate,
  readMigrations,
} from "../db/index.ts";

try {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, limits: config.database });
  try {
    const applied = await migrate(db.sql, readMigrations(MIGRATIONS_DIR));
    console.log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date",
    );
  } finally {
    await db.close();
  }
} catch (error) {
  const known = error instanceof ConfigError || error instanceof MigrationError || error instanceof DataDirLockedError;
  console.error(known ? error.message : error);
  process.exit(1);
}
