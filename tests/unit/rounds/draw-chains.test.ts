import { describe, expect, it } from "vitest";
import { drawWithChains } from "../../../server/src/rounds/draw.ts";

const chains: Record<string, string[]> = { a: ["a1", "a2"], b: [], c: ["c1"], d: [] };
const below = (p: string) => chains[p] ?? [];
/** Always picks the first remaining item, so the parents come in the order given. */
const inOrder = () => 0;

function assertChainsIntact(drawn: string[]) {
  for (const [i, slug] of drawn.entries()) {
    const parent = Object.keys(chains).find((p) => chains[p]!.includes(slug));
    if (!parent) continue;
    const chain = [parent, ...chains[parent]!];
    const start = drawn.indexOf(parent);
    expect(start, `${slug} without its parent`).toBeGreaterThanOrEqual(0);
    expect(drawn.slice(start, start + chain.indexOf(slug) + 1)).toEqual(chain.slice(0, chain.indexOf(slug) + 1));
    expect(i).toBeGreaterThan(start);
  }
}

describe("drawing a round with follow-up chains", () => {
  it("when a parent is drawn, then its follow-ups take the positions right after it and count toward the total", () => {
    expect(drawWithChains(["a", "b", "c", "d"], below, 6, inOrder)).toEqual(["a", "a1", "a2", "b", "c", "c1"]);
  });

  it("when a whole chain does not fit in what is left, then another parent that fits is drawn instead", () => {
    expect(drawWithChains(["a", "c", "b", "d"], below, 4, inOrder)).toEqual(["a", "a1", "a2", "b"]);
  });

  it("when no whole chain fits any more, then a parent comes with as many of its follow-ups as fit", () => {
    expect(drawWithChains(["a", "c"], below, 2, inOrder)).toEqual(["c", "c1"]);
    expect(drawWithChains(["a", "c"], below, 4, inOrder)).toEqual(["a", "a1", "a2", "c"]);
    expect(drawWithChains(["a"], below, 2, inOrder)).toEqual(["a", "a1"]);
  });

  it("when the pool is smaller than the count, then everything is drawn once", () => {
    const drawn = drawWithChains(["a", "b", "c", "d"], below, 30, inOrder);
    expect([...drawn].sort()).toEqual(["a", "a1", "a2", "b", "c", "c1", "d"]);
  });

  it("when drawn at random many times, then the count is exact, nothing repeats and no follow-up is separated from its chain", () => {
    for (let run = 0; run < 300; run++) {
      const count = 1 + (run % 7);
      const drawn = drawWithChains(["a", "b", "c", "d"], below, count);
      expect(drawn).toHaveLength(count);
      expect(new Set(drawn).size).toBe(count);
      assertChainsIntact(drawn);
    }
  });

  it("when drawn at random, then a parent with a chain is still drawn first some of the time", () => {
    const firsts = new Set(Array.from({ length: 200 }, () => drawWithChains(["a", "b", "c", "d"], below, 7)[0]));
    expect(firsts).toEqual(new Set(["a", "b", "c", "d"]));
  });
});
