import { describe, expect, it } from "vitest";
import { titleOf } from "../../../server/src/questions/present.ts";

describe("a question's title", () => {
  it("when the version has a title, then that is it", () => {
    expect(titleOf({ title: "Time against budget", prompt: "How long did it take?" })).toBe("Time against budget");
  });

  it("when a version stored before titles has none, then the prompt's start stands in, cut at a word", () => {
    expect(titleOf({ prompt: "How is a Kafka Streams application deployed?" })).toBe(
      "How is a Kafka Streams application deployed?",
    );
    const long = "Mobile apps buffer events while offline and send them minutes late. Why is Flink a strong fit?";
    expect(titleOf({ prompt: long })).toBe("Mobile apps buffer events while offline and send them…");
  });
});
