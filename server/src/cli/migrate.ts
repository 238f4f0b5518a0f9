import { ConfigError, loadConfig } from "../config.ts";
import { MIGRATIONS_DIR, openDatabase } from "../db/database.ts";
import { MigrationError, migrate, readMigrations } from "../db/migrate.ts";

try {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(db.sql, readMigrations(MIGRATIONS_DIR));
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date");
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof MigrationError ? error.message : error);
  process.exit(1);
}
