import { readFileSync } from "node:fs";
import type { z } from "zod";

/** One non-blank line of a JSON Lines file: its 1-based number and either the parsed value or why not. */
export type Line<T> = { file: string; line: number } & (
  { ok: true; value: T } | { ok: false; error: string; question: string | null }
);

function slugOf(parsed: unknown): string | null {
  if (typeof parsed !== "object" || parsed === null || !("question" in parsed)) return null;
  return typeof parsed.question === "string" ? parsed.question : null;
}

function parseLine<T>(
  schema: z.ZodType<T>,
  text: string,
): { ok: true; value: T } | { ok: false; error: string; question: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `invalid JSON (${(error as Error).message})`, question: null };
  }
  const result = schema.safeParse(parsed);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message));
  return { ok: false, error: issues.join("; "), question: slugOf(parsed) };
}

/** Parses every non-blank line; a bad line becomes an error entry instead of stopping the read. */
export function readJsonLines<T>(file: string, schema: z.ZodType<T>): Line<T>[] {
  const text = readFileSync(file, "utf8");
  const out: Line<T>[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    out.push({ file, line: i + 1, ...parseLine(schema, raw) });
  });
  return out;
}
