import type { Logger } from "../logger.ts";
import { closeDueRounds, type RoundDeps } from "./close-round.ts";

/**
 * A trigger, not a source of truth: every process runs one, the database decides (closeRound locks the row and
 * re-checks), and any request touching an overdue round closes it too. So a round closes even if its candidate
 * never returns, exactly once, however many processes share the database.
 */
export function startRoundSweeper(deps: RoundDeps, logger: Logger, intervalMs = 10_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    closeDueRounds(deps)
      .then((n) => n && logger.info({ closed: n }, "closed rounds whose time ran out"))
      .catch((err) => logger.error({ err }, "round sweep failed"))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
