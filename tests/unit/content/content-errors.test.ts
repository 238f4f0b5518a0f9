import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, loadContent } from "../../../server/src/content/load.ts";
import {
  REAL_CONTENT,
  choiceQuestion,
  defaultChoices,
  expectIssue,
  flashcard,
  freeTextQuestion,
  issuesOf,
  lineOf,
  makeBank,
  shown,
} from "./fixtures.ts";

describe("content files", () => {
  it("when a required catalogue file is missing, then the issue names that file", () => {
    const dir = makeBank({ "vocabulary.yaml": null, "concepts.yaml": null });
    expectIssue(dir, { file: shown(dir, "vocabulary.yaml"), message: "required file is missing" });
    expectIssue(dir, { file: shown(dir, "concepts.yaml"), message: "required file is missing" });
  });

  it("when a section's question file is missing, then the issue names the expected file", () => {
    const dir = makeBank({ "questions/kafka-streams.yaml": null });
    expectIssue(dir, { file: shown(dir, "questions/kafka-streams.yaml"), message: "required file is missing" });
  });

  it("when the flashcards folder is missing, then the issue names the folder", () => {
    const dir = makeBank({ flashcards: null });
    expectIssue(dir, { file: `${shown(dir, "flashcards")}/`, message: "required folder is missing" });
  });

  it("when a calibration line is not JSON, lacks a label or names no free-text question, then the issue names file and line", () => {
    const dir = makeBank({
      "calibration/x.jsonl":
        '{not json\n\n{"question":"nope","answer":"a","label":"correct"}\n{"question":"nope","answer":"a"}\n',
    });
    const file = shown(dir, "calibration/x.jsonl");
    expectIssue(dir, { file, line: 1, message: "invalid JSON" });
    expectIssue(dir, { file, line: 3, message: '"nope" is not a free-text question of the bank' });
    expectIssue(dir, { file, line: 4, message: "label: label must be correct, partial or incorrect" });
  });

  it("when a question file is named after no section, then the issue names the file", () => {
    const dir = makeBank({ "questions/misc.yaml": "[]\n" });
    expectIssue(dir, { file: shown(dir, "questions/misc.yaml"), message: "file name is not a section" });
  });

  it("when a question file is not a YAML list, then the issue names the file and line", () => {
    const dir = makeBank({ "questions/flink.yaml": "slug: flink-latency\n" });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: 1,
      message: "must be a YAML list of questions",
    });
  });
});

describe("YAML syntax", () => {
  it("when a value contains an unquoted colon, then the issue names file, line, item and field", () => {
    const text = choiceQuestion("flink-latency").replace(
      "It processes each event on arrival.",
      "Right: it processes each event on arrival.",
    );
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "Right: it"),
      item: "flink-latency",
      field: "choices.0.feedback",
      message: "YAML syntax error",
    });
  });

  it("when a key is repeated, then the issue points at the repeated key", () => {
    const text = choiceQuestion("flink-latency").replace(
      "  difficulty: easy\n",
      "  difficulty: easy\n  difficulty: hard\n",
    );
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "difficulty: hard"),
      item: "flink-latency",
      field: "difficulty",
      message: "unique",
    });
  });

  it("when concepts.yaml has a syntax error inside a concept, then the issue names that concept and field", () => {
    const concepts = readFileSync(path.join(REAL_CONTENT, "concepts.yaml"), "utf8");
    const broken = concepts.replace("    label: The input is bounded\n", "    label: Bounded: the input ends\n");
    const dir = makeBank({ "concepts.yaml": broken });
    expectIssue(dir, {
      file: shown(dir, "concepts.yaml"),
      line: lineOf(broken, "label: Bounded: the input ends"),
      item: "bounded-dataset",
      field: "label",
      message: "YAML syntax error",
    });
  });
});

describe("schema validation", () => {
  it("when a field is too short, then the issue carries zod's message, the field path and the field's line", () => {
    const text = choiceQuestion("flink-latency").replace(
      "feedback: It processes bounded datasets in full.",
      "feedback: no",
    );
    const dir = makeBank({ "questions/flink.yaml": text });
    const issue = {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "feedback: no"),
      item: "flink-latency",
      field: "choices.1.feedback",
      message: "must be at least 3 characters",
    };
    expectIssue(dir, issue);
    expect(formatIssue(issue)).toBe(
      `${issue.file}:${issue.line} flink-latency › choices.1.feedback: must be at least 3 characters`,
    );
  });

  it("when a required field is missing, then the issue says it is required at the item's line", () => {
    const text = choiceQuestion("flink-latency").replace("  source: Framework Profiles › Apache Flink\n", "");
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: 1,
      item: "flink-latency",
      field: "source",
      message: "is required",
    });
  });

  it("when an item has an unknown field, then the issue names that field on its line", () => {
    const text = choiceQuestion("flink-latency").replace("  difficulty: easy\n", "  difficulty: easy\n  level: 3\n");
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "level: 3"),
      item: "flink-latency",
      field: "level",
      message: "is not a known field",
    });
  });

  it("when an item names an unknown section, then the issue lists the valid sections", () => {
    const text = choiceQuestion("flink-latency", "streaming-stuff");
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "section:"),
      item: "flink-latency",
      field: "section",
      message: "must be one of: spark-batch",
    });
  });

  it("when an item has no slug, then the issue names it by position", () => {
    const text = `${choiceQuestion("flink-a")}${choiceQuestion("flink-b").replace("- slug: flink-b\n  section", "- section")}`;
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "- section"),
      item: "#2",
      field: "slug",
      message: "is required",
    });
  });

  it("when a concept in concepts.yaml is invalid, then the issue names that concept and field", () => {
    const concepts = readFileSync(path.join(REAL_CONTENT, "concepts.yaml"), "utf8");
    const broken = concepts.replace("    label: The input is bounded\n", "    label: X\n");
    const dir = makeBank({ "concepts.yaml": broken });
    expectIssue(dir, {
      file: shown(dir, "concepts.yaml"),
      line: lineOf(broken, "label: X"),
      item: "bounded-dataset",
      field: "label",
      message: "must be at least 3 characters",
    });
  });
});

describe("cross-checks", () => {
  it("when two questions in different files share a slug, then the second is reported with where the first is", () => {
    const flink = choiceQuestion("shared-slug");
    const dir = makeBank({
      "questions/flink.yaml": flink,
      "questions/spark-batch.yaml": choiceQuestion("shared-slug", "spark-batch"),
    });
    // Files are read in section order, so spark-batch.yaml comes before flink.yaml.
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: 1,
      item: "shared-slug",
      field: "slug",
      message: `duplicate slug, first defined at ${shown(dir, "questions/spark-batch.yaml")}:1`,
    });
  });

  it("when two flashcards share a slug, then it is reported, while a question may share a flashcard's slug", () => {
    const cards = `${flashcard("fc-flink")}${flashcard("fc-flink")}`;
    const dir = makeBank({ "flashcards/flink.yaml": cards, "questions/flink.yaml": choiceQuestion("fc-flink") });
    const issues = issuesOf(dir);
    expect(issues).toEqual([
      {
        file: shown(dir, "flashcards/flink.yaml"),
        line: lineOf(cards, "- slug", 2),
        item: "fc-flink",
        field: "slug",
        message: expect.stringContaining("duplicate slug"),
      },
    ]);
  });

  it("when a question sits in another section's file, then its section field is reported", () => {
    const text = choiceQuestion("flink-latency", "kafka-streams");
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "section:"),
      item: "flink-latency",
      field: "section",
      message: 'is "kafka-streams" but this file holds section "flink"',
    });
  });

  it("when a flashcard sits in another section's file, then its section field is reported", () => {
    const dir = makeBank({ "flashcards/flink.yaml": flashcard("fc-flink", "faq") });
    expectIssue(dir, {
      file: shown(dir, "flashcards/flink.yaml"),
      line: 2,
      item: "fc-flink",
      field: "section",
      message: 'this file holds section "flink"',
    });
  });

  it("when a single-choice question has two correct choices, then the choices field is reported", () => {
    const text = choiceQuestion(
      "flink-latency",
      "flink",
      defaultChoices.replace("      text: Spark batch\n", "      text: Spark batch\n      correct: true\n"),
    );
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "choices:"),
      item: "flink-latency",
      field: "choices",
      message: "needs exactly one correct choice, found 2",
    });
  });

  it("when a single-choice question has no correct choice, then the choices field is reported", () => {
    const text = choiceQuestion("flink-latency", "flink", defaultChoices.replace("      correct: true\n", ""));
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "choices:"),
      item: "flink-latency",
      field: "choices",
      message: "found 0",
    });
  });

  it("when a multi-choice question has no correct choice, then the choices field is reported", () => {
    const text = choiceQuestion("flink-latency", "flink", defaultChoices.replace("      correct: true\n", "")).replace(
      "type: single-choice",
      "type: multi-choice",
    );
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "choices:"),
      item: "flink-latency",
      field: "choices",
      message: "needs at least one correct choice",
    });
  });

  it("when two choices share an id, then the second id is reported", () => {
    const text = choiceQuestion(
      "flink-latency",
      "flink",
      defaultChoices.replace("    - id: spark-batch", "    - id: flink"),
    );
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "- id: flink", 2),
      item: "flink-latency",
      field: "choices.1.id",
      message: 'duplicate choice id "flink"',
    });
  });

  it("when a choice maps to an option that is not in vocabulary.yaml, then the choice's option is reported", () => {
    const text = choiceQuestion(
      "flink-latency",
      "flink",
      defaultChoices.replace("      text: Apache Flink\n", "      text: Apache Flink\n      option: storm\n"),
    );
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "option: storm"),
      item: "flink-latency",
      field: "choices.0.option",
      message: 'references unknown option "storm"',
    });
  });

  it("when a choice maps to a paradigm, then it is reported: the decision matrix counts frameworks and architectures", () => {
    const text = choiceQuestion(
      "flink-latency",
      "flink",
      defaultChoices.replace("      text: Apache Flink\n", "      text: Apache Flink\n      option: streaming\n"),
    );
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "option: streaming"),
      item: "flink-latency",
      field: "choices.0.option",
      message: '"streaming" is a paradigm',
    });
  });

  it("when only wrong choices map to options, then the choices field is reported", () => {
    const text = choiceQuestion(
      "flink-latency",
      "flink",
      defaultChoices.replace("      text: Spark batch\n", "      text: Spark batch\n      option: spark-batch\n"),
    );
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "choices:"),
      item: "flink-latency",
      field: "choices",
      message: "no correct choice has one",
    });
  });

  it("when a rubric references a concept that is not in concepts.yaml, then the concept reference is reported", () => {
    const text = freeTextQuestion(
      "fraud",
      "    concepts:\n      - concept: sub-second-latency\n      - concept: telepathy\n",
    );
    const dir = makeBank({ "questions/scenarios.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/scenarios.yaml"),
      line: lineOf(text, "concept: telepathy"),
      item: "fraud",
      field: "rubric.concepts.1.concept",
      message: 'references unknown concept "telepathy"',
    });
  });

  it("when a rubric expects an option that is not in vocabulary.yaml, then the option reference is reported", () => {
    const text = freeTextQuestion(
      "fraud",
      "    choice:\n      expected: [flink, storm]\n    concepts:\n      - concept: sub-second-latency\n",
    );
    const dir = makeBank({ "questions/scenarios.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/scenarios.yaml"),
      line: lineOf(text, "expected: [flink, storm]"),
      item: "fraud",
      field: "rubric.choice.expected.1",
      message: 'references unknown option "storm"',
    });
  });

  it("when an option is both expected and an alternative, then the alternative is reported", () => {
    const text = freeTextQuestion(
      "fraud",
      "    choice:\n      expected: [flink]\n      alternatives:\n        - spark-batch\n        - flink\n    concepts:\n      - concept: sub-second-latency\n",
    );
    const dir = makeBank({ "questions/scenarios.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/scenarios.yaml"),
      line: lineOf(text, "        - flink"),
      item: "fraud",
      field: "rubric.choice.alternatives.1",
      message: 'option "flink" is both expected and an alternative',
    });
  });

  it("when two concepts in concepts.yaml share an id, then the second is reported", () => {
    const concepts = readFileSync(path.join(REAL_CONTENT, "concepts.yaml"), "utf8");
    const broken = concepts.replace("  - id: latency-tolerance-hours\n", "  - id: bounded-dataset\n");
    const dir = makeBank({ "concepts.yaml": broken });
    expectIssue(dir, {
      file: shown(dir, "concepts.yaml"),
      line: lineOf(broken, "- id: bounded-dataset", 2),
      item: "bounded-dataset",
      field: "id",
      message: "duplicates concept id",
    });
  });

  it("when one alias names two options, then the second use is reported", () => {
    const vocabulary = readFileSync(path.join(REAL_CONTENT, "vocabulary.yaml"), "utf8");
    const broken = vocabulary.replace("      - pyflink\n", "      - pyflink\n      - pyspark\n");
    const dir = makeBank({ "vocabulary.yaml": broken });
    expectIssue(dir, {
      file: shown(dir, "vocabulary.yaml"),
      line: lineOf(broken, "- pyspark", 2),
      item: "flink",
      field: "aliases.4",
      message: "alias is already used",
    });
  });

  it("when a bank has several problems, then every one is reported in a single error", () => {
    const dir = makeBank({
      "questions/flink.yaml": choiceQuestion(
        "flink-latency",
        "flink",
        defaultChoices.replace("      correct: true\n", ""),
      ),
      "questions/scenarios.yaml": freeTextQuestion("fraud", "    concepts:\n      - concept: telepathy\n"),
      "flashcards/faq.yaml": flashcard("fc-faq", "flink"),
    });
    expect(issuesOf(dir).map((issue) => issue.item)).toEqual(["flink-latency", "fraud", "fc-faq"]);
  });
});

describe("formatIssue", () => {
  it("when an issue has no line, item or field, then only the file and message are shown", () => {
    expect(formatIssue({ file: "content/concepts.yaml", message: "required file is missing" })).toBe(
      "content/concepts.yaml: required file is missing",
    );
  });
});

describe("follow-ups", () => {
  const followUp = (slug: string, parent: string) =>
    choiceQuestion(slug).replace("  difficulty: easy\n", `  difficulty: easy\n  followUpOf: ${parent}\n`);

  it("when a follow-up names a question that does not exist, then the issue points at its followUpOf", () => {
    const text = `${choiceQuestion("flink-latency")}${followUp("flink-latency-next", "flink-nowhere")}`;
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      line: lineOf(text, "followUpOf: flink-nowhere"),
      item: "flink-latency-next",
      field: "followUpOf",
      message: 'follows up unknown question "flink-nowhere"',
    });
  });

  it("when follow-ups point at each other, then the loop is reported", () => {
    const text = `${followUp("flink-a", "flink-b")}${followUp("flink-b", "flink-a")}`;
    const dir = makeBank({ "questions/flink.yaml": text });
    expectIssue(dir, {
      file: shown(dir, "questions/flink.yaml"),
      item: "flink-a",
      field: "followUpOf",
      message: "loops back",
    });
  });

  it("when a chain is deeper than three follow-ups, then the deepest one is reported", () => {
    const text = [
      choiceQuestion("flink-q0"),
      followUp("flink-q1", "flink-q0"),
      followUp("flink-q2", "flink-q1"),
      followUp("flink-q3", "flink-q2"),
      followUp("flink-q4", "flink-q3"),
    ].join("");
    const dir = makeBank({ "questions/flink.yaml": text });
    expect(issuesOf(dir)).toEqual([
      expect.objectContaining({ item: "flink-q4", message: expect.stringContaining("4 follow-ups deep") }),
    ]);
  });

  it("when a follow-up chain is well formed, then the bank loads", () => {
    const text = [choiceQuestion("flink-q0"), followUp("flink-q1", "flink-q0"), followUp("flink-q2", "flink-q1")].join(
      "",
    );
    const bank = loadContent(makeBank({ "questions/flink.yaml": text }));
    expect(bank.questions.map((q) => [q.slug, q.followUpOf])).toEqual([
      ["flink-q0", undefined],
      ["flink-q1", "flink-q0"],
      ["flink-q2", "flink-q1"],
    ]);
  });
});
