-- Disputes (one per answer, keyed by it, so a second dispute is a unique violation) and self-assessments (one per
-- answer, replaced in place). Both sit beside the automatic grade in Answer, which they never change.
CREATE TABLE "Dispute" (
    "answerId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "resolution" TEXT,
    "reply" TEXT,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("answerId")
);

CREATE TABLE "SelfAssessment" (
    "answerId" UUID NOT NULL,
    "verdict" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SelfAssessment_pkey" PRIMARY KEY ("answerId")
);

ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "SelfAssessment" ADD CONSTRAINT "SelfAssessment_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
