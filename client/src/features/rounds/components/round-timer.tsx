import { useEffect, useRef } from "react";
import { useTimeLeft } from "../../../lib/use-time-left";
import { formatTimeLeft } from "../../../lib/time-left";

type RoundTimerProps = {
  deadline: string;
  clockOffsetMs: number;
  /** Called once when the server's deadline passes. */
  onExpire: () => void;
};

const WARN_AT_MS = 60_000;

/** Its own component so the twice-a-second tick re-renders the clock, not the answer being typed. */
export function RoundTimer({ deadline, clockOffsetMs, onExpire }: RoundTimerProps) {
  const left = useTimeLeft(deadline, clockOffsetMs);
  const expired = left <= 0;
  const warning = left <= WARN_AT_MS;

  const onExpireRef = useRef(onExpire);
  useEffect(() => {
    onExpireRef.current = onExpire;
  });
  useEffect(() => {
    if (expired) onExpireRef.current();
  }, [expired]);

  return (
    <div className={warning ? "round-timer round-timer-warning" : "round-timer"}>
      <span className="round-timer-label" aria-hidden="true">
        Time left
      </span>
      {/* role="timer" is not live, so it doesn't read out every second; the status below speaks at the moments that matter. */}
      <span className="round-timer-value" role="timer" aria-label="Time left">
        {formatTimeLeft(left)}
      </span>
      <p className="round-timer-alert" role="status">
        {expired ? "Time is up" : warning ? "One minute left" : ""}
      </p>
    </div>
  );
}
