-- "Bury until tomorrow": the card stays out of the queue until this instant (the start of the user's next day);
-- its schedule is not touched.
ALTER TABLE "Card" ADD COLUMN "buriedUntil" TIMESTAMPTZ(3);
