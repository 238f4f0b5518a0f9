import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/** Opens (creating if needed) the embedded database kept in `dataDir/pglite`. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  const dir = path.resolve(dataDir, "pglite");
  // PGlite does not create missing parent folders.
  mkdirSync(dir, { recursive: true });
  // Without this, reopening a data dir after an unclean exit leaves a progress timer that keeps node alive.
  const db = new PGlite(dir, { postgresqlconf: ["log_startup_progress_interval = 0"] });
  await db.waitReady;
  return db;
}
