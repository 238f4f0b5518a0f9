import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "../../config.ts";
import { openDatabase } from "../../db/index.ts";
import { cell, type Confusion, type Verdict } from "../../grading/index.ts";
import { VersionBodies } from "../../questions/index.ts";
import { loadRulings, agreementReport, VERDICTS, type Ruling } from "../../review/index.ts";

/**
 * The grade CLI's database modes: mentors' rulings (overrides, and confirmations = agreement) measure the grader.
 *   npm run grade -- --calibrate --from-db          agreement + Cohen's kappa, per question, worst rubrics first
 *   npm run grade -- --export-rulings FILE          the rulings as calibration lines {question, answer, label}
 * Uses DATABASE_URL (or the embedded database in WATERMARK_DATA_DIR), like `npm start`.
 */
export const isRulingsCommand = (argv: readonly string[]) =>
  argv.includes("--from-db") || argv.some((a) => a === "--export-rulings" || a.startsWith("--export-rulings="));

export async function runRulingsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      calibrate: { type: "boolean" },
      "from-db": { type: "boolean" },
      "export-rulings": { type: "string" },
      top: { type: "string", default: "10" },
    },
  });
  if (values["from-db"] && !values.calibrate) {
    process.stderr.write("usage: npm run grade -- --calibrate --from-db | --export-rulings FILE\n");
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, limits: config.database });
  try {
    // The operator's view over every mentor's rulings: it needs the database itself, which no mentor has.
    const rulings = await loadRulings(db.prisma, new VersionBodies(), { allMentors: true }).catch((error: Error) => {
      if (/does not exist/.test(error.message))
        throw new Error("the database has no Watermark tables yet: run npm run db:migrate (or npm start) first");
      throw error;
    });
    const file = values["export-rulings"];
    if (file) {
      writeFileSync(
        file,
        rulings.map((r) => JSON.stringify(calibrationLine(r))).join("\n") + (rulings.length ? "\n" : ""),
      );
      process.stdout.write(`wrote ${rulings.length} ruling(s) to ${file}\n`);
    }
    if (values.calibrate)
      process.stdout.write(
        `${formatReport(agreementReport(rulings, Number(values.top) || 10))}\n${formatDisputes(rulings)}\n`,
      );
    return 0;
  } finally {
    await db.close();
  }
}

/**
 * One ruling as a calibration line. A ruling that settled a dispute says so (`source`, and how it went); extra keys
 * are allowed by the line schema, so `--calibrate` reads these lines like any other.
 */
function calibrationLine(r: Ruling) {
  return {
    question: r.question,
    answer: r.response,
    label: r.mentor,
    ...(r.dispute ? { source: "dispute", dispute: r.dispute } : {}),
  };
}

function formatDisputes(rulings: readonly Ruling[]): string {
  const upheld = rulings.filter((r) => r.dispute === "upheld").length;
  const rejected = rulings.filter((r) => r.dispute === "rejected").length;
  return `disputes resolved: ${upheld + rejected} (upheld ${upheld}, rejected ${rejected})`;
}

function formatReport(r: ReturnType<typeof agreementReport>): string {
  const c: Confusion<Verdict> = { labels: VERDICTS, matrix: r.matrix, total: r.total };
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  return [
    `mentor rulings from the database (${r.total} answers)`,
    "",
    `${"mentor \\ engine".padEnd(16)}${VERDICTS.map((v) => pad(v, 11)).join("")}`,
    ...VERDICTS.map((m) => `${m.padEnd(16)}${VERDICTS.map((e) => pad(cell(c, m, e), 11)).join("")}`),
    "",
    `agreement ${(r.agreement * 100).toFixed(1)}%   Cohen's kappa ${r.kappa.toFixed(3)}`,
    "",
    r.mostDisagreed.length ? "questions whose rubric most often disagrees with mentors:" : "no disagreements",
    ...r.mostDisagreed.map(
      (q) =>
        `- ${q.question}  ${q.disagreements}/${q.rulings} disagree  agreement ${(q.agreement * 100).toFixed(0)}%  kappa ${q.kappa.toFixed(2)}`,
    ),
  ].join("\n");
}
