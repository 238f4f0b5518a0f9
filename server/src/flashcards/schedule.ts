/**
 * The only code that talks to ts-fsrs: a thin, pure wrapper (no I/O, the clock is an argument). Everything else
 * works with `SchedState` (the columns of a Card row) and the rules added on top of FSRS: the interview-date cap,
 * the leech rule and the queue order.
 */
import { fsrs, Rating as FsrsRating, type Card as FsrsCard, type FSRS, type Grade } from "ts-fsrs";
import { addDays, daysBetween, localDate, startOfLocalDay, userDay } from "./local-day.ts";

export const RATINGS = ["again", "hard", "good", "easy"] as const;
export type Rating = (typeof RATINGS)[number];
export const STATE_NAMES = ["new", "learning", "review", "relearning"] as const;
export type StateName = (typeof STATE_NAMES)[number];

const LEECH_LAPSES = 8;
/** After a leech is unsuspended it is flagged again every this many further lapses (Anki's rule). */
const LEECH_REPEAT = 4;
/** When nothing else is left, learning cards due within this window are shown early (Anki's learn-ahead). */
export const LEARN_AHEAD_MS = 20 * 60_000;
const DAY_MS = 86_400_000;
const DEFAULT_MAX_INTERVAL_DAYS = 36_500;

/** A card's FSRS state, exactly the Card columns that hold it. */
export interface SchedState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview: Date | null;
}

export interface StudyPrefs {
  /** 0.80–0.97. */
  desiredRetention: number;
  newCardsPerDay: number;
  /** YYYY-MM-DD in the user's zone, or null. */
  interviewDate: string | null;
  timeZone: string;
}

export const DEFAULT_PREFS: StudyPrefs = {
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  interviewDate: null,
  timeZone: "UTC",
};

export const ratingValue = (r: Rating): Grade => (RATINGS.indexOf(r) + 1) as Grade;
export const ratingName = (value: number): Rating => RATINGS[value - 1]!;
export const stateName = (state: number): StateName => STATE_NAMES[state] ?? "new";

export function newCardState(now: Date): SchedState {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    lastReview: null,
  };
}

/** The interview-date cap in force at `now`: the longest interval in days and the last instant a card may fall due. */
/**
 * The interview still to come and the days left until it, or undefined. One that is over means ordinary scheduling
 * again; one further off than the longest interval caps nothing, so it is ignored too (that also keeps a far-future
 * date stored before dates were range-checked, e.g. 9999-12-31, out of calendar arithmetic it would break).
 */
function upcomingInterview(now: Date, prefs: StudyPrefs): { date: string; daysLeft: number } | undefined {
  if (!prefs.interviewDate) return undefined;
  const daysLeft = daysBetween(localDate(now, prefs.timeZone), prefs.interviewDate);
  return daysLeft >= 0 && daysLeft < DEFAULT_MAX_INTERVAL_DAYS ? { date: prefs.interviewDate, daysLeft } : undefined;
}

export function interviewCap(now: Date, prefs: StudyPrefs): { maxDays: number; latest: Date } | undefined {
  const interview = upcomingInterview(now, prefs);
  if (!interview) return undefined;
  const latest = new Date(startOfLocalDay(addDays(interview.date, 1), prefs.timeZone).getTime() - 1);
  return { maxDays: Math.max(1, interview.daysLeft), latest };
}

function schedulerFor(now: Date, prefs: StudyPrefs): { f: FSRS; cap: ReturnType<typeof interviewCap> } {
  const cap = interviewCap(now, prefs);
  const f = fsrs({
    request_retention: prefs.desiredRetention,
    maximum_interval: cap?.maxDays ?? DEFAULT_MAX_INTERVAL_DAYS,
    enable_fuzz: false,
  });
  return { f, cap };
}

const toFsrs = (s: SchedState): FsrsCard => ({
  due: s.due,
  stability: s.stability,
  difficulty: s.difficulty,
  elapsed_days: s.elapsedDays,
  scheduled_days: s.scheduledDays,
  learning_steps: s.learningSteps,
  reps: s.reps,
  lapses: s.lapses,
  state: s.state,
  ...(s.lastReview ? { last_review: s.lastReview } : {}),
});

function fromFsrs(c: FsrsCard, now: Date, cap: ReturnType<typeof interviewCap>): SchedState {
  let due = c.due;
  let scheduledDays = c.scheduled_days;
  // ts-fsrs caps each interval but then spreads hard < good < easy by a day, which can step past the cap.
  if (cap && due > cap.latest && cap.latest > now) {
    due = cap.latest;
    scheduledDays = Math.floor((due.getTime() - now.getTime()) / DAY_MS);
  }
  return {
    due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ?? now,
  };
}

/** Anki's leech rule: the 8th lapse flags and suspends a card, and every 4th lapse after that again. */
export function isLeechLapse(before: Pick<SchedState, "lapses">, after: Pick<SchedState, "lapses">): boolean {
  return (
    after.lapses > before.lapses && after.lapses >= LEECH_LAPSES && (after.lapses - LEECH_LAPSES) % LEECH_REPEAT === 0
  );
}

export interface ReviewOutcome {
  after: SchedState;
  /** Days since the previous review (what a log row keeps for fitting parameters). */
  elapsedDays: number;
  leech: boolean;
}

/** Applies one rating at `now`. Pure: the same inputs always give the same outcome (no fuzz). */
export function reviewCard(before: SchedState, rating: Rating, now: Date, prefs: StudyPrefs): ReviewOutcome {
  const { f, cap } = schedulerFor(now, prefs);
  const { card, log } = f.next(toFsrs(before), now, ratingValue(rating));
  const after = fromFsrs(card, now, cap);
  return { after, elapsedDays: log.elapsed_days, leech: isLeechLapse(before, after) };
}

export type Intervals = Record<Rating, number>;

/** The interval each rating would give, in seconds from `now`. */
export function previewIntervals(state: SchedState, now: Date, prefs: StudyPrefs): Intervals {
  const { f, cap } = schedulerFor(now, prefs);
  const preview = f.repeat(toFsrs(state), now);
  const seconds = (g: Grade) =>
    Math.max(0, Math.round((fromFsrs(preview[g].card, now, cap).due.getTime() - now.getTime()) / 1000));
  return {
    again: seconds(FsrsRating.Again),
    hard: seconds(FsrsRating.Hard),
    good: seconds(FsrsRating.Good),
    easy: seconds(FsrsRating.Easy),
  };
}

const retrievabilityCalc = fsrs({ enable_fuzz: false });

/** Predicted probability of recall at `at` (0 for a new card). */
export function retrievability(state: SchedState, at: Date): number {
  if (state.state === 0 || !state.lastReview) return 0;
  return retrievabilityCalc.get_retrievability(toFsrs(state), at, false);
}

/** When recall is predicted for ordering reviews: the interview day if one is coming, otherwise now. */
function recallHorizon(now: Date, prefs: StudyPrefs): Date {
  const interview = upcomingInterview(now, prefs);
  if (!interview) return now;
  const start = startOfLocalDay(interview.date, prefs.timeZone);
  return start > now ? start : now;
}

export interface QueueCandidate extends SchedState {
  id: string;
  kind: "bank" | "missed";
  createdAt: Date;
}

export interface OrderedQueue<C> {
  cards: C[];
  counts: { learning: number; review: number; new: number };
}

/**
 * Today's queue: learning/relearning cards due now (earliest first), then review cards due today (lowest predicted
 * recall first — at the interview if one is set), then new cards up to what is left of today's limit, personal
 * (missed-concept) cards before bank cards. When that is empty, learning cards due within 20 minutes are shown early.
 * `newIntroducedToday` is how many new cards were already studied in the user's day.
 */
export function orderQueue<C extends QueueCandidate>(
  candidates: C[],
  now: Date,
  prefs: StudyPrefs,
  newIntroducedToday: number,
): OrderedQueue<C> {
  const { end } = userDay(now, prefs.timeZone);
  const byDue = (a: C, b: C) => a.due.getTime() - b.due.getTime() || (a.id < b.id ? -1 : 1);
  const isLearning = (c: C) => c.state === 1 || c.state === 3;

  let learning = candidates.filter((c) => isLearning(c) && c.due <= now).sort(byDue);
  const horizon = recallHorizon(now, prefs);
  const review = candidates
    .filter((c) => c.state === 2 && c.due < end)
    .map((c) => ({ c, r: retrievability(c, horizon) }))
    .sort((a, b) => a.r - b.r || byDue(a.c, b.c))
    .map(({ c }) => c);
  const newLeft = Math.max(0, prefs.newCardsPerDay - newIntroducedToday);
  const fresh = candidates
    .filter((c) => c.state === 0)
    .sort(
      (a, b) =>
        (a.kind === "missed" ? 0 : 1) - (b.kind === "missed" ? 0 : 1) ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, newLeft);

  if (learning.length + review.length + fresh.length === 0) {
    const ahead = new Date(now.getTime() + LEARN_AHEAD_MS);
    learning = candidates.filter((c) => isLearning(c) && c.due <= ahead).sort(byDue);
  }
  return {
    cards: [...learning, ...review, ...fresh],
    counts: { learning: learning.length, review: review.length, new: fresh.length },
  };
}
