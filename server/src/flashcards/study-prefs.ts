/** The ranges study settings must keep, shared by the request schema and by reading a stored row back. */
import { isValidTimeZone } from "./local-day.ts";
import { DEFAULT_PREFS, type StudyPrefs } from "./schedule.ts";

export const RETENTION_RANGE = { min: 0.8, max: 0.97 } as const;
export const NEW_CARDS_RANGE = { min: 0, max: 500 } as const;
const INTERVIEW_YEARS_AHEAD = 2;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The same calendar day `years` later (29 February becomes 1 March). */
function yearsLater(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** Why `date` cannot be set as the interview date on the user's `today` (both YYYY-MM-DD), or undefined. */
export function interviewDateProblem(date: string, today: string): string | undefined {
  const latest = yearsLater(today, INTERVIEW_YEARS_AHEAD);
  if (date < today || date > latest) return `must be between today (${today}) and ${latest}`;
  return undefined;
}

const clamp = (x: number, range: { min: number; max: number }, fallback: number) =>
  Number.isFinite(x) ? Math.min(range.max, Math.max(range.min, x)) : fallback;

/**
 * A stored row as the scheduler can safely use it, whatever an older version, a hand edit or a time zone the
 * runtime no longer knows left in it: a bad value falls back to its default instead of failing every queue request.
 */
export function usablePrefs(stored: StudyPrefs): StudyPrefs {
  return {
    desiredRetention: clamp(stored.desiredRetention, RETENTION_RANGE, DEFAULT_PREFS.desiredRetention),
    newCardsPerDay: Math.round(clamp(stored.newCardsPerDay, NEW_CARDS_RANGE, DEFAULT_PREFS.newCardsPerDay)),
    interviewDate: stored.interviewDate && ISO_DAY.test(stored.interviewDate) ? stored.interviewDate : null,
    timeZone: isValidTimeZone(stored.timeZone) ? stored.timeZone : DEFAULT_PREFS.timeZone,
  };
}
