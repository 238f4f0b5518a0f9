import { parseArgs } from "node:util";
import { ContentError, formatIssue, loadContent } from "../content/load.ts";
import { inventory, summarize } from "../content/summary.ts";

// Usage: npm run content:check [-- --dir PATH] [-- --json]
const { values } = parseArgs({ options: { dir: { type: "string", default: "content" }, json: { type: "boolean", default: false } } });

try {
  const bank = loadContent(values.dir);
  process.stdout.write(values.json ? `${JSON.stringify(inventory(bank))}\n` : `${summarize(bank)}\n`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.stderr.write(`${error.issues.length} content issue${error.issues.length === 1 ? "" : "s"} found\n`);
  process.exitCode = 1;
}
