import { describe, expect, it } from "vitest";
import { cell, cohensKappa, confusionMatrix, observedAgreement } from "../../../server/src/grading/agreement.ts";

const LABELS = ["correct", "partial", "incorrect"] as const;
type L = (typeof LABELS)[number];
const pairs = (...list: [L, L][]) => confusionMatrix(LABELS, list);

describe("confusionMatrix", () => {
  it("when pairs are counted, then rows are the reference label and columns the other rater", () => {
    const c = pairs(["correct", "partial"], ["correct", "partial"], ["incorrect", "correct"]);
    expect(c.matrix).toEqual([
      [0, 2, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
    expect(c.total).toBe(3);
    expect(cell(c, "incorrect", "correct")).toBe(1);
  });

  it("when a label is outside the label set, then it throws", () => {
    expect(() => confusionMatrix(LABELS, [["correct", "maybe" as L]])).toThrow(RangeError);
  });
});

describe("observedAgreement and cohensKappa", () => {
  it("when the raters always agree over several labels, then agreement and kappa are 1", () => {
    const c = pairs(["correct", "correct"], ["partial", "partial"], ["incorrect", "incorrect"]);
    expect(observedAgreement(c)).toBe(1);
    expect(cohensKappa(c)).toBe(1);
  });

  it("when agreement equals what chance predicts, then kappa is 0", () => {
    const c = pairs(
      ["correct", "correct"],
      ["correct", "incorrect"],
      ["incorrect", "correct"],
      ["incorrect", "incorrect"],
    );
    expect(observedAgreement(c)).toBe(0.5);
    expect(cohensKappa(c)).toBeCloseTo(0);
  });

  it("when computed on a textbook table, then kappa matches the hand calculation", () => {
    // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, kappa = 0.4.
    const list: [L, L][] = [
      ...Array.from({ length: 20 }, (): [L, L] => ["correct", "correct"]),
      ...Array.from({ length: 5 }, (): [L, L] => ["correct", "incorrect"]),
      ...Array.from({ length: 10 }, (): [L, L] => ["incorrect", "correct"]),
      ...Array.from({ length: 15 }, (): [L, L] => ["incorrect", "incorrect"]),
    ];
    expect(cohensKappa(confusionMatrix(LABELS, list))).toBeCloseTo(0.4);
  });

  it("when both raters use a single label, then kappa is 1 if they agree", () => {
    expect(cohensKappa(pairs(["partial", "partial"], ["partial", "partial"]))).toBe(1);
  });

  it("when there are no items, then agreement and kappa are 0", () => {
    const c = pairs();
    expect(observedAgreement(c)).toBe(0);
    expect(cohensKappa(c)).toBe(0);
  });
});
