import { z } from "zod";
import type { Prisma, Tx } from "../db/index.ts";
import type { VersionBody } from "./present.ts";

/**
 * What every reader of a version body relies on: its identity, its type, and the parts its type needs (choices, or
 * the resolved rubric). content/sync.ts wrote the rest from a bank that passed content validation, so the rest is
 * kept as stored rather than checked field by field on every cold read.
 */
const versionBodyShape = z.union([
  z.looseObject({
    slug: z.string(),
    prompt: z.string(),
    type: z.enum(["single-choice", "multi-choice"]),
    choices: z.array(z.looseObject({ id: z.string() })),
  }),
  z.looseObject({
    slug: z.string(),
    prompt: z.string(),
    type: z.literal("free-text"),
    resolvedRubric: z.looseObject({ concepts: z.array(z.unknown()) }),
  }),
]);

export const versionBodySchema = z.custom<VersionBody>((value) => versionBodyShape.safeParse(value).success, {
  message: "not a question version body",
});

const versionRow = z.object({ id: z.string(), body: versionBodySchema });

/** The stored bodies of these versions (immutable once written). */
export async function versionBodyRows(db: Prisma | Tx, ids: readonly string[]) {
  const rows = await db.questionVersion.findMany({ where: { id: { in: [...ids] } }, select: { id: true, body: true } });
  return rows.map((row) => versionRow.parse(row));
}
