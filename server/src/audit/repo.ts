import type { Prisma, Tx } from "../db/index.ts";
import type { Prisma as PrismaNs } from "../generated/prisma/client.ts";

export interface AuditEntry {
  actorId: string;
  subjectUserId: string;
  action: string;
  entityType: string;
  entityId: string;
  data: PrismaNs.InputJsonValue;
  createdAt: Date;
}

/** One row of the audit trail. Not awaited here, so it can join a batch transaction. */
export const recordAudit = (db: Prisma | Tx, entry: AuditEntry) =>
  db.auditEvent.create({ data: entry, select: { id: true } });
