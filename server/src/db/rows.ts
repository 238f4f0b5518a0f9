import { z } from "zod";
import { Prisma as PrismaNs } from "../generated/prisma/client.ts";
import type { Prisma, Tx } from "./database.ts";

/**
 * How repo files write SQL that Prisma's query builder cannot express (the hot paths' prepared statements aside,
 * decision 008): a tagged template whose values are always bound parameters, never spliced text. Fragments compose
 * (`sql\`… ${sql\`…\`} …\``) and `join` builds lists.
 */
export const sql = PrismaNs.sql;
export const join = PrismaNs.join;
export type Sql = PrismaNs.Sql;

type Db = Prisma | Tx;

/**
 * A constant statement text numbered for a prepared statement (`$1`, `$2`, …) as a tagged fragment: each
 * placeholder becomes a bound parameter carrying `values[n - 1]`, so one text serves both layers.
 */
export function numbered(text: string, values: readonly unknown[]): Sql {
  const parts = text.split(/\$(\d+)\b/);
  const strings = parts.filter((_, i) => i % 2 === 0);
  const bound = parts.filter((_, i) => i % 2 === 1).map((n) => values[Number(n) - 1]);
  return new PrismaNs.Sql(strings, bound as PrismaNs.Sql["values"]);
}

/** Every row decoded with `row`, for either layer. */
export const decodeRows = <S extends z.ZodType>(rows: readonly unknown[], row: S): z.output<S>[] =>
  rows.map((r) => row.parse(r));

/**
 * Runs a query and decodes every row with `row`. The drivers disagree on types (pg returns int8 as a string or
 * bigint, timestamps as Date; PGlite may return JSON as text), so the schema — not a cast — decides what callers get.
 */
export async function queryRows<S extends z.ZodType>(db: Db, query: Sql, row: S): Promise<z.output<S>[]> {
  return decodeRows(await db.$queryRaw<unknown[]>(query), row);
}

export async function queryRow<S extends z.ZodType>(db: Db, query: Sql, row: S): Promise<z.output<S> | undefined> {
  return (await queryRows(db, query, row))[0];
}

/** Runs a statement; resolves to the number of rows it touched. */
export async function execute(db: Db, query: Sql): Promise<number> {
  return db.$executeRaw(query);
}

/** Column decoders shared by every repo. */
export const col = {
  /** Counts and other integers: int8 arrives as bigint or string depending on the driver. */
  int: z.union([z.number(), z.bigint(), z.string()]).transform((v) => Number(v)),
  /** numeric/float columns: Prisma hands numeric over as a Decimal, some drivers as a string. */
  num: z
    .union([z.number(), z.string(), z.custom<PrismaNs.Decimal>((v) => PrismaNs.Decimal.isDecimal(v))])
    .transform((v) => Number(v)),
  // Preprocessing, not a union: a union tries each member and builds an error for each miss, which is most of the cost
  // on the hot paths' rows (timestamps inside JSON arrive as strings).
  date: z.preprocess((v) => (typeof v === "string" ? new Date(v) : v), z.date()),
  /** A JSON column decoded with `schema` (text from some drivers, already parsed from others). */
  json: <S extends z.ZodType>(schema: S) =>
    z.preprocess((v) => (typeof v === "string" ? (JSON.parse(v) as unknown) : v), schema),
};
