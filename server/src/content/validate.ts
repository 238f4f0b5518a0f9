import type { z } from "zod";
import type { ContentIssue } from "./issues.ts";
import { locate, valueAt, type ItemRef, type YamlPath } from "./yaml-file.ts";

/**
 * Parses `value` (the data at `ref.base`) with `schema`. On failure pushes one issue per problem and returns undefined.
 * Without a `ref.name` (a whole catalogue file), issues inside a list of named entries name that entry.
 */
export function parseItem<S extends z.ZodType>(
  schema: S,
  value: unknown,
  ref: ItemRef,
  issues: ContentIssue[],
): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const zodIssue of result.error.issues) {
    const path = zodIssue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
    const problems: { path: YamlPath; message: string }[] =
      zodIssue.code === "unrecognized_keys"
        ? zodIssue.keys.map((key) => ({ path: [...path, key], message: "is not a known field" }))
        : [{ path, message: valueAt(value, path) === undefined ? "is required" : zodIssue.message }];
    for (const problem of problems) {
      const { item, field } =
        ref.name === undefined
          ? locate(value, problem.path)
          : { item: ref.name, field: problem.path.join(".") || undefined };
      issues.push({
        file: ref.yaml.file,
        line: ref.yaml.lineAt([...ref.base, ...problem.path]),
        item,
        field,
        message: problem.message,
      });
    }
  }
  return undefined;
}
