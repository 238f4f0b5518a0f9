import type { Prisma, Tx } from "../db/index.ts";
import { parentNotAnswered } from "./parent-not-answered.ts";
import { followUpsField, isLocked, lockedSlugs, parentSlugs, type FollowUpIndex } from "./follow-ups.ts";
import { answeredSlugs } from "./repo.ts";

/** What one caller has unlocked in practice: any answer of theirs to a parent (practice or round) unlocks its follow-ups. */
export interface PracticeUnlocks {
  index: FollowUpIndex;
  answered: ReadonlySet<string>;
}

export async function practiceUnlocks(
  db: Prisma | Tx,
  index: FollowUpIndex,
  userId: string | undefined,
): Promise<PracticeUnlocks> {
  return { index, answered: await answeredSlugs(db, userId, parentSlugs(index)) };
}

/** 409 `parent_not_answered` for a follow-up the caller has not unlocked. */
export function assertUnlocked(unlocks: PracticeUnlocks, slug: string): void {
  const parent = unlocks.index.parentOf.get(slug);
  if (parent !== undefined && isLocked(unlocks.index, slug, unlocks.answered)) throw parentNotAnswered(parent);
}

/** The same 409 for one question, asking the database only when `slug` is a follow-up (and only about its parent). */
export async function assertParentAnswered(
  db: Prisma | Tx,
  index: FollowUpIndex,
  userId: string,
  slug: string,
): Promise<void> {
  const parent = index.parentOf.get(slug);
  if (parent === undefined) return;
  assertUnlocked({ index, answered: await answeredSlugs(db, userId, [parent]) }, slug);
}

export const hiddenSlugs = (unlocks: PracticeUnlocks): string[] => lockedSlugs(unlocks.index, unlocks.answered);

/** The chain fields of a practice question: `followUps` once the caller answered it. */
export const chainFields = (unlocks: PracticeUnlocks, slug: string) =>
  followUpsField(unlocks.index, slug, unlocks.answered.has(slug));
