import { expect, it } from "vitest";
import { roundDeps } from "../../server/src/app.ts";
import { VersionBodies } from "../../server/src/questions/version-bodies.ts";
import { closeRound } from "../../server/src/rounds/close-round.ts";
import { bank, describeEachDatabase, signedUpAgent, useTestApp } from "../setup/test-app.ts";

// A long (~4,900 of the 5,000 characters allowed), on-topic draft: the grader has real work on every one.
const LONG_DRAFT = Array.from(
  { length: 23 },
  (_, i) =>
    `Point ${i}: Flink processes events one at a time with managed keyed state and watermarks for late data, ` +
    "while Spark Structured Streaming uses micro-batches with checkpointing; " +
    "for hourly batch jobs Spark batch is fine.",
).join(" ");

describeEachDatabase("closing a round", (kind) => {
  const t = useTestApp(kind);

  it("when a round of 30 long drafts closes, then the event loop runs between drafts, and it closes once", async () => {
    const { agent } = await signedUpAgent(t.app);
    const started = await agent
      .post("/api/rounds")
      .send({ questionCount: 30, timeLimitSeconds: 600, types: ["free-text"] })
      .expect(201);
    const round = started.body as { id: string; questions: { slug: string; locked?: boolean }[] };
    // A follow-up takes no draft until its parent is submitted; every other question gets one.
    const drafted = round.questions.filter((q) => !q.locked);
    for (const q of drafted) {
      await agent.put(`/api/rounds/${round.id}/drafts/${q.slug}`).send({ answer: LONG_DRAFT }).expect(204);
    }
    const deps = roundDeps({ db: t.db, bank: bank(), roundGraceSeconds: 30, versionBodies: new VersionBodies() });

    let turns = 0;
    let closing = true;
    const turn = () => {
      turns++;
      if (closing) setImmediate(turn);
    };
    setImmediate(turn);
    const closed = await Promise.all([closeRound(deps, round.id, "finished"), closeRound(deps, round.id, "finished")]);
    closing = false;

    expect(drafted.length).toBeGreaterThanOrEqual(10);
    expect(turns).toBeGreaterThanOrEqual(drafted.length);
    expect(closed.filter(Boolean)).toHaveLength(1);
    expect(await t.db.prisma.answer.count({ where: { roundQuestion: { roundId: round.id } } })).toBe(drafted.length);
  }, 60_000);
});
