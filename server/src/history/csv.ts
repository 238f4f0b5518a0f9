import { stringify } from "csv-stringify/sync";

/**
 * A spreadsheet treats a cell starting with one of these as a formula ("=HYPERLINK(…)"), so such cells get a
 * leading apostrophe (OWASP's advice). Spreadsheets trim leading whitespace (spaces, tabs, line breaks, also
 * Unicode spaces) before looking, and some read the full-width signs ＝ ＋ － ＠ as their ASCII twins, so those
 * count too; a cell starting with a tab or carriage return is prefixed whatever follows, as OWASP lists them.
 */
const FORMULA_START = /^(?:\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;

export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 (CRLF, quotes doubled, quoted when needed) via csv-stringify; every cell passes through neutraliseCell. */
export function csvRows(rows: unknown[][], opts: { header?: string[]; bom?: boolean } = {}): string {
  const all = opts.header ? [opts.header, ...rows] : rows;
  return stringify(
    all.map((r) => r.map(neutraliseCell)),
    { record_delimiter: "windows", bom: opts.bom ?? false, quoted_match: /[",\r\n]/ },
  );
}
