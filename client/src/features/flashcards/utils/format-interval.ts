const MIN = 60;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toString();

/** Anki-style short interval: "<1 min", "10 min", "3 h", "3 d", "2.5 mo", "1.2 y". */
export function formatInterval(seconds: number): string {
  if (seconds < MIN) return "<1 min";
  if (seconds < HOUR) return `${Math.round(seconds / MIN)} min`;
  if (seconds < DAY) return `${Math.round(seconds / HOUR)} h`;
  if (seconds < 30 * DAY) return `${Math.round(seconds / DAY)} d`;
  if (seconds < 365 * DAY) return `${oneDecimal(seconds / (30 * DAY))} mo`;
  return `${oneDecimal(seconds / (365 * DAY))} y`;
}

/** The same, spelled out for screen readers: "10 minutes", "3 days". */
export function describeInterval(seconds: number): string {
  const short = formatInterval(seconds);
  if (short === "<1 min") return "less than a minute";
  const [n, unit] = short.split(" ") as [string, string];
  const words: Record<string, string> = { min: "minute", h: "hour", d: "day", mo: "month", y: "year" };
  const word = words[unit] ?? unit;
  return `${n} ${word}${n === "1" ? "" : "s"}`;
}
