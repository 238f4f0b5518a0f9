import { describe, expect, it } from "vitest";
import { stem } from "../../../server/src/grading/stem.ts";

describe("stem", () => {
  it("when words differ only by inflection, then they share a stem", () => {
    expect(stem("streaming")).toBe(stem("streams"));
    expect(stem("batches")).toBe(stem("batch"));
    expect(stem("latencies")).toBe(stem("latency"));
  });

  it("when a comparative is given, then it stems like its base", () => {
    expect(stem("cheaper")).toBe(stem("cheap"));
    expect(stem("simpler")).toBe(stem("simple"));
    expect(stem("easiest")).toBe(stem("easy"));
  });

  it("when 'bounded' and 'unbounded' are stemmed, then they stay apart", () => {
    expect(stem("bounded")).not.toBe(stem("unbounded"));
  });

  it("when the same word is stemmed twice, then the answer is the same", () => {
    expect(stem("processing")).toBe(stem("processing"));
  });
});
