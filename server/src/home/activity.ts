import { addDays, daysBetween } from "../flashcards/index.ts";

/** Ten calendar weeks, Monday to Sunday, ending with the user's current week. */
const ACTIVITY_WEEKS = 10;

export interface ActivityDay {
  date: string;
  answers: number;
  reviews: number;
}

/** The first day the calendar shows: the Monday ACTIVITY_WEEKS - 1 weeks before the one holding `today`. */
export function activityStart(today: string): string {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, -weekday - 7 * (ACTIVITY_WEEKS - 1));
}

/**
 * Every day from `from` to `today` with its counts, and the streak: consecutive active days ending today, or ending
 * yesterday while today is still empty (a streak is not lost until the day is over); it counts within the calendar.
 */
export function activityCalendar(from: string, today: string, counts: readonly ActivityDay[]) {
  const byDate = new Map(counts.map((c) => [c.date, c]));
  const days = Array.from({ length: daysBetween(from, today) + 1 }, (_, i) => {
    const date = addDays(from, i);
    const c = byDate.get(date);
    return { date, answers: c?.answers ?? 0, reviews: c?.reviews ?? 0 };
  });
  const active = (d: ActivityDay) => d.answers + d.reviews > 0;
  let i = days.length - 1;
  if (!active(days[i]!)) i--;
  let streak = 0;
  while (i >= 0 && active(days[i]!)) {
    streak++;
    i--;
  }
  return {
    from,
    to: today,
    days,
    streak,
    activeDays: days.filter(active).length,
    answers: days.reduce((n, d) => n + d.answers, 0),
    reviews: days.reduce((n, d) => n + d.reviews, 0),
  };
}
