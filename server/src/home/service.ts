import type { SessionUser } from "../auth/index.ts";
import type { Prisma } from "../db/index.ts";
import { daysBetween, startOfLocalDay, userDay, getQueue, loadPrefs } from "../flashcards/index.ts";
import { masteryBySection, type SectionMastery, recentBySection } from "../progress/index.ts";
import { titleOf, type VersionBodies } from "../questions/index.ts";
import { agreement, linkedCandidates } from "../review/index.ts";
import { activityCalendar, activityStart } from "./activity.ts";
import { planForToday, type PlanInput } from "./plan.ts";
import { activityByDay, lastRoundStartedAt, nextDue, openRound, unreadFeedback } from "./repo.ts";

export interface HomeDeps {
  prisma: Prisma;
  versionBodies: VersionBodies;
  now: () => Date;
}

const UNREAD_SHOWN = 5;
const CANDIDATES_SHOWN = 5;
const DAY_MS = 86_400_000;

/** Everything the home page shows, in one request: what to do next for a candidate, what waits for a mentor. */
export function home(deps: HomeDeps, viewer: SessionUser) {
  return viewer.role === "mentor" ? mentorHome(deps, viewer.id) : candidateHome(deps, viewer.id);
}

function weakest(mastery: readonly SectionMastery[]): SectionMastery | undefined {
  return [...mastery].sort((a, b) => a.mastery - b.mastery || a.section.localeCompare(b.section))[0];
}

async function candidateHome(deps: HomeDeps, userId: string) {
  const now = deps.now();
  const { prisma } = deps;
  const prefs = await loadPrefs(prisma, userId);
  const today = userDay(now, prefs.timeZone);
  const from = activityStart(today.date);
  const [round, queue, next, recent, unread, activity, lastRound] = await Promise.all([
    openRound(prisma, userId),
    // The review page's own count, so "12 cards due" here is the 12 the review page then shows.
    getQueue({ prisma, now: () => now }, userId, { limit: 0 }),
    nextDue(prisma, userId, now),
    recentBySection(prisma, userId),
    unreadFeedback(prisma, userId, UNREAD_SHOWN),
    activityByDay(prisma, userId, startOfLocalDay(from, prefs.timeZone), prefs.timeZone),
    lastRoundStartedAt(prisma, userId),
  ]);
  const weakestSection = weakest(masteryBySection(recent, now));
  const due = queue.counts.learning + queue.counts.review + queue.counts.new;
  // Unstudied cards come back with tomorrow's allowance of new cards, if there is one.
  const newCardsAt = next.fresh && prefs.newCardsPerDay > 0 ? today.end : null;
  const nextDueAt = [next.due, newCardsAt]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  const daysSinceLastRound = lastRound ? Math.floor((now.getTime() - lastRound.getTime()) / DAY_MS) : null;
  return {
    role: "candidate" as const,
    serverNow: now.toISOString(),
    today: today.date,
    openRound: round,
    flashcards: { due, ...queue.counts, nextDueAt: nextDueAt?.toISOString() ?? null },
    interview: interviewOf(prefs.interviewDate, today.date, {
      dueCards: due,
      weakestSection: weakestSection?.section ?? null,
      daysSinceLastRound,
    }),
    weakestSection: weakestSection
      ? {
          section: weakestSection.section,
          mastery: weakestSection.mastery,
          level: weakestSection.level,
          answers: weakestSection.answers,
        }
      : null,
    unread: await presentUnread(prisma, deps.versionBodies, unread),
    activity: activityCalendar(from, today.date, activity),
  };
}

function interviewOf(date: string | null, today: string, rest: Omit<PlanInput, "daysLeft">) {
  if (!date) return null;
  const daysLeft = daysBetween(today, date);
  return { date, daysLeft, plan: planForToday({ ...rest, daysLeft }) };
}

async function presentUnread(prisma: Prisma, cache: VersionBodies, unread: Awaited<ReturnType<typeof unreadFeedback>>) {
  const bodies = await cache.many(
    prisma,
    unread.items.map((i) => i.versionId),
  );
  return {
    comments: unread.comments,
    overrides: unread.overrides,
    disputes: unread.disputes,
    items: unread.items.map((i) => ({
      kind: i.kind,
      id: i.id,
      answerId: i.answerId,
      title: titleOf(bodies.get(i.versionId)!),
      by: i.by,
      text: i.text,
      verdict: i.verdict,
      ...(i.grade === null ? {} : { grade: i.grade }),
      at: i.at.toISOString(),
    })),
  };
}

async function mentorHome(deps: HomeDeps, mentorId: string) {
  const [linked, report] = await Promise.all([linkedCandidates(deps, mentorId), agreement(deps, { mentorId })]);
  const worst = report.mostDisagreed[0];
  // The review queue holds exactly the linked candidates' answers this mentor has not reviewed, and open disputes.
  const queued = linked.items.reduce((n, c) => n + c.unreviewed, 0);
  const byUrgency = [...linked.items].sort((a, b) => b.unreviewed - a.unreviewed);
  return {
    role: "mentor" as const,
    candidates: {
      total: linked.items.length,
      items: byUrgency.slice(0, CANDIDATES_SHOWN).map((c) => ({
        id: c.id,
        displayName: c.displayName,
        unreviewed: c.unreviewed,
        answersLastWeek: c.answersLastWeek,
        lastAnswerAt: c.lastAnswerAt,
      })),
    },
    queue: { total: queued },
    agreement: {
      rulings: report.total,
      agreement: report.agreement,
      kappa: report.kappa,
      mostDisagreed: worst ? { title: worst.title, rulings: worst.rulings, disagreements: worst.disagreements } : null,
    },
  };
}
