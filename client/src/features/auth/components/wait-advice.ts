/** "Try again in 3 minutes." from a 429's Retry-After, for the log-in and sign-up forms. */
export function waitAdvice(seconds: number | undefined): string {
  if (seconds === undefined) return "Wait a little, then try again.";
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
