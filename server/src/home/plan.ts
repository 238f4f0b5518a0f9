/**
 * What the home page suggests for today, from the days left to the interview. Pure, so the rules are tested alone.
 * - Due flashcards come first: skipping them costs more tomorrow.
 * - The weakest section gets a few questions, more in the final week, when closing a gap matters most.
 * - Mock rounds rehearse the real thing: weekly while the interview is far off, every third day in the last three
 *   weeks, daily in the last one.
 * - On the interview day itself only the cards: a light review, not new material.
 */
export type PlanStep =
  | { kind: "review-cards"; cards: number }
  | { kind: "practise-section"; section: string; questions: number }
  | { kind: "practise-any"; questions: number }
  | { kind: "mock-round" };

export interface PlanInput {
  daysLeft: number;
  dueCards: number;
  weakestSection: string | null;
  /** Whole days since the last mock round started; null when there was none. */
  daysSinceLastRound: number | null;
}

export function roundEveryDays(daysLeft: number): number {
  if (daysLeft <= 7) return 1;
  if (daysLeft <= 21) return 3;
  return 7;
}

export function planForToday(input: PlanInput): PlanStep[] {
  const steps: PlanStep[] = [];
  if (input.dueCards > 0) steps.push({ kind: "review-cards", cards: input.dueCards });
  if (input.daysLeft <= 0) return steps;
  const questions = input.daysLeft <= 7 ? 5 : 3;
  steps.push(
    input.weakestSection
      ? { kind: "practise-section", section: input.weakestSection, questions }
      : { kind: "practise-any", questions },
  );
  if (input.daysSinceLastRound === null || input.daysSinceLastRound >= roundEveryDays(input.daysLeft))
    steps.push({ kind: "mock-round" });
  return steps;
}
