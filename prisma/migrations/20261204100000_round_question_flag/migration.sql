-- A candidate can flag a round question to come back to it before finishing; kept on the server so a reload or
-- another device shows the same flags.
ALTER TABLE "RoundQuestion" ADD COLUMN "flagged" BOOLEAN NOT NULL DEFAULT false;
