import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import lockfile from "proper-lockfile";

/** The holder refreshes its lock every STALE_MS / 2; a lock not refreshed for STALE_MS belonged to a dead process. */
const STALE_MS = 10_000;
const RETRY_MS = 250;

export class DataDirLockedError extends Error {}

interface Owner {
  pid: number;
  hostname: string;
}

function readOwner(file: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as Partial<Owner>;
    return typeof owner.pid === "number" && typeof owner.hostname === "string" ? (owner as Owner) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the recorded holder still runs. Only decides between failing now and waiting for the lock to go stale. */
function ownerIsAlive(owner: Owner | undefined): boolean {
  if (!owner) return false;
  // Another machine's process (a shared volume) cannot be checked from here: assume it runs.
  if (owner.hostname !== os.hostname()) return true;
  // A restarted container can get the pid its killed predecessor had.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockedMessage(dir: string, owner: Owner | undefined): string {
  const host = owner && owner.hostname !== os.hostname() ? ` on ${owner.hostname}` : "";
  const who = owner ? `process ${owner.pid}${host}` : "another process";
  return `The embedded database ${dir} is in use by ${who}; stop it, or set WATERMARK_DATA_DIR to another directory`;
}

/** Another process took the lock over (ours looked stale to it): two writers would now corrupt the database. */
function stopOnLostLock(dir: string) {
  return (error: Error) => {
    console.error(`The lock on the embedded database ${dir} was lost (${error.message}); stopping`);
    process.exit(1);
  };
}

/**
 * PGlite has no locking of its own: two processes on one directory each keep their own copy in memory and the last
 * to write wins, so acknowledged work vanishes. The directory is therefore locked with proper-lockfile (an atomic
 * mkdir whose mtime the holder keeps fresh, released on exit). The holder's pid is written beside the lock, only to
 * name it in the message and to tell a running holder (fail at once) from a killed one (wait until its lock is
 * stale, then the package hands it over).
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lockfilePath = `${dir}.lock`;
  const ownerPath = `${dir}.lock-owner.json`;
  const giveUpAt = Date.now() + STALE_MS + 5 * RETRY_MS;
  for (;;) {
    try {
      const release = await lockfile.lock(dir, { lockfilePath, stale: STALE_MS, onCompromised: stopOnLostLock(dir) });
      writeFileSync(ownerPath, JSON.stringify({ pid: process.pid, hostname: os.hostname() } satisfies Owner));
      return async () => {
        // The owner file goes first: once the lock is released a successor may already have written its own.
        rmSync(ownerPath, { force: true });
        await release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
      const owner = readOwner(ownerPath);
      if (ownerIsAlive(owner) || Date.now() > giveUpAt) throw new DataDirLockedError(lockedMessage(dir, owner));
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
