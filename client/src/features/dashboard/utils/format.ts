/** Small wording helpers for the home page. */

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const calendarDay = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});
const shortDay = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const monthDay = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** A calendar date (YYYY-MM-DD), not an instant: formatted in UTC so no time zone shifts it to the day before. */
export const formatCalendarDay = (date: string) => calendarDay.format(utc(date));
export const formatShortDay = (date: string) => shortDay.format(utc(date));
export const formatMonthDay = (date: string) => monthDay.format(utc(date));

export const percent = (x: number) => `${Math.round(x * 100)} %`;
