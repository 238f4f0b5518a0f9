import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REAL_CONTENT } from "./fixtures.ts";

/**
 * The bank teaches the study guide's ideas in its own words: no string in content/ may repeat a run of RUN words of
 * the guide. The guide lives next to the repository (../shared/seed from its root), outside the tree that ships.
 */
const RUN = 8;
const GUIDE_DIR = path.resolve(REAL_CONTENT, "..", "..", "shared", "seed");
const guideFound = existsSync(GUIDE_DIR);
// A skip must be seen, not mistaken for a pass: the default reporter shows only a count of skipped tests.
if (!guideFound) console.warn(`Originality check skipped: the guide folder ${GUIDE_DIR} is absent.`);

/** Lower-case words of letters and digits; apostrophes are dropped first, so "Spark's" and "sparks" are one word. */
function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['‘’ʼ]/g, "")
      .match(/[a-z0-9]+/g) ?? []
  );
}

function runsOf(text: string): Set<string> {
  const words = wordsOf(text);
  const runs = new Set<string>();
  for (let i = 0; i + RUN <= words.length; i++) runs.add(words.slice(i, i + RUN).join(" "));
  return runs;
}

/** The first run of RUN words of `text` that is also in `guide`, if any. */
function sharedRun(text: string, guide: Set<string>): string | undefined {
  const words = wordsOf(text);
  for (let i = 0; i + RUN <= words.length; i++) {
    const run = words.slice(i, i + RUN).join(" ");
    if (guide.has(run)) return run;
  }
  return undefined;
}

interface ContentString {
  /** The slug or id of the question, flashcard, concept or option the string belongs to ("q › choice" when nested). */
  item?: string;
  field: string;
  text: string;
}

/** Every string value in a parsed YAML document, with the enclosing slugs or ids and its path from the nearest. */
function stringsOf(value: unknown, item?: string, field: (string | number)[] = []): ContentString[] {
  if (typeof value === "string") return [{ item, field: field.join("."), text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, item, [...field, i]));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const name = typeof record.slug === "string" ? record.slug : typeof record.id === "string" ? record.id : undefined;
  const named = name === undefined ? undefined : item === undefined ? name : `${item} › ${name}`;
  return Object.entries(record).flatMap(([key, v]) =>
    named ? stringsOf(v, named, [key]) : stringsOf(v, item, [...field, key]),
  );
}

/** content/'s YAML files, relative to it; calibration answers are candidates' words, not the bank's. */
function contentFiles(dir: string, relative = ""): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(relative, entry.name);
    if (entry.isDirectory()) return entry.name === "calibration" ? [] : contentFiles(dir, file);
    return entry.name.endsWith(".yaml") ? [file] : [];
  });
}

describe("finding runs shared with the guide", () => {
  const guide = runsOf(
    "Spark's batch ecosystem is more mature, has a larger talent pool, and integrates with more tools.",
  );

  it("when a string repeats eight of the guide's words in a row, then that run is found", () => {
    expect(sharedRun("We chose it because Spark's batch ecosystem is more mature, has a lot more.", guide)).toBe(
      "sparks batch ecosystem is more mature has a",
    );
  });

  it("when only seven words in a row are shared, then nothing is found", () => {
    expect(sharedRun("Spark's batch ecosystem is more mature, has the larger talent pool.", guide)).toBeUndefined();
  });

  it("when case, apostrophes and punctuation differ, then the words still match", () => {
    expect(sharedRun("SPARK’S BATCH ECOSYSTEM—IS MORE MATURE… HAS A", guide)).toBe(
      "sparks batch ecosystem is more mature has a",
    );
  });

  it("when strings are collected from a question list, then each is named by its slug and field", () => {
    const strings = stringsOf([{ slug: "q-one", prompt: "Why?", choices: [{ id: "a", text: "Flink" }], tags: ["x"] }]);
    expect(strings).toEqual([
      { item: "q-one", field: "slug", text: "q-one" },
      { item: "q-one", field: "prompt", text: "Why?" },
      { item: "q-one › a", field: "id", text: "a" },
      { item: "q-one › a", field: "text", text: "Flink" },
      { item: "q-one", field: "tags.0", text: "x" },
    ]);
  });
});

describe("the shipped content", () => {
  it.skipIf(!guideFound)(
    guideFound
      ? `when every string in content/ is compared with the guide, then none shares a run of ${RUN} words with it`
      : `SKIPPED: the guide folder ${GUIDE_DIR} is absent, so originality cannot be checked here`,
    () => {
      const guide = new Set(
        readdirSync(GUIDE_DIR).flatMap((file) => [...runsOf(readFileSync(path.join(GUIDE_DIR, file), "utf8"))]),
      );
      expect(guide.size, `the guide folder ${GUIDE_DIR} holds no text`).toBeGreaterThan(0);
      const files = contentFiles(REAL_CONTENT);
      expect(files.length).toBeGreaterThan(0);

      const copied = files.flatMap((file) =>
        stringsOf(parse(readFileSync(path.join(REAL_CONTENT, file), "utf8"))).flatMap(({ item, field, text }) => {
          const run = sharedRun(text, guide);
          return run === undefined ? [] : [`${file} › ${item ?? "(file)"} › ${field}: "${run}"`];
        }),
      );
      expect(copied, `strings that copy ${RUN}+ words of the guide (reword them)`).toEqual([]);
    },
  );
});
