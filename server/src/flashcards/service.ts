import { type Prisma, type Tx, isUniqueViolation } from "../db/index.ts";
import { gradeFreeText, type Lexicon } from "../grading/index.ts";
import { AppError, notFound } from "../http/index.ts";
import { addDays, localDate, userDay } from "./local-day.ts";
import {
  cardContent,
  presentCardState,
  restoreFrom,
  snapshot,
  sourceVersionIds,
  type CardStateResponse,
} from "./present.ts";
import {
  appendReview,
  cardCountsByState,
  cardSources,
  cardsWithContent,
  cramCardIds,
  deleteCardAndLog,
  dueCandidates,
  comingDatesBefore,
  ensureBankCards,
  findOwnCard,
  findOwnCardWithContent,
  lastActiveReview,
  lastReviewedAt,
  listCardsWithContent,
  lockUser,
  markUndone,
  newCandidates,
  newIntroducedSince,
  reviewById,
  reviewsSince,
  schedOf,
  updateCard,
} from "./repo.ts";
import {
  LEARN_AHEAD_MS,
  orderQueue,
  previewIntervals,
  ratingName,
  ratingValue,
  reviewCard,
  stateName,
  type Rating,
} from "./schedule.ts";
import { loadPrefs } from "./settings.ts";

export interface FlashcardDeps {
  prisma: Prisma;
  now: () => Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const cardNotFound = () => notFound("No such card");
const DAY_MS = 86_400_000;

export async function getQueue(deps: FlashcardDeps, userId: string, opts: { limit: number; sections?: string[] }) {
  const now = deps.now();
  const [prefs] = await Promise.all([loadPrefs(deps.prisma, userId), ensureBankCards(deps.prisma, userId, now)]);
  const day = userDay(now, prefs.timeZone);
  const sections = opts.sections?.length ? opts.sections : null;
  // The new cards are fetched up to the whole daily limit at once; orderQueue keeps what is left of it today.
  const [introduced, due, fresh] = await Promise.all([
    newIntroducedSince(deps.prisma, userId, day.start),
    dueCandidates(
      deps.prisma,
      userId,
      { now, learnUntil: new Date(now.getTime() + LEARN_AHEAD_MS), reviewBefore: day.end },
      sections,
    ),
    newCandidates(deps.prisma, userId, now, sections, prefs.newCardsPerDay),
  ]);
  const ordered = orderQueue([...due, ...fresh], now, prefs, introduced);
  const top = ordered.cards.slice(0, opts.limit);
  const rows = await cardsWithContent(
    deps.prisma,
    top.map((c) => c.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sources = await cardSources(deps.prisma, sourceVersionIds(rows));
  const cards = top.map((c) => {
    const content = cardContent(byId.get(c.id)!, sources);
    return {
      id: c.id,
      kind: c.kind,
      ...content,
      state: stateName(c.state),
      intervals: previewIntervals(c, now, prefs),
    };
  });
  return { cards, counts: ordered.counts };
}

/**
 * Cram: every card of the chosen sections that is not suspended, due or not, with its content only. Nothing is
 * written — cram ratings never reach the server — so no due date, interval or log row can change.
 */
export async function getCram(deps: FlashcardDeps, userId: string, opts: { limit: number; sections?: string[] }) {
  await ensureBankCards(deps.prisma, userId, deps.now());
  const ids = await cramCardIds(deps.prisma, userId, opts.sections?.length ? opts.sections : null, opts.limit);
  const rows = await cardsWithContent(deps.prisma, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sources = await cardSources(deps.prisma, sourceVersionIds(rows));
  return { cards: ids.map((id) => ({ id, kind: byId.get(id)!.kind, ...cardContent(byId.get(id)!, sources) })) };
}

async function replay(db: Prisma | Tx, userId: string, cardId: string, reviewId: string) {
  const earlier = await reviewById(db, userId, reviewId);
  if (!earlier) return undefined;
  if (earlier.cardId !== cardId) throw new AppError("conflict", "This reviewId was already used for another card");
  return earlier.response;
}

/**
 * Records one rating. The card's state before it goes into an append-only log row together with the response, so
 * a repeated reviewId gets the same answer and nothing new is written, and undo can put the card back exactly.
 */
export async function reviewOne(
  deps: FlashcardDeps,
  userId: string,
  cardId: string,
  input: { rating: Rating; reviewId: string; durationMs?: number },
): Promise<CardStateResponse> {
  if (!UUID.test(cardId)) throw cardNotFound();
  try {
    return await deps.prisma.$transaction(async (tx) => {
      await lockUser(tx, userId);
      const earlier = await replay(tx, userId, cardId, input.reviewId);
      if (earlier) return earlier;
      const card = await findOwnCard(tx, userId, cardId);
      if (!card) throw cardNotFound();
      if (card.suspended) throw new AppError("conflict", "This card is suspended; unsuspend it to review it");
      // Another process's clock may run slightly behind the last review's; FSRS needs time to move forward.
      const now = card.lastReview && card.lastReview > deps.now() ? card.lastReview : deps.now();
      const prefs = await loadPrefs(tx, userId);
      const outcome = reviewCard(schedOf(card), input.rating, now, prefs);
      const leech = card.leech || outcome.leech;
      const updated = await updateCard(tx, card.id, {
        ...outcome.after,
        leech,
        suspended: outcome.leech ? true : card.suspended,
      });
      const response = presentCardState(updated);
      // Log rows of one user are strictly ordered in time, so "the last review" is never ambiguous.
      const last = await lastReviewedAt(tx, userId);
      const reviewedAt = last && last >= now ? new Date(last.getTime() + 1) : now;
      await appendReview(tx, {
        cardId: card.id,
        userId,
        reviewId: input.reviewId,
        rating: ratingValue(input.rating),
        reviewedAt,
        elapsedDays: outcome.elapsedDays,
        durationMs: input.durationMs ?? null,
        stateBefore: snapshot(card),
        response,
      });
      return response;
    });
  } catch (error) {
    // A simultaneous request with the same reviewId won the insert: answer as it did.
    if (!isUniqueViolation(error)) throw error;
    const again = await replay(deps.prisma, userId, cardId, input.reviewId);
    if (again) return again;
    throw error;
  }
}

/** Puts the caller's last (not yet undone) review back: the card gets its logged state, the log row is marked undone. */
export async function undoLast(deps: FlashcardDeps, userId: string) {
  return deps.prisma.$transaction(async (tx) => {
    await lockUser(tx, userId);
    const last = await lastActiveReview(tx, userId);
    if (!last) throw new AppError("nothing_to_undo", "There is no review to undo");
    const card = await updateCard(tx, last.cardId, restoreFrom(last.stateBefore));
    await markUndone(tx, last.id, deps.now());
    return { reviewId: last.reviewId, rating: ratingName(last.rating), card: presentCardState(card) };
  });
}

async function ownCard(deps: FlashcardDeps, userId: string, cardId: string) {
  if (!UUID.test(cardId)) throw cardNotFound();
  const card = await findOwnCard(deps.prisma, userId, cardId);
  if (!card) throw cardNotFound();
  return card;
}

export async function setSuspended(deps: FlashcardDeps, userId: string, cardId: string, suspended: boolean) {
  await ownCard(deps, userId, cardId);
  const card = await updateCard(deps.prisma, cardId, { suspended });
  return presentCardState(card);
}

/**
 * Buries a card until the user's next day begins: it leaves today's queue and comes back tomorrow with the schedule
 * it had (an overdue card is still overdue then). Burying again the same day changes nothing.
 */
export async function buryCard(deps: FlashcardDeps, userId: string, cardId: string) {
  await ownCard(deps, userId, cardId);
  const prefs = await loadPrefs(deps.prisma, userId);
  const buriedUntil = userDay(deps.now(), prefs.timeZone).end;
  const card = await updateCard(deps.prisma, cardId, { buriedUntil });
  return { ...presentCardState(card), buriedUntil: buriedUntil.toISOString() };
}

/** Takes a burial back (the review screen's undo): the card is in today's queue again, its schedule untouched. */
export async function unburyCard(deps: FlashcardDeps, userId: string, cardId: string) {
  await ownCard(deps, userId, cardId);
  const card = await updateCard(deps.prisma, cardId, { buriedUntil: null });
  return presentCardState(card);
}

/** Deletes a personal card and its log (bank cards can only be suspended). Missing the concept again recreates it. */
export async function deletePersonal(deps: FlashcardDeps, userId: string, cardId: string): Promise<void> {
  const card = await ownCard(deps, userId, cardId);
  if (card.kind !== "missed") throw new AppError("conflict", "Bank cards cannot be deleted; suspend them instead");
  await deleteCardAndLog(deps.prisma, cardId);
}

export async function listCards(deps: FlashcardDeps, userId: string, filter: "personal" | "leeches" | "suspended") {
  const rows = await listCardsWithContent(deps.prisma, userId, filter);
  const sources = await cardSources(deps.prisma, sourceVersionIds(rows));
  return { cards: rows.map((r) => ({ ...presentCardState(r), ...cardContent(r, sources) })) };
}

const MATURE_DAYS = 21;

export async function getStats(deps: FlashcardDeps, userId: string) {
  const now = deps.now();
  const prefs = await loadPrefs(deps.prisma, userId);
  const tz = prefs.timeZone;
  const today = userDay(now, tz);
  await ensureBankCards(deps.prisma, userId, now);

  const groups = await cardCountsByState(deps.prisma, userId);
  const counts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, leeches: 0 };
  for (const g of groups) {
    const n = g.count;
    if (g.leech) counts.leeches += n;
    if (g.suspended) counts.suspended += n;
    else counts[stateName(g.state)] += n;
  }

  const horizon = userDay(new Date(today.start.getTime() + 14 * DAY_MS), tz).start;
  const dueDates = await comingDatesBefore(deps.prisma, userId, horizon);
  const forecast = Array.from({ length: 14 }, (_, i) => ({ date: addDays(today.date, i), due: 0 }));
  const index = new Map(forecast.map((f, i) => [f.date, i]));
  for (const due of dueDates) {
    const d = due < today.start ? today.date : localDate(due, tz);
    const i = index.get(d);
    if (i !== undefined) forecast[i]!.due++;
  }

  const since = userDay(new Date(today.start.getTime() - 29 * DAY_MS), tz).start;
  const logs = await reviewsSince(deps.prisma, userId, since);
  const reviewsPerDay = Array.from({ length: 30 }, (_, i) => ({ date: addDays(today.date, i - 29), count: 0 }));
  const dayIndex = new Map(reviewsPerDay.map((r, i) => [r.date, i]));
  let mature = 0;
  let passed = 0;
  for (const log of logs) {
    const i = dayIndex.get(localDate(log.reviewedAt, tz));
    if (i !== undefined) reviewsPerDay[i]!.count++;
    const before = log.stateBefore;
    if (before.state === 2 && before.scheduledDays >= MATURE_DAYS) {
      mature++;
      if (log.rating !== 1) passed++;
    }
  }
  return {
    counts,
    forecast,
    trueRetention: { reviews: mature, passed, rate: mature ? passed / mature : null },
    reviewsPerDay,
  };
}

/**
 * "Type your answer first": grades typed recall of a personal card with the grading engine against the card's one
 * source concept (and the question's misconceptions), and suggests a rating. Nothing is stored — the rating is.
 * Bank cards have no rubric, so they come back ungraded for the user to compare by eye.
 */
export async function checkRecall(
  deps: FlashcardDeps & { lexicon: Lexicon },
  userId: string,
  cardId: string,
  answer: string,
) {
  if (!UUID.test(cardId)) throw cardNotFound();
  const card = await findOwnCardWithContent(deps.prisma, userId, cardId);
  if (!card) throw cardNotFound();
  const versionId = card.question?.currentVersionId;
  const source = versionId ? (await cardSources(deps.prisma, [versionId])).get(versionId) : undefined;
  const concept = source?.type === "free-text" ? source.concepts.find((c) => c.id === card.conceptId) : undefined;
  if (card.kind !== "missed" || source?.type !== "free-text" || !concept)
    return { gradable: false as const, suggestedRating: null };
  const grade = gradeFreeText(
    { concepts: [{ ...concept, required: true }], misconceptions: source.misconceptions },
    deps.lexicon,
    answer,
  );
  const suggestedRating: Rating = grade.verdict === "correct" ? "good" : grade.verdict === "partial" ? "hard" : "again";
  return {
    gradable: true as const,
    verdict: grade.verdict,
    score: grade.score,
    matched: grade.matched,
    missed: grade.missed,
    flags: grade.flags,
    suggestedRating,
  };
}
