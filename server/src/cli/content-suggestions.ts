import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { ContentError, formatIssue, loadContent, phrasePatch } from "../content/index.ts";
import { openDatabase } from "../db/index.ts";
import { allSuggestions } from "../rubric/index.ts";

/**
 * Usage: npm run content:suggestions [-- --content DIR] > suggestions.patch; then `git apply suggestions.patch`.
 * Mentors' phrase suggestions (stored by the app) as a patch against the content files, for the bank's maintainer
 * to review and commit: authored content stays in git, the app never rewrites it. Uses DATABASE_URL (or the
 * embedded database in WATERMARK_DATA_DIR), like `npm start`. What cannot be placed is said on stderr.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { content: { type: "string", default: "content" } } });
  const bank = loadContent(values.content);
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, limits: config.database });
  try {
    const suggestions = await allSuggestions(db.prisma).catch((error: Error) => {
      if (/does not exist/.test(error.message))
        throw new Error("the database has no Watermark tables yet: run npm run db:migrate (or npm start) first");
      throw error;
    });
    const { patch, skipped } = phrasePatch(values.content, bank, suggestions);
    process.stdout.write(patch);
    for (const { suggestion: s, reason } of skipped)
      process.stderr.write(`skipped suggestion ${s.id} ("${s.phrase}" by ${s.createdBy.displayName}): ${reason}\n`);
    process.stderr.write(
      `${suggestions.length - skipped.length} of ${suggestions.length} suggestion(s) in the patch\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof ContentError) for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.stderr.write(`content:suggestions: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
