import type { Tx } from "../db/index.ts";
import { recordAudit } from "../audit/index.ts";
import { resolveOpenDispute } from "./repo.ts";

/**
 * Settles the answer's open dispute, if any, inside the ruling's transaction (review's override or confirm), and
 * leaves the candidate an audit entry about it; a dispute already settled is left as it was.
 */
export async function settleOpenDispute(
  tx: Tx,
  d: {
    answerId: string;
    candidateId: string;
    mentorId: string;
    resolution: "upheld" | "rejected";
    reply: string | null;
    now: Date;
    /** The override that is the ruling, if it is one. */
    overrideId?: string;
  },
): Promise<void> {
  const resolved = await resolveOpenDispute(tx, d.answerId, {
    resolvedById: d.mentorId,
    resolution: d.resolution,
    reply: d.reply,
    resolvedAt: d.now,
    overrideId: d.overrideId ?? null,
  });
  if (!resolved) return;
  await recordAudit(tx, {
    actorId: d.mentorId,
    subjectUserId: d.candidateId,
    action: "dispute.resolved",
    entityType: "Answer",
    entityId: d.answerId,
    data: { resolution: d.resolution, ...(d.reply ? { reply: d.reply } : {}) },
    createdAt: d.now,
  });
}
