-- A mentor's proposed rubric phrase with its regrade preview's figures; content itself stays in git, and
-- `npm run content:suggestions` prints these as a patch for the bank's maintainer.
CREATE TABLE "RubricSuggestion" (
    "id" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "concept" TEXT,
    "misconception" TEXT,
    "phrase" TEXT NOT NULL,
    "note" TEXT,
    "total" INTEGER NOT NULL,
    "changedCount" INTEGER NOT NULL,
    "agreementBefore" DOUBLE PRECISION,
    "agreementAfter" DOUBLE PRECISION,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RubricSuggestion_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RubricSuggestion_createdById_createdAt_idx" ON "RubricSuggestion"("createdById", "createdAt" DESC);

ALTER TABLE "RubricSuggestion" ADD CONSTRAINT "RubricSuggestion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
