import { parseArgs } from "node:util";
import { ContentError, formatIssue, formatWarning, loadContent, inventory, summarize } from "../content/index.ts";

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

// Usage: npm run content:check [-- --dir PATH] [-- --json]
const { values } = parseArgs({
  options: { dir: { type: "string", default: "content" }, json: { type: "boolean", default: false } },
});

try {
  const bank = loadContent(values.dir);
  // Warnings go to stderr so --json output stays one JSON document; they do not fail the check.
  for (const warning of bank.warnings) process.stderr.write(`${formatWarning(warning)}\n`);
  if (bank.warnings.length > 0) process.stderr.write(`${plural(bank.warnings.length, "content warning")}\n`);
  process.stdout.write(values.json ? `${JSON.stringify(inventory(bank))}\n` : `${summarize(bank)}\n`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.stderr.write(`${plural(error.issues.length, "content issue")} found\n`);
  process.exitCode = 1;
}
