import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./data-dir-lock.ts";

export interface OpenedPglite {
  pglite: PGlite;
  /** Releases the data directory for the next process; call after closing the database. */
  unlock(): Promise<void>;
}

/** Opens (creating if needed) the embedded database kept in `dataDir/pglite`, as its only writer. */
export async function openPglite(dataDir: string): Promise<OpenedPglite> {
  const dir = path.resolve(dataDir, "pglite");
  // PGlite does not create missing parent folders.
  mkdirSync(dir, { recursive: true });
  const unlock = await lockDataDir(dir);
  try {
    // Without this, reopening a data dir after an unclean exit leaves a progress timer that keeps node alive.
    const pglite = new PGlite(dir, { postgresqlconf: ["log_startup_progress_interval = 0"] });
    await pglite.waitReady;
    return { pglite, unlock };
  } catch (error) {
    await unlock();
    throw error;
  }
}
