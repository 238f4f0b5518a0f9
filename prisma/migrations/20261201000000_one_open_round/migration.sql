-- One open round per candidate, enforced by the database so two simultaneous starts cannot both succeed.
-- Rounds left open side by side before this rule (a double-clicked "Start round") are closed as expired, keeping
-- each candidate's newest; their results stay readable.
UPDATE "Round" r
   SET status = 'expired', "closedAt" = LEAST(r.deadline, now())
 WHERE r.status = 'open'
   AND EXISTS (
         SELECT 1 FROM "Round" n
          WHERE n."userId" = r."userId" AND n.status = 'open' AND (n."startedAt", n.id) > (r."startedAt", r.id));

CREATE UNIQUE INDEX "Round_one_open_per_user_key" ON "Round"("userId") WHERE status = 'open';
