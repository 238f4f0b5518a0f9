import type { Prisma, Tx } from "../db/index.ts";
import { AppError } from "../http/index.ts";
import { localDate } from "./local-day.ts";
import { findSettings, saveSettings, type SettingsRow } from "./repo.ts";
import { DEFAULT_PREFS, type StudyPrefs } from "./schedule.ts";
import { interviewDateProblem, usablePrefs } from "./study-prefs.ts";

const toPrefs = (row: SettingsRow): StudyPrefs =>
  usablePrefs({
    desiredRetention: row.desiredRetention,
    newCardsPerDay: row.newCardsPerDay,
    interviewDate: row.interviewDate ? row.interviewDate.toISOString().slice(0, 10) : null,
    timeZone: row.timeZone,
  });

/** The user's study settings, or the defaults when they never saved any. */
export async function loadPrefs(db: Prisma | Tx, userId: string): Promise<StudyPrefs> {
  const row = await findSettings(db, userId);
  return row ? toPrefs(row) : { ...DEFAULT_PREFS };
}

/**
 * Saves the given fields; the others keep their current (or default) values. A new interview date must lie between
 * the user's today (in the zone being saved) and two years ahead; the date already saved may be sent back unchanged
 * after it has passed, so a settings form that sends every field keeps working.
 */
export async function savePrefs(
  prisma: Prisma,
  userId: string,
  update: Partial<StudyPrefs>,
  now: Date,
): Promise<StudyPrefs> {
  const current = await loadPrefs(prisma, userId);
  const given = Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined));
  const next = { ...current, ...given } as StudyPrefs;
  if (next.interviewDate && next.interviewDate !== current.interviewDate) {
    const problem = interviewDateProblem(next.interviewDate, localDate(now, next.timeZone));
    if (problem) {
      const details = [{ path: "interviewDate", message: problem }];
      throw new AppError("validation_failed", "The request body is not valid", details);
    }
  }
  const data = {
    desiredRetention: next.desiredRetention,
    newCardsPerDay: next.newCardsPerDay,
    interviewDate: next.interviewDate ? new Date(`${next.interviewDate}T00:00:00Z`) : null,
    timeZone: next.timeZone,
  };
  const row = await saveSettings(prisma, userId, data);
  return toPrefs(row);
}
