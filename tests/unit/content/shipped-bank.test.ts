import { describe, expect, it } from "vitest";
import { loadContent, type BankQuestion } from "../../../server/src/content/load.ts";
import { SECTIONS } from "../../../server/src/content/schema.ts";
import { REAL_CONTENT } from "./fixtures.ts";

const bank = loadContent(REAL_CONTENT);
const bySlug = new Map(bank.questions.map((question) => [question.slug, question]));

function freeText(slug: string): Extract<BankQuestion, { type: "free-text" }> {
  const question = bySlug.get(slug);
  if (question?.type !== "free-text") throw new Error(`${slug} is not a free-text question in the bank`);
  return question;
}

/** The slugs, prompts and expected commitments other parts of the app (calibration answers) rely on. */
const REQUIRED_FREE_TEXT: { slug: string; section: string; prompt: string; expected?: string[] }[] = [
  {
    slug: "scenario-daily-warehouse-refresh",
    section: "scenarios",
    prompt:
      "Every night you must refresh the data warehouse from about 500 GB of the previous day's data. Which processing framework would you use, and why?",
    expected: ["spark-batch"],
  },
  {
    slug: "scenario-realtime-dashboard",
    section: "scenarios",
    prompt:
      "An operations dashboard must show metrics that are at most about 30 seconds old. Your team already runs Spark for its batch jobs. Which framework would you use, and why?",
    expected: ["spark-streaming"],
  },
  {
    slug: "scenario-fraud-detection",
    section: "scenarios",
    prompt:
      "A payments company must decide whether to block each card transaction within 100 milliseconds of it arriving. The decision combines many rules over each card's spending in recent hours, and some transactions reach the system late. Which framework would you pick, and why?",
    expected: ["flink"],
  },
  {
    slug: "scenario-kafka-enrichment",
    section: "scenarios",
    prompt:
      "Events arrive on Kafka topics; each must be enriched with lookup data and routed to other Kafka topics. Which framework fits best, and why?",
    expected: ["kafka-streams"],
  },
  {
    slug: "scenario-ml-features",
    section: "scenarios",
    prompt:
      "An ML team needs a pipeline that computes more than 200 features from a stream of click events, for a model that scores users while they are still browsing. Which framework would you choose, and why?",
    expected: ["flink", "spark-streaming"],
  },
  {
    slug: "scenario-backfill",
    section: "scenarios",
    prompt:
      "You must backfill three years of history into tables with a redesigned schema. Which framework would you use, and why?",
    expected: ["spark-batch"],
  },
  {
    slug: "faq-learn-batch-or-streaming-first",
    section: "faq",
    prompt: "A junior engineer asks whether to learn batch or stream processing first. What do you advise, and why?",
    expected: ["batch"],
  },
  {
    slug: "faq-structured-streaming-real-streaming",
    section: "faq",
    prompt: "Is Spark Structured Streaming 'real' streaming? Explain, and say when the difference matters.",
  },
  {
    slug: "faq-when-streaming-asked",
    section: "faq",
    prompt: "When do interviewers ask about stream processing, and what signal are they looking for?",
  },
  {
    slug: "faq-flink-replace-spark",
    section: "faq",
    prompt: "Can Flink replace Spark entirely? Explain what organisations typically do and why.",
  },
  {
    slug: "arch-lambda",
    section: "hybrid-architectures",
    prompt: "What is the Lambda architecture, and what is its main trade-off?",
  },
  {
    slug: "arch-kappa",
    section: "hybrid-architectures",
    prompt: "What is the Kappa architecture, and what is its main trade-off?",
  },
  {
    slug: "arch-streaming-ingest-batch-transform",
    section: "hybrid-architectures",
    prompt: "Describe the 'streaming ingest + batch transform' architecture and its main trade-off.",
  },
];

describe("the shipped question bank", () => {
  it("when loaded, then it has at least 70 questions: 30+ free-text, 25+ choice and 8+ multi-choice", () => {
    const count = (type: string) => bank.questions.filter((question) => question.type === type).length;
    expect(bank.questions.length).toBeGreaterThanOrEqual(70);
    expect(count("free-text")).toBeGreaterThanOrEqual(30);
    expect(count("single-choice") + count("multi-choice")).toBeGreaterThanOrEqual(25);
    expect(count("multi-choice")).toBeGreaterThanOrEqual(8);
  });

  it.each(SECTIONS)("when loaded, then section %s has at least 3 questions", (section) => {
    expect(bank.questions.filter((question) => question.section === section).length).toBeGreaterThanOrEqual(3);
  });

  it("when loaded, then every question has a title of its own, shorter than its prompt", () => {
    const untitled = bank.questions.filter((q) => !q.title || q.title.length >= q.prompt.length).map((q) => q.slug);
    expect(untitled).toEqual([]);
    expect(new Set(bank.questions.map((q) => q.title)).size).toBe(bank.questions.length);
  });

  it("when loaded, then it has at least 45 flashcards", () => {
    expect(bank.flashcards.length).toBeGreaterThanOrEqual(45);
  });

  it.each(REQUIRED_FREE_TEXT)(
    "when loaded, then $slug exists with its exact prompt and expected options",
    ({ slug, section, prompt, expected }) => {
      const question = freeText(slug);
      expect(question.section).toBe(section);
      expect(question.prompt).toBe(prompt);
      if (expected) expect(question.resolvedRubric.choice?.expected).toEqual(expected);
    },
  );

  it.each(REQUIRED_FREE_TEXT.filter(({ section }) => section === "scenarios"))(
    "when loaded, then scenario $slug also has a choice question whose correct choices are its expected frameworks",
    ({ slug, expected }) => {
      const choice = bySlug.get(`${slug}-choice`);
      if (choice === undefined || choice.type === "free-text")
        throw new Error(`${slug}-choice is missing or not a choice question`);
      expect(
        choice.choices
          .filter((option) => option.correct)
          .map((option) => option.id)
          .sort(),
      ).toEqual([...(expected ?? [])].sort());
    },
  );

  it("when loaded, then the lexicon offers exactly the agreed framework, architecture and paradigm options", () => {
    expect(bank.lexicon.options.map((option) => option.id).sort()).toEqual(
      [
        "spark-batch",
        "spark-streaming",
        "flink",
        "kafka-streams",
        "lambda",
        "kappa",
        "streaming-ingest-batch-transform",
        "batch",
        "streaming",
      ].sort(),
    );
    expect(bank.lexicon.synonyms.length).toBeGreaterThanOrEqual(20);
    expect(bank.lexicon.synonyms.length).toBeLessThanOrEqual(45);
  });

  it("when loaded, then every free-text model answer is 40 to 90 words and its rubric has 1 or 2 required concepts", () => {
    for (const question of bank.questions) {
      if (question.type !== "free-text") continue;
      const words = question.modelAnswer.split(/\s+/).length;
      const required = question.resolvedRubric.concepts.filter((concept) => concept.required).length;
      expect({ slug: question.slug, fits: words >= 40 && words <= 90 && required >= 1 && required <= 2 }).toEqual({
        slug: question.slug,
        fits: true,
      });
    }
  });

  it("when the ML-features scenario is resolved, then either streaming engine is expected and the rest of its category are alternatives", () => {
    expect(freeText("scenario-ml-features").resolvedRubric.choice).toEqual({
      expected: ["flink", "spark-streaming"],
      alternatives: ["spark-batch", "kafka-streams"],
    });
  });

  it("when the learn-first FAQ is resolved, then streaming is its only alternative", () => {
    expect(freeText("faq-learn-batch-or-streaming-first").resolvedRubric.choice).toEqual({
      expected: ["batch"],
      alternatives: ["streaming"],
    });
  });
});
