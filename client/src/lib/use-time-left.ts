import { useEffect, useState } from "react";
import { timeLeftMs } from "./time-left";

// Twice a second, so the display never trails the real second by more than half of one.
const TICK_MS = 500;

/**
 * Milliseconds left by the server's clock. Each tick reads the device clock afresh rather than counting down,
 * so after a sleeping laptop or a throttled background tab the next tick is simply right.
 */
export function useTimeLeft(deadline: string, clockOffsetMs: number): number {
  const [deviceNow, setDeviceNow] = useState(() => Date.now());

  useEffect(() => {
    const tick = () => setDeviceNow(Date.now());
    const interval = setInterval(tick, TICK_MS);
    // Timers in background tabs are throttled to once a minute; catch up the moment the tab is seen again.
    document.addEventListener("visibilitychange", tick);
    window.addEventListener("focus", tick);
    return () => {
      clearInterval(interval);
      document.removeEventListener("visibilitychange", tick);
      window.removeEventListener("focus", tick);
    };
  }, []);

  return timeLeftMs(deadline, clockOffsetMs, deviceNow);
}
