import { useEffect, useState } from "react";

// Twice a second, so the display never trails the real second by more than half of one.
const TICK_MS = 500;

/**
 * Milliseconds until `deadline` by the server's clock (`offsetMs` = server clock − device clock). Each tick reads the
 * device clock afresh, so a sleeping laptop or a throttled background tab is right again on the next tick.
 */
export function useCountdown(deadline: string, offsetMs: number): number {
  const [deviceNow, setDeviceNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setDeviceNow(Date.now());
    const interval = setInterval(tick, TICK_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearInterval(interval);
      document.removeEventListener("visibilitychange", tick);
    };
  }, []);
  return Date.parse(deadline) - (deviceNow + offsetMs);
}

/** "12:05" or "1:02:05", rounded up so 0:00 shows only when time is really up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** "about 12 minutes": for screen readers, which should not hear every second. */
export function spokenTimeLeft(ms: number): string {
  const minutes = Math.ceil(Math.max(0, ms) / 60_000);
  return minutes <= 1 ? "less than a minute" : `about ${minutes} minutes`;
}
