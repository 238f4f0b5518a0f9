import type { z } from "zod";
import type { ContentDir } from "./content-dir.ts";
import type { ContentIssue } from "./issues.ts";
import { questionsFileSchema, SECTIONS, type Section } from "./schema.ts";
import { parseItem } from "./validate.ts";
import { issueAt, nameOf, type ItemRef } from "./yaml-file.ts";

interface SectionItem {
  slug: string;
  section: Section;
}

export interface SectionListOptions<T> {
  /** "questions" or "flashcards": a folder of `<section>.yaml` lists. */
  folder: string;
  /** Whether a file must exist for every section. */
  everySection: boolean;
  /** Further checks on an item that passed the schema. */
  check?: (item: T, ref: ItemRef) => void;
}

/** Reads every `<folder>/<section>.yaml`, validating each item and requiring slugs unique across the folder. */
export function readSectionLists<S extends z.ZodType<SectionItem, unknown>>(
  dir: ContentDir,
  schema: S,
  { folder, everySection, check }: SectionListOptions<z.output<S>>,
  issues: ContentIssue[],
): (z.output<S> & { file: string })[] {
  if (!dir.exists(folder)) {
    issues.push({ file: `${dir.display(folder)}/`, message: "required folder is missing" });
    return [];
  }
  const present = dir.yamlFiles(folder);
  if (everySection) {
    for (const section of SECTIONS) {
      if (!present.includes(`${section}.yaml`))
        issues.push({ file: dir.display(`${folder}/${section}.yaml`), message: "required file is missing" });
    }
  }
  const ordered = [...present].sort((a, b) => sectionRank(a) - sectionRank(b));
  const firstSeen = new Map<string, string>();
  const items: (z.output<S> & { file: string })[] = [];

  for (const name of ordered) {
    const relative = `${folder}/${name}`;
    const fileSection = SECTIONS.find((section) => `${section}.yaml` === name);
    if (!fileSection) {
      issues.push({
        file: dir.display(relative),
        message: `file name is not a section; expected one of: ${SECTIONS.join(", ")}`,
      });
    }
    const yaml = dir.read(relative);
    if (!yaml) continue;
    const list = questionsFileSchema.safeParse(yaml.data);
    if (!list.success) {
      issues.push({ file: yaml.file, line: yaml.lineAt([]), message: `must be a YAML list of ${folder}` });
      continue;
    }
    list.data.forEach((raw, index) => {
      const ref: ItemRef = { yaml, base: [index], name: nameOf(raw) ?? `#${index + 1}` };
      const item = parseItem(schema, raw, ref, issues);
      if (item === undefined) return;
      if (fileSection && item.section !== fileSection) {
        issues.push(issueAt(ref, ["section"], `is "${item.section}" but this file holds section "${fileSection}"`));
      }
      const where = `${yaml.file}:${yaml.lineAt([index])}`;
      const first = firstSeen.get(item.slug);
      if (first) issues.push(issueAt(ref, ["slug"], `duplicate slug, first defined at ${first}`));
      else firstSeen.set(item.slug, where);
      check?.(item, ref);
      items.push({ ...item, file: yaml.file });
    });
  }
  return items;
}

function sectionRank(fileName: string): number {
  const rank = SECTIONS.findIndex((section) => `${section}.yaml` === fileName);
  return rank < 0 ? SECTIONS.length : rank;
}
