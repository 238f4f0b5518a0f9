/**
 * Interviewer follow-ups, as the content declares them (`followUpOf` in a question's version body). Pure: the index
 * is built from whatever questions are active, and every rule about who may see what is decided from it.
 */
export interface FollowUpIndex {
  /** A follow-up's parent slug. */
  parentOf: ReadonlyMap<string, string>;
  /** A question's direct follow-ups, in a stable order (by slug). */
  followUpsOf: ReadonlyMap<string, readonly string[]>;
}

/**
 * Every declared link is in `parentOf` (a follow-up of a retired question stays locked unless its parent was answered
 * before it retired); `followUpsOf` lists only follow-ups of questions among `questions`.
 */
export function buildFollowUpIndex(questions: readonly { slug: string; followUpOf?: string }[]): FollowUpIndex {
  const present = new Set(questions.map((q) => q.slug));
  const parentOf = new Map<string, string>();
  const followUpsOf = new Map<string, string[]>();
  for (const q of [...questions].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    if (!q.followUpOf) continue;
    parentOf.set(q.slug, q.followUpOf);
    if (!present.has(q.followUpOf)) continue;
    followUpsOf.set(q.followUpOf, [...(followUpsOf.get(q.followUpOf) ?? []), q.slug]);
  }
  return { parentOf, followUpsOf };
}

/** The follow-ups below `slug`, each right after its own parent (depth first), not including `slug` itself. */
export function chainBelow(index: FollowUpIndex, slug: string): string[] {
  return (index.followUpsOf.get(slug) ?? []).flatMap((child) => [child, ...chainBelow(index, child)]);
}

/** `followUps` as the API exposes it: present only once the caller has answered the question. */
export function followUpsField(
  index: FollowUpIndex,
  slug: string,
  answered: boolean,
): { followUps?: { slug: string }[] } {
  const slugs = index.followUpsOf.get(slug);
  return answered && slugs?.length ? { followUps: slugs.map((s) => ({ slug: s })) } : {};
}

/** Every slug whose answer can unlock something: the parents named by any follow-up. */
export const parentSlugs = (index: FollowUpIndex): string[] => [...new Set(index.parentOf.values())];

/** True when `slug` is a follow-up whose parent is not among the caller's answered slugs. */
export function isLocked(index: FollowUpIndex, slug: string, answered: ReadonlySet<string>): boolean {
  const parent = index.parentOf.get(slug);
  return parent !== undefined && !answered.has(parent);
}

/** The follow-ups a caller who answered `answered` may not see yet. */
export const lockedSlugs = (index: FollowUpIndex, answered: ReadonlySet<string>): string[] =>
  [...index.parentOf.keys()].filter((slug) => isLocked(index, slug, answered));
