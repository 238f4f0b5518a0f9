import { describe, expect, it } from "vitest";
import { highlightSegments } from "../../client/src/components/grading/highlight";
import { flagNote } from "../../client/src/components/grading/flag-notes";

const marked = (text: string, evidence: { concept: string; evidence: string }[]) =>
  highlightSegments(text, evidence)
    .map((s) => (s.concept ? `[${s.text}]` : s.text))
    .join("");

describe("evidence highlighting", () => {
  it("when evidence occurs verbatim, then it is marked where it is and the rest is kept", () => {
    expect(marked("Use checkpoints and state.", [{ concept: "c", evidence: "checkpoints" }])).toBe(
      "Use [checkpoints] and state.",
    );
  });

  it("when the case differs, then nothing is marked", () => {
    expect(marked("use flink", [{ concept: "c", evidence: "Flink" }])).toBe("use flink");
  });

  it("when two concepts cite the same phrase, then its first two occurrences are marked", () => {
    const evidence = [
      { concept: "a", evidence: "state" },
      { concept: "b", evidence: "state" },
    ];
    expect(marked("state here, state there, state", evidence)).toBe("[state] here, [state] there, state");
  });

  it("when evidence overlaps a passage already marked, then the overlap isn't marked twice", () => {
    const evidence = [
      { concept: "a", evidence: "exactly-once state" },
      { concept: "b", evidence: "state" },
    ];
    expect(marked("exactly-once state", evidence)).toBe("[exactly-once state]");
  });

  it("when pieces are given out of order, then they come back in text order", () => {
    const evidence = [
      { concept: "late", evidence: "barriers" },
      { concept: "early", evidence: "Flink" },
    ];
    expect(highlightSegments("Flink uses barriers", evidence).map((s) => s.concept ?? "-")).toEqual([
      "early",
      "-",
      "late",
    ]);
  });
});

describe("flag notes", () => {
  it("when a flag is known, then it reads as plain words; bookkeeping flags have none", () => {
    expect(flagNote("no-commitment")).toBe("Commit to one choice");
    expect(flagNote("several-choices")).toBe("Commit to one choice");
    expect(flagNote("wrong-choice")).toBe("That is not the framework this scenario calls for");
    expect(flagNote("misconception:flink-is-batch")).toBe("Contains a misconception");
    expect(flagNote("hedged")).toBeUndefined();
    expect(flagNote("something-new")).toBeUndefined();
  });
});
