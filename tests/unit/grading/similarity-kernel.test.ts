import { describe, expect, it } from "vitest";
import { ACCUMULATE_WASM } from "../../../server/src/grading/similarity/accumulate-wasm.ts";
import { SimilarityKernel, type StoredPostings } from "../../../server/src/grading/similarity/kernel.ts";
import { compiledWat } from "../../tools/build-wasm.ts";

/** A question's postings: `exemplars` exemplars over `terms` terms, each term held by a random few. */
function postings(seed: number, exemplars: number, terms: number) {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const lists = Array.from({ length: terms }, () => {
    const held = new Set<number>();
    const df = 1 + Math.floor(exemplars * random() ** 2);
    while (held.size < df) held.add(Math.floor(random() * exemplars));
    return [...held].sort((a, b) => a - b);
  });
  const starts = new Int32Array(terms + 1);
  lists.forEach((list, t) => (starts[t + 1] = starts[t]! + list.length));
  const exemplar = Int32Array.from(lists.flat());
  const weight = Float64Array.from(exemplar, () => random());
  const query = (length: number) => {
    const picked = new Set<number>();
    while (picked.size < Math.min(length, terms)) picked.add(Math.floor(random() * terms));
    const ids = Int32Array.from([...picked].sort((a, b) => a - b));
    return { ids, weights: Float64Array.from(ids, () => random()) };
  };
  return { starts, exemplar, weight, exemplars, query };
}

/** The TypeScript loop the kernel replaced: the reference, to the bit. */
function reference(p: ReturnType<typeof postings>, ids: Int32Array, weights: Float64Array): Float64Array {
  const sims = new Float64Array(p.exemplars);
  ids.forEach((term, q) => {
    for (let k = p.starts[term]!; k < p.starts[term + 1]!; k++) sims[p.exemplar[k]!]! += weights[q]! * p.weight[k]!;
  });
  return sims;
}

/** Writes the vector where the kernel reads it, then asks for the similarities of its first `length` terms. */
function similarities(
  kernel: SimilarityKernel,
  stored: StoredPostings,
  ids: Int32Array,
  weights: Float64Array,
  length: number,
): Float64Array {
  const room = kernel.query(ids.length);
  room.terms.set(ids);
  room.weights.set(weights);
  return kernel.similarities(stored, length);
}

describe("similarity kernel", () => {
  it("when the embedded module is compared with accumulate.wat compiled again, then they are the same bytes", async () => {
    expect(Buffer.from(ACCUMULATE_WASM, "base64")).toEqual(Buffer.from(await compiledWat()));
  });

  it("when questions are stored one after another, then each one's similarities are the TypeScript loop's to the bit", () => {
    const kernel = new SimilarityKernel();
    // Sizes past the first scratch and past many memory pages, stored between votes so old views go stale.
    const questions = [postings(1, 30, 200), postings(2, 450, 3_000), postings(3, 20, 50), postings(4, 900, 9_000)];
    const stored = questions.map((q) => kernel.store(q.starts, q.exemplar, q.weight, q.exemplars));
    for (let round = 0; round < 40; round++) {
      const i = round % questions.length;
      const q = questions[i]!;
      const { ids, weights } = q.query(1 + ((round * 37) % 700));
      const sims = similarities(kernel, stored[i]!, ids, weights, ids.length);
      expect(Array.from(sims.subarray(0, q.exemplars))).toEqual(Array.from(reference(q, ids, weights)));
      if (round === 10) {
        const late = postings(5, 60, 40_000);
        expect(kernel.store(late.starts, late.exemplar, late.weight, late.exemplars).exemplars).toBe(60);
      }
    }
  });

  it("when only some of a vector's terms are asked for, then the rest are left out", () => {
    const kernel = new SimilarityKernel();
    const q = postings(6, 40, 100);
    const stored = kernel.store(q.starts, q.exemplar, q.weight, q.exemplars);
    const { ids, weights } = q.query(50);
    const sims = Array.from(similarities(kernel, stored, ids, weights, 10).subarray(0, 40));
    expect(sims).toEqual(Array.from(reference(q, ids.subarray(0, 10), weights.subarray(0, 10))));
  });

  it("when a long answer follows short ones on the same question, then its terms get room and its sums are exact", () => {
    const kernel = new SimilarityKernel();
    const q = postings(8, 30, 5_000);
    const stored = kernel.store(q.starts, q.exemplar, q.weight, q.exemplars);
    for (const length of [5, 3_000, 40, 4_500]) {
      const { ids, weights } = q.query(length);
      const sims = similarities(kernel, stored, ids, weights, ids.length);
      expect(Array.from(sims.subarray(0, q.exemplars))).toEqual(Array.from(reference(q, ids, weights)));
    }
  });

  it("when a vote has no terms, then every similarity is zero, whatever the vote before it left", () => {
    const kernel = new SimilarityKernel();
    const q = postings(7, 25, 80);
    const stored = kernel.store(q.starts, q.exemplar, q.weight, q.exemplars);
    const { ids, weights } = q.query(30);
    similarities(kernel, stored, ids, weights, ids.length);
    expect(Array.from(similarities(kernel, stored, ids, weights, 0).subarray(0, 25))).toEqual(new Array(25).fill(0));
  });
});
