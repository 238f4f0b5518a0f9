import { parseArgs } from "node:util";
import { loadGrader } from "./grade/bank.ts";
import { runBatch } from "./grade/batch.ts";
import { runCalibration } from "./grade/calibrate.ts";
import { isRulingsCommand, runRulingsCommand } from "./grade/rulings-db.ts";

const USAGE = `usage: npm run grade -- --batch FILE [--content DIR]
       npm run grade -- --calibrate FILE [FILE...] [--content DIR]
       npm run grade -- --calibrate --from-db | --export-rulings FILE`;

function main(): number {
  const { values, positionals } = parseArgs({
    options: {
      batch: { type: "string" },
      calibrate: { type: "string" },
      content: { type: "string", default: "content" },
    },
    allowPositionals: true,
  });
  const calibrateFiles = values.calibrate === undefined ? [] : [values.calibrate, ...positionals];
  if (
    (values.batch === undefined) === (values.calibrate === undefined) ||
    (values.batch !== undefined && positionals.length > 0)
  ) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const grade = loadGrader(values.content);
  if (!grade) return 1;
  const ok = values.batch !== undefined ? runBatch(values.batch, grade) : runCalibration(calibrateFiles, grade);
  return ok ? 0 : 1;
}

try {
  // --calibrate --from-db / --export-rulings FILE read mentors' rulings from the database (cli/grade/rulings-db.ts).
  const argv = process.argv.slice(2);
  process.exitCode = isRulingsCommand(argv) ? await runRulingsCommand(argv) : main();
} catch (error) {
  // Unreadable files and bad flags end here: one clear line, not a stack trace.
  process.stderr.write(`grade: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
