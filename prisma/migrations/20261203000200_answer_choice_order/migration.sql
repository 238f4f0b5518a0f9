-- A practice answer keeps the order its choices were shown in, so its detail reveals them as the candidate saw
-- them. Round answers read the order from their RoundQuestion; older practice answers stay NULL and show file order.
ALTER TABLE "Answer" ADD COLUMN "choiceOrder" JSONB;
