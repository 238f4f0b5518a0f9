/** CPU time by process and for the whole machine, so a bench can tell whether the load generator was the limit. */
import { readFileSync } from "node:fs";
import os from "node:os";

// Linux reports per-process times in USER_HZ ticks, which is 100 on every architecture Node ships for.
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) another process has used so far; undefined where /proc is unavailable. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the whole line.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds per pid at one moment; pids that cannot be read (gone, or no /proc) are left out. */
export function cpuSnapshot(pids: readonly number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    const s = processCpuSeconds(pid);
    if (s !== undefined) seconds.set(pid, s);
  }
  return seconds;
}

/**
 * CPU seconds a group of processes used between two snapshots: a process that started in between counts in full,
 * one that ended in between is lost (so keep the group long-lived, e.g. a busy connection pool's backends).
 * Undefined when the later snapshot could read nothing.
 */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number | undefined {
  if (!after.size) return undefined;
  let seconds = 0;
  for (const [pid, s] of after) seconds += s - (before.get(pid) ?? 0);
  return seconds;
}

/** CPU seconds this process has used so far. */
export const ownCpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Busy and total CPU seconds summed over every core of the machine. */
export function machineCpuSeconds(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    busy += all - times.idle;
    total += all;
  }
  return { busy: busy / 1000, total: total / 1000 };
}
