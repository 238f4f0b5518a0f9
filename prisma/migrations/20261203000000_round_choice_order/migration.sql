-- Each round question keeps the order its choices were shuffled into, so every read, the results and the review
-- show what the candidate saw. Rounds drawn before this stay NULL and show file order.
ALTER TABLE "RoundQuestion" ADD COLUMN "choiceOrder" JSONB;
