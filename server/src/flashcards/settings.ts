import type { Prisma } from "../db/database.ts";
import type { Tx } from "../db/database.ts";
import { DEFAULT_PREFS, type StudyPrefs } from "./schedule.ts";

const toPrefs = (row: { desiredRetention: number; newCardsPerDay: number; interviewDate: Date | null; timeZone: string }): StudyPrefs => ({
  desiredRetention: row.desiredRetention,
  newCardsPerDay: row.newCardsPerDay,
  interviewDate: row.interviewDate ? row.interviewDate.toISOString().slice(0, 10) : null,
  timeZone: row.timeZone,
});

/** The user's study settings, or the defaults when they never saved any. */
export async function loadPrefs(db: Prisma | Tx, userId: string): Promise<StudyPrefs> {
  const row = await db.studySettings.findUnique({ where: { userId } });
  return row ? toPrefs(row) : { ...DEFAULT_PREFS };
}

/** Saves the given fields; the others keep their current (or default) values. */
export async function savePrefs(prisma: Prisma, userId: string, update: Partial<StudyPrefs>): Promise<StudyPrefs> {
  const next = { ...(await loadPrefs(prisma, userId)), ...Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)) } as StudyPrefs;
  const data = {
    desiredRetention: next.desiredRetention,
    newCardsPerDay: next.newCardsPerDay,
    interviewDate: next.interviewDate ? new Date(`${next.interviewDate}T00:00:00Z`) : null,
    timeZone: next.timeZone,
  };
  const row = await prisma.studySettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return toPrefs(row);
}
