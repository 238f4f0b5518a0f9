import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { ContentIssue } from "./issues.ts";
import { readYamlFile, type YamlFile } from "./yaml-file.ts";

/** Reads files of one content directory, recording missing files and syntax errors as issues. */
export interface ContentDir {
  /** Path shown in issues: relative to the content directory's parent, e.g. "content/questions/flink.yaml". */
  display(relative: string): string;
  exists(relative: string): boolean;
  /** `.yaml` file names directly inside `folder`, sorted. */
  yamlFiles(folder: string): string[];
  read(relative: string): YamlFile | undefined;
}

export function openContentDir(dir: string, issues: ContentIssue[]): ContentDir {
  const root = path.resolve(dir);
  const absolute = (relative: string) => path.join(root, relative);
  const display = (relative: string) => path.relative(path.dirname(root), absolute(relative)).split(path.sep).join("/");
  return {
    display,
    exists: (relative) => existsSync(absolute(relative)),
    yamlFiles: (folder) =>
      readdirSync(absolute(folder), { withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith(".yaml"))
        .map((entry) => entry.name)
        .sort(),
    read(relative) {
      if (!existsSync(absolute(relative))) {
        issues.push({ file: display(relative), message: "required file is missing" });
        return undefined;
      }
      const { yaml, issues: syntaxIssues } = readYamlFile(absolute(relative), display(relative));
      issues.push(...syntaxIssues);
      return yaml;
    },
  };
}
