/** The fields of a history item that place it in an interviewer chain. */
export interface ChainItem {
  question: { slug: string };
  followUpOf?: string;
  roundId: string | null;
  submittedAt: string;
}

/**
 * Reorders one page of history (newest first) so each follow-up comes right after the answer it followed up: the
 * parent's answer in the same round, or for practice the latest practice answer to the parent before it. Follow-ups
 * whose parent answer is not on the page stay where they are; nothing moves across pages, so cursors stay valid.
 */
export function groupChains<T extends ChainItem>(items: readonly T[]): T[] {
  const parentIndex = items.map((item, i) => {
    if (!item.followUpOf) return -1;
    return items.findIndex(
      (p, j) =>
        j > i && p.question.slug === item.followUpOf && p.roundId === item.roundId && p.submittedAt <= item.submittedAt,
    );
  });
  const childrenOf = new Map<number, number[]>();
  parentIndex.forEach((p, i) => {
    if (p >= 0) childrenOf.set(p, [i, ...(childrenOf.get(p) ?? [])]);
  });
  const ordered: T[] = [];
  const visit = (i: number) => {
    ordered.push(items[i]!);
    for (const child of childrenOf.get(i) ?? []) visit(child);
  };
  items.forEach((_, i) => parentIndex[i]! < 0 && visit(i));
  return ordered;
}
