import { describe, expect, it } from "vitest";
import {
  asChoiceOrder,
  inPresentedOrder,
  newChoiceOrder,
  shuffle,
  type RandomInt,
} from "../../../server/src/questions/choice-order.ts";
import type { VersionBody } from "../../../server/src/questions/present.ts";

/**
 * Replays one fixed sequence of draws. Fed every sequence in turn, it enumerates all the outcomes the shuffle can
 * produce with equal weight, which is what a uniform random source gives it.
 */
function scripted(draws: number[]): RandomInt {
  let next = 0;
  return (max) => {
    const value = draws[next++];
    if (value === undefined || value >= max) throw new Error(`unexpected draw ${next} below ${max}`);
    return value;
  };
}

/** Every sequence of draws a shuffle of `n` items makes: the i-th draw (from the end) below n, n − 1, …, 2. */
function allDrawSequences(n: number): number[][] {
  let sequences: number[][] = [[]];
  for (let max = n; max >= 2; max--)
    sequences = sequences.flatMap((s) => Array.from({ length: max }, (_, v) => [...s, v]));
  return sequences;
}

const choice = (id: string) => ({ id, text: `text of ${id}`, correct: id === "a", feedback: "because" });

describe("shuffling choices", () => {
  it("when every equally likely draw sequence is replayed, then each permutation comes out exactly once", () => {
    for (const n of [1, 2, 3, 4, 5]) {
      const items = Array.from({ length: n }, (_, i) => i);
      const seen = new Map<string, number>();
      for (const draws of allDrawSequences(n)) {
        const key = shuffle(items, scripted(draws)).join(",");
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      const factorial = items.reduce((product, i) => product * (i + 1), 1);
      expect(seen.size).toBe(factorial);
      expect([...seen.values()].every((count) => count === 1)).toBe(true);
    }
  });

  it("when the correct option is first in the file, then each option leads equally often over all draw sequences", () => {
    const leaders = new Map<string, number>();
    for (const draws of allDrawSequences(4)) {
      const first = shuffle(["right", "w1", "w2", "w3"], scripted(draws))[0]!;
      leaders.set(first, (leaders.get(first) ?? 0) + 1);
    }
    expect(Object.fromEntries(leaders)).toEqual({ right: 6, w1: 6, w2: 6, w3: 6 });
  });

  it("when shuffled with the real random source, then the result is a permutation and the input is untouched", () => {
    const items = ["a", "b", "c", "d", "e"];
    const out = shuffle(items);
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual(["a", "b", "c", "d", "e"]);
    expect(shuffle([])).toEqual([]);
  });

  it("when a choice question is presented, then its order lists every choice id once; free text has none", () => {
    const body = { type: "multi-choice", choices: ["a", "b", "c"].map(choice) } as unknown as VersionBody;
    expect(newChoiceOrder(body, scripted([0, 0]))).toEqual(["b", "c", "a"]);
    expect([...newChoiceOrder(body)!].sort()).toEqual(["a", "b", "c"]);
    expect(newChoiceOrder({ type: "free-text" } as unknown as VersionBody)).toBeNull();
  });
});

describe("presented order", () => {
  const choices = ["a", "b", "c", "d"].map(choice);
  const ids = (list: { id: string }[]) => list.map((c) => c.id);

  it("when an order is stored, then the choices follow it, whole objects and all", () => {
    const ordered = inPresentedOrder(choices, ["c", "a", "d", "b"]);
    expect(ids(ordered)).toEqual(["c", "a", "d", "b"]);
    expect(ordered[1]).toBe(choices[0]);
  });

  it("when there is no stored order, then file order", () => {
    expect(ids(inPresentedOrder(choices, null))).toEqual(["a", "b", "c", "d"]);
  });

  it("when the order misses a choice or names an unknown one, then no choice is lost or invented", () => {
    expect(ids(inPresentedOrder(choices, ["d", "zz", "b"]))).toEqual(["d", "b", "a", "c"]);
  });

  it("when a stored value is read back, then only a list of ids counts as an order", () => {
    expect(asChoiceOrder(["b", "a"])).toEqual(["b", "a"]);
    expect(asChoiceOrder(null)).toBeNull();
    expect(asChoiceOrder({ 0: "a" })).toBeNull();
    expect(asChoiceOrder(["a", 1])).toBeNull();
  });
});
