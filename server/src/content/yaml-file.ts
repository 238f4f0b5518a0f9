import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { ContentIssue } from "./issues.ts";

export type YamlPath = readonly (string | number)[];

/** A parsed content file that can still say which line any part of it came from. */
export interface YamlFile {
  /** Path shown in issues. */
  file: string;
  data: unknown;
  /** Line of the deepest node along `path` that exists (a key's own line for mapping values). */
  lineAt(path: YamlPath): number | undefined;
}

/** Named item (question, flashcard, concept, option) inside a file; issues about it are reported relative to `base`. */
export interface ItemRef {
  yaml: YamlFile;
  base: YamlPath;
  name?: string;
}

export function issueAt(ref: ItemRef, field: YamlPath, message: string): ContentIssue {
  return {
    file: ref.yaml.file,
    line: ref.yaml.lineAt([...ref.base, ...field]),
    item: ref.name,
    field: field.length > 0 ? field.join(".") : undefined,
    message,
  };
}

/** Reads and parses one YAML file; syntax errors become issues and no data is returned. */
export function readYamlFile(absPath: string, file: string): { yaml?: YamlFile; issues: ContentIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(absPath, "utf8"), { lineCounter, prettyErrors: false });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length === 0) {
    return { yaml: { file, data: doc.toJS(), lineAt: (path) => lineAlong(doc, path, lineOf) }, issues: [] };
  }
  const partial = partialData(doc);
  const issues = doc.errors.map((error): ContentIssue => {
    const { item, field } = locate(partial, pathAt(doc, error.pos[0], lineOf));
    const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
    return { file, line: lineOf(error.pos[0]), item, field, message: `YAML syntax error: ${message}` };
  });
  return { issues };
}

/** What a broken document still parses to, used only to name the item an error sits in. */
function partialData(doc: Document): unknown {
  try {
    return doc.toJS();
  } catch {
    return undefined;
  }
}

/** Splits a path into the named list item it falls in (top-level list, or a list under a top-level key) and the rest. */
export function locate(data: unknown, path: YamlPath): { item?: string; field?: string } {
  const itemDepth = typeof path[0] === "number" ? 1 : typeof path[1] === "number" ? 2 : 0;
  const item = itemDepth > 0 ? nameOf(valueAt(data, path.slice(0, itemDepth))) : undefined;
  const rest = item === undefined ? path : path.slice(itemDepth);
  return { item, field: rest.length > 0 ? rest.join(".") : undefined };
}

export function valueAt(data: unknown, path: YamlPath): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** The slug or id a list item calls itself by, if any. */
export function nameOf(item: unknown): string | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const record = item as Record<string, unknown>;
  const name = record.slug ?? record.id;
  return typeof name === "string" ? name : undefined;
}

function lineAlong(doc: Document, path: YamlPath, lineOf: (offset: number) => number): number | undefined {
  let node: unknown = doc.contents;
  let line = startLine(node, lineOf);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (candidate) => isScalar(candidate.key) && String(candidate.key.value) === String(segment),
      );
      if (!pair) break;
      line = startLine(pair.key, lineOf) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (node === undefined) break;
      line = startLine(node, lineOf) ?? line;
    } else {
      break;
    }
  }
  return line;
}

function startLine(node: unknown, lineOf: (offset: number) => number): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? lineOf(range[0]) : undefined;
}

/** Path of keys and indices to the deepest node whose range contains `offset`. */
function pathAt(doc: Document, offset: number, lineOf: (offset: number) => number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else if (isMap(node)) {
      const pair = node.items.find((candidate) => contains(candidate.key, offset) || contains(candidate.value, offset));
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      // A block mapping starting on its key's own line is prose with a colon that the parser misread; stop at the key.
      if (isMap(pair.value) && !pair.value.flow && startLine(pair.value, lineOf) === startLine(pair.key, lineOf))
        return path;
      node = pair.value;
    } else {
      return path;
    }
  }
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  return range != null && range[0] <= offset && offset <= range[2];
}
