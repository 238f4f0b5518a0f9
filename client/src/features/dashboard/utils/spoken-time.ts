/** "about 12 minutes": for screen readers, which should not hear every second. */
export function spokenTimeLeft(ms: number): string {
  const minutes = Math.ceil(Math.max(0, ms) / 60_000);
  return minutes <= 1 ? "less than a minute" : `about ${minutes} minutes`;
}
