-- A dispute settled by overriding the grade names that override: the candidate is told of the one act once, as the
-- ruling with the grade it set. Disputes settled before this column existed are linked by what the override wrote
-- in the same transaction (same answer, mentor and time).
ALTER TABLE "Dispute" ADD COLUMN "overrideId" UUID;

UPDATE "Dispute" d SET "overrideId" = g.id
  FROM "GradeOverride" g
 WHERE g."answerId" = d."answerId" AND g."mentorId" = d."resolvedById" AND g."createdAt" = d."resolvedAt";

CREATE UNIQUE INDEX "Dispute_overrideId_key" ON "Dispute"("overrideId");

ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_overrideId_fkey" FOREIGN KEY ("overrideId") REFERENCES "GradeOverride"("id") ON DELETE SET NULL ON UPDATE CASCADE;
