import { describe, expect, it } from "vitest";
import { closesAt, deadlineFor, isAccepting, secondsSpent } from "../../../server/src/rounds/deadline.ts";
import { drawRandom } from "../../../server/src/rounds/draw.ts";
import { isBlank, totalsOf } from "../../../server/src/rounds/results.ts";

const T0 = new Date("2026-11-25T10:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("round timing rules", () => {
  it("when a round starts, then its deadline is the start plus the time limit", () => {
    expect(deadlineFor(T0, 90)).toEqual(at(90));
  });

  it("when the deadline passes, then answers are still accepted during the grace, up to and including its last instant", () => {
    const deadline = at(60);
    expect(closesAt(deadline, 30)).toEqual(at(90));
    expect(isAccepting(at(59), deadline, 30)).toBe(true);
    expect(isAccepting(at(60), deadline, 30)).toBe(true);
    expect(isAccepting(at(90), deadline, 30)).toBe(true);
    expect(isAccepting(new Date(at(90).getTime() + 1), deadline, 30)).toBe(false);
  });

  it("when grace is zero, then the deadline itself is the last accepted instant", () => {
    expect(isAccepting(at(60), at(60), 0)).toBe(true);
    expect(isAccepting(at(61), at(60), 0)).toBe(false);
  });

  it("when time spent is measured, then it runs from the previous answer or the start, never negative", () => {
    expect(secondsSpent(at(40), T0, undefined)).toBe(40);
    expect(secondsSpent(at(40), T0, at(25))).toBe(15);
    expect(secondsSpent(at(40), at(10), at(5))).toBe(30);
    expect(secondsSpent(at(1), at(10), undefined)).toBe(0);
  });
});

describe("drawing questions", () => {
  it("when drawing, then items are distinct, from the pool, and at most the pool size", () => {
    const pool = Array.from({ length: 20 }, (_, i) => i);
    for (let run = 0; run < 50; run++) {
      const picked = drawRandom(pool, 7);
      expect(new Set(picked).size).toBe(7);
      expect(picked.every((p) => pool.includes(p))).toBe(true);
    }
    expect(drawRandom([1, 2], 5).sort()).toEqual([1, 2]);
    expect(drawRandom([], 3)).toEqual([]);
  });

  it("when the random source is fixed, then the draw is the partial Fisher–Yates result", () => {
    expect(drawRandom(["a", "b", "c", "d"], 2, () => 0)).toEqual(["a", "b"]);
    expect(drawRandom(["a", "b", "c", "d"], 2, (max) => max - 1)).toEqual(["d", "a"]);
  });

  it("when every position is drawn many times, then each item lands first about equally often", () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[drawRandom([0, 1, 2, 3], 1)[0]!]!++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});

describe("round results", () => {
  it("when totals are computed, then verdicts are counted and the score summed out of the question count", () => {
    expect(
      totalsOf([
        { verdict: "correct", score: 1 },
        { verdict: "partial", score: 0.5 },
        { verdict: "unanswered", score: 0 },
        { verdict: "incorrect", score: 0.1 },
      ]),
    ).toEqual({
      questions: 4,
      correct: 1,
      partial: 1,
      incorrect: 1,
      unanswered: 1,
      score: 1.6,
      maxScore: 4,
      percent: 40,
    });
    expect(totalsOf([]).percent).toBe(0);
  });

  it("when a draft is empty, whitespace or an empty selection, then it counts as blank", () => {
    expect([null, "", "  \n", []].every(isBlank)).toBe(true);
    expect(isBlank("x")).toBe(false);
    expect(isBlank(["a"])).toBe(false);
  });
});
