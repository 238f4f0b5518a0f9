import { ACCUMULATE_WASM } from "./accumulate-wasm.ts";

const compiled = new WebAssembly.Module(Buffer.from(ACCUMULATE_WASM, "base64"));

type Accumulate = (
  terms: number,
  weights: number,
  length: number,
  starts: number,
  exemplar: number,
  weight: number,
  sims: number,
) => void;

const PAGE = 65_536;
/** Room for this many of an answer's terms at first; a longer answer gets more. */
const FIRST_TERM_ROOM = 512;

/** An answer's vector: its term numbers, ascending, and their weights, each in its own array. */
export interface QueryVector {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

/** Where one question's postings sit in a kernel's memory (byte offsets), and how many exemplars they cover. */
export interface StoredPostings {
  starts: number;
  exemplar: number;
  weight: number;
  exemplars: number;
}

/**
 * The exemplar vote's dot products, run in WebAssembly (accumulate.wat) over postings copied into its memory once
 * per question. Each bank of exemplars has its own kernel, so the memory goes when the bank does; postings are
 * only ever added (each question is indexed once).
 */
export class SimilarityKernel {
  private readonly memory: WebAssembly.Memory;
  private readonly accumulate: Accumulate;
  /** Bytes of memory handed out, each piece starting on an 8-byte boundary. */
  private used = 0;
  /**
   * The scratch of one vote at a time (grading is single-threaded): the answer's terms and weights, and the
   * similarities, each regrown on its own when too small (the space given up stays with the bank; it happens a few
   * times in a bank's life).
   */
  private termRoom = 0;
  private simRoom = 0;
  private termsAt = 0;
  private weightsAt = 0;
  private simsAt = 0;
  private vector: QueryVector = { terms: new Int32Array(0), weights: new Float64Array(0) };
  private sims = new Float64Array(0);

  constructor() {
    const { exports } = new WebAssembly.Instance(compiled);
    this.memory = exports.memory as WebAssembly.Memory;
    this.accumulate = exports.accumulate as Accumulate;
  }

  /**
   * Copies a question's postings in: term t's run from `starts[t]` to `starts[t + 1]` of `exemplar` (exemplar
   * numbers, each below `exemplars`) and `weight` (the term's weight in each).
   */
  store(starts: Int32Array, exemplar: Int32Array, weight: Float64Array, exemplars: number): StoredPostings {
    const stored = {
      starts: this.allocate(starts.byteLength),
      exemplar: this.allocate(exemplar.byteLength),
      weight: this.allocate(weight.byteLength),
      exemplars,
    };
    const { buffer } = this.memory;
    new Int32Array(buffer, stored.starts, starts.length).set(starts);
    new Int32Array(buffer, stored.exemplar, exemplar.length).set(exemplar);
    new Float64Array(buffer, stored.weight, weight.length).set(weight);
    return stored;
  }

  /**
   * Room in the kernel's memory for an answer's vector of `length` terms: write it there, then ask for its
   * `similarities` before anything else uses the kernel.
   */
  query(length: number): QueryVector {
    if (length > this.termRoom) {
      this.termRoom = Math.max(FIRST_TERM_ROOM, 2 * this.termRoom, length);
      this.termsAt = this.allocate(4 * this.termRoom);
      this.weightsAt = this.allocate(8 * this.termRoom);
      this.viewScratch();
    }
    if (this.vector.terms.buffer !== this.memory.buffer) this.viewScratch();
    return this.vector;
  }

  /**
   * Each exemplar's dot product with the first `length` terms of the vector written into `query`, in the first
   * `postings.exemplars` places of a buffer that the next call overwrites and the next `store` may detach: read it
   * before either.
   */
  similarities(postings: StoredPostings, length: number): Float64Array {
    if (postings.exemplars > this.simRoom) {
      this.simRoom = Math.max(2 * this.simRoom, postings.exemplars);
      this.simsAt = this.allocate(8 * this.simRoom);
      this.viewScratch();
    }
    if (this.sims.buffer !== this.memory.buffer) this.viewScratch();
    this.sims.fill(0, 0, postings.exemplars);
    this.accumulate(
      this.termsAt,
      this.weightsAt,
      length,
      postings.starts,
      postings.exemplar,
      postings.weight,
      this.simsAt,
    );
    return this.sims;
  }

  /** Views of the scratch, made again whenever memory grows (growing detaches the old ones). */
  private viewScratch(): void {
    const { buffer } = this.memory;
    this.vector = {
      terms: new Int32Array(buffer, this.termsAt, this.termRoom),
      weights: new Float64Array(buffer, this.weightsAt, this.termRoom),
    };
    this.sims = new Float64Array(buffer, this.simsAt, this.simRoom);
  }

  private allocate(bytes: number): number {
    const at = this.used;
    this.used += Math.ceil(bytes / 8) * 8;
    const short = this.used - this.memory.buffer.byteLength;
    if (short > 0) this.memory.grow(Math.ceil(short / PAGE));
    return at;
  }
}
