/** Milliseconds until `deadline` by the server's clock, reading this device's clock afresh each time. */
export function timeLeftMs(deadline: string, clockOffsetMs: number, deviceNow: number = Date.now()): number {
  return Date.parse(deadline) - (deviceNow + clockOffsetMs);
}

/** "12:05", or "1:02:05" past an hour. Rounded up, so 0:00 appears exactly when time is up and not a second early. */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}
