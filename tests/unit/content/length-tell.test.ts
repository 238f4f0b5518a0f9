import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/load.ts";
import { lengthTell } from "../../../server/src/content/length-tell.ts";
import { choiceQuestion, lineOf, makeBank, shown } from "./fixtures.ts";

const CLI = path.resolve(import.meta.dirname, "../../../server/src/cli/content-check.ts");
const option = (length: number, correct = false) => ({ text: "x".repeat(length), correct });

describe("the longest-option tell", () => {
  it("when the single correct option is 25 % longer than every wrong one, then it is the tell", () => {
    expect(lengthTell([option(40), option(50, true), option(10)])).toEqual({
      index: 1,
      correctLength: 50,
      longestWrongLength: 40,
    });
  });

  it("when the single correct option is just under 25 % longer, then there is no tell", () => {
    expect(lengthTell([option(49, true), option(40), option(12)])).toBeUndefined();
  });

  it("when the correct option is not the longest, then there is no tell", () => {
    expect(lengthTell([option(30, true), option(80)])).toBeUndefined();
  });

  it("when every correct option of a multi-choice clears the longest wrong one by 25 %, then the shortest correct one is named", () => {
    expect(lengthTell([option(90, true), option(63, true), option(50), option(20)])).toEqual({
      index: 1,
      correctLength: 63,
      longestWrongLength: 50,
    });
  });

  it("when one correct option of a multi-choice is no longer than the wrong ones, then length gives nothing away", () => {
    expect(lengthTell([option(90, true), option(30, true), option(50)])).toBeUndefined();
  });

  it("when lengths are measured, then surrounding whitespace does not count", () => {
    expect(lengthTell([{ text: `  ${"x".repeat(10)}   `, correct: true }, option(9)])).toBeUndefined();
  });

  it("when there is no wrong option to compare with, then there is no tell", () => {
    expect(lengthTell([option(90, true), option(10, true)])).toBeUndefined();
  });
});

describe("content:check warns about the tell", () => {
  const telling = `    - id: flink
      text: Apache Flink, which processes every event as soon as it arrives
      correct: true
      feedback: It processes each event on arrival.
    - id: spark-batch
      text: Spark batch
      feedback: It processes bounded datasets in full.
`;

  it("when a correct option is markedly the longest, then the bank still loads with a warning at that option's text", () => {
    const text = choiceQuestion("flink-latency", "flink", telling);
    const dir = makeBank({ "questions/flink.yaml": text });
    const bank = loadContent(dir);
    expect(bank.warnings).toEqual([
      {
        file: shown(dir, "questions/flink.yaml"),
        line: lineOf(text, "text: Apache Flink"),
        item: "flink-latency",
        field: "choices.0.text",
        message: expect.stringContaining(
          "the correct option is 473 % longer than the longest wrong one (63 vs 11 characters)",
        ),
      },
    ]);
  });

  it("when content:check meets the tell, then it prints the warning to stderr and still exits 0", () => {
    const text = choiceQuestion("flink-latency", "flink", telling);
    const dir = makeBank({ "questions/flink.yaml": text });
    const result = spawnSync(process.execPath, ["--import", "tsx", CLI, "--dir", dir, "--json"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty("questions");
    expect(result.stderr).toContain(
      `warning: ${shown(dir, "questions/flink.yaml")}:${lineOf(text, "text: Apache Flink")} flink-latency › choices.0.text: the correct option is`,
    );
    expect(result.stderr).toContain("1 content warning\n");
  });

  it("when no option stands out by length, then there are no warnings", () => {
    expect(loadContent(makeBank({ "questions/flink.yaml": choiceQuestion("flink-latency") })).warnings).toEqual([]);
  });
});
