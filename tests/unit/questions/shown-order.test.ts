import { describe, expect, it } from "vitest";
import { AppError } from "../../../server/src/http/app-error.ts";
import type { VersionBody } from "../../../server/src/questions/present.ts";
import { checkShownOrder, shownOrderProblem } from "../../../server/src/questions/shown-order.ts";

const choice = (id: string) => ({ id, text: `text of ${id}`, correct: id === "a", feedback: "because" });
const single = { type: "single-choice", choices: ["a", "b", "c"].map(choice) } as unknown as VersionBody;
const freeText = { type: "free-text" } as unknown as VersionBody;

describe("a shown order", () => {
  it("when it lists every choice once in any order, then there is no problem", () => {
    for (const order of [
      ["a", "b", "c"],
      ["c", "a", "b"],
      ["b", "c", "a"],
    ])
      expect(shownOrderProblem(single, order)).toBeNull();
  });

  it("when it repeats a choice, then the repeated id is named", () => {
    expect(shownOrderProblem(single, ["a", "b", "c", "b"])).toBe("choice ids must not repeat: b");
  });

  it("when it names a choice the question lacks, then the unknown id is named", () => {
    expect(shownOrderProblem(single, ["a", "b", "z"])).toBe("unknown choice id(s): z");
  });

  it("when it leaves a choice out, then the missing id is named", () => {
    expect(shownOrderProblem(single, ["c", "a"])).toBe("every choice must be listed once; missing: b");
  });

  it("when the question is free text, then any order is a problem", () => {
    expect(shownOrderProblem(freeText, ["a"])).toMatch(/free-text question has no choices/);
  });

  it("when checked, then a bad order throws a validation error on choiceOrder and an absent one passes", () => {
    expect(() => checkShownOrder(single, undefined)).not.toThrow();
    expect(() => checkShownOrder(freeText, undefined)).not.toThrow();
    expect(() => checkShownOrder(single, ["b", "a", "c"])).not.toThrow();
    try {
      checkShownOrder(single, ["a"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).details).toEqual([
        { path: "choiceOrder", message: "every choice must be listed once; missing: b, c" },
      ]);
    }
  });
});
