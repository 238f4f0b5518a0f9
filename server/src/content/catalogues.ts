import type { z } from "zod";
import { conceptsFileSchema, vocabularySchema, type conceptSchema } from "./schema.ts";
import type { ContentIssue } from "./issues.ts";
import { parseItem } from "./validate.ts";
import { issueAt, type ItemRef, type YamlFile } from "./yaml-file.ts";

export type Vocabulary = z.output<typeof vocabularySchema>;
export type VocabularyOption = Vocabulary["options"][number];
export type Concept = z.output<typeof conceptSchema>;

/** vocabulary.yaml, checked so that every alias and synonym points one way only. */
export function parseVocabulary(yaml: YamlFile, issues: ContentIssue[]): Vocabulary | undefined {
  const found: ContentIssue[] = [];
  const vocabulary = parseItem(vocabularySchema, yaml.data, { yaml, base: [] }, found);
  if (vocabulary) {
    rejectDuplicates(
      vocabulary.options.map((option, index) => ({
        key: option.id,
        ref: { yaml, base: ["options", index], name: option.id },
        field: ["id"],
      })),
      (first) => `duplicates option id first defined at line ${first}`,
      found,
    );
    // An alias or synonym claimed twice would let the grader read one word two ways.
    rejectDuplicates(
      vocabulary.options.flatMap((option, index) =>
        option.aliases.map((alias, aliasIndex) => ({
          key: normalise(alias),
          ref: { yaml, base: ["options", index], name: option.id },
          field: ["aliases", aliasIndex],
        })),
      ),
      (first) => `alias is already used at line ${first}`,
      found,
    );
    rejectDuplicates(
      vocabulary.synonyms.flatMap((group, groupIndex) =>
        group.map((word, wordIndex) => ({
          key: normalise(word),
          ref: { yaml, base: [] },
          field: ["synonyms", groupIndex, wordIndex],
        })),
      ),
      (first) => `word is already in a synonym group at line ${first}`,
      found,
    );
  }
  issues.push(...found);
  return found.length === 0 ? vocabulary : undefined;
}

/** concepts.yaml as a map by id; `trueOf` must name options of vocabulary.yaml. */
export function parseConcepts(
  yaml: YamlFile,
  issues: ContentIssue[],
  vocabulary?: Vocabulary,
): Map<string, Concept> | undefined {
  const found: ContentIssue[] = [];
  const parsed = parseItem(conceptsFileSchema, yaml.data, { yaml, base: [] }, found);
  if (parsed) {
    rejectDuplicates(
      parsed.concepts.map((concept, index) => ({
        key: concept.id,
        ref: { yaml, base: ["concepts", index], name: concept.id },
        field: ["id"],
      })),
      (first) => `duplicates concept id first defined at line ${first}`,
      found,
    );
    const optionIds = new Set(vocabulary?.options.map((option) => option.id));
    parsed.concepts.forEach((concept, index) => {
      concept.trueOf?.forEach((option, optionIndex) => {
        if (vocabulary && !optionIds.has(option)) {
          const ref = { yaml, base: ["concepts", index], name: concept.id };
          found.push(
            issueAt(ref, ["trueOf", optionIndex], `names unknown option "${option}" (not in vocabulary.yaml)`),
          );
        }
      });
    });
  }
  issues.push(...found);
  return parsed && found.length === 0 ? new Map(parsed.concepts.map((concept) => [concept.id, concept])) : undefined;
}

interface Keyed {
  key: string;
  ref: ItemRef;
  field: (string | number)[];
}

function rejectDuplicates(
  entries: Keyed[],
  describe: (firstLine: number | undefined) => string,
  issues: ContentIssue[],
): void {
  const firstLines = new Map<string, number | undefined>();
  for (const entry of entries) {
    if (firstLines.has(entry.key)) {
      issues.push(issueAt(entry.ref, entry.field, describe(firstLines.get(entry.key))));
    } else {
      firstLines.set(entry.key, entry.ref.yaml.lineAt([...entry.ref.base, ...entry.field]));
    }
  }
}

function normalise(phrase: string): string {
  return phrase.trim().toLowerCase().replace(/\s+/g, " ");
}
