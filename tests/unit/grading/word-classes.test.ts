import { describe, expect, it } from "vitest";
import { Lexer } from "../../../server/src/grading/lexer.ts";
import { classesOf, wordClass } from "../../../server/src/grading/word-classes.ts";
import { FUNCTION_WORD, PHRASE_STOPWORD } from "../../../server/src/grading/words.ts";

describe("word classes", () => {
  it("when a class is registered, then it gets a bit of its own and words of its set carry it", () => {
    const colours = wordClass(new Set(["red", "blue"]));
    expect(colours & FUNCTION_WORD).toBe(0);
    expect(colours & PHRASE_STOPWORD).toBe(0);
    expect(classesOf("red") & colours).toBe(colours);
    expect(classesOf("green") & colours).toBe(0);
  });

  it("when a word belongs to several classes, then it carries all their bits", () => {
    expect(classesOf("the") & (FUNCTION_WORD | PHRASE_STOPWORD)).toBe(FUNCTION_WORD | PHRASE_STOPWORD);
    expect(classesOf("we") & PHRASE_STOPWORD).toBe(0);
    expect(classesOf("we") & FUNCTION_WORD).toBe(FUNCTION_WORD);
  });

  it("when a class is registered after a lexer has read a word, then the word read again carries the new bit", () => {
    const lexer = new Lexer({ phrases: ["late data"], known: [] });
    expect(lexer.lex("tardy data", false)[0]!.classes).toBe(classesOf("tardy"));
    const late = wordClass(new Set(["tardy"]));
    expect(lexer.lex("tardy data", false)[0]!.classes & late).toBe(late);
  });

  it("when a token is a unit after a number, then its bits are the unit's", () => {
    const lexer = new Lexer({ phrases: ["30 seconds"], known: [] });
    const [, unit] = lexer.lex("30 s", false);
    expect(unit!.word).toBe("second");
    expect(unit!.classes).toBe(classesOf("second"));
  });
});
