/** Where each question of a round stands in its interviewer chain. Pure: decided from the round's own answers. */
export interface ChainSlot {
  slug: string;
  followUpOf?: string;
  answered: boolean;
  /** Answered by the candidate before the round closed, not a draft graded at closing. */
  submitted: boolean;
}

export interface ChainView {
  followUpOf?: string;
  /** A follow-up whose parent in this round is not answered yet: shown without its prompt, refused if answered. */
  locked: boolean;
  /** The follow-ups of this question in this round, once it is answered. */
  followUps?: { slug: string }[];
  /** A follow-up left unanswered because the candidate never got past its parent. */
  notReached: boolean;
}

export function chainViews(slots: readonly ChainSlot[]): ChainView[] {
  const bySlug = new Map(slots.map((s) => [s.slug, s]));
  return slots.map((slot) => {
    const parent = slot.followUpOf === undefined ? undefined : bySlug.get(slot.followUpOf);
    const children = slots.filter((s) => s.followUpOf === slot.slug).map((s) => ({ slug: s.slug }));
    return {
      ...(slot.followUpOf ? { followUpOf: slot.followUpOf } : {}),
      locked: parent !== undefined && !parent.answered,
      ...(slot.answered && children.length ? { followUps: children } : {}),
      notReached: parent !== undefined && !slot.answered && !parent.submitted,
    };
  });
}
