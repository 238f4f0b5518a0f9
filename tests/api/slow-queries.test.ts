import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { fromPglite, openDatabase, type Database } from "../../server/src/db/database.ts";
import { sql } from "../../server/src/db/rows.ts";
import type { SlowQuery } from "../../server/src/db/slow-queries.ts";

const SECRET = "secret-parameter-value";

/** A database whose slow queries (at `thresholdMs` or more) land in `reported`. */
async function open(kind: "pglite" | "postgres", thresholdMs: number) {
  const reported: SlowQuery[] = [];
  const slowQueries = { thresholdMs, report: (query: SlowQuery) => reported.push(query) };
  const db =
    kind === "pglite"
      ? await fromPglite(new PGlite(), { slowQueries })
      : await openDatabase({ databaseUrl: inject("postgresUrl")!, dataDir: "", slowQueries });
  return { db, reported };
}

/** One statement each way the app reaches the database: Prisma, in and out of a transaction, and the SqlRunner. */
async function runEveryWay(db: Database) {
  await db.prisma.$queryRaw(sql`SELECT ${SECRET}::text AS prisma_plain`);
  await db.prisma.$transaction(async (tx) => tx.$queryRaw(sql`SELECT ${SECRET}::text AS prisma_in_transaction`));
  await db.sql.query(`SELECT $1::text AS runner_plain`, [SECRET], z.object({ runner_plain: z.string() }));
  await db.sql.transaction((tx) => tx.run(`SELECT $1::text AS runner_in_transaction`, [SECRET]));
}

const kinds = inject("postgresUrl") ? (["pglite", "postgres"] as const) : (["pglite"] as const);

describe.each(kinds)("slow query log [%s]", (kind) => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("when the threshold is 0, then every statement is reported with its duration and SQL text, never its parameters", async () => {
    const opened = await open(kind, 0);
    db = opened.db;
    await runEveryWay(db);

    const texts = opened.reported.map((q) => q.sql);
    for (const name of ["prisma_plain", "prisma_in_transaction", "runner_plain", "runner_in_transaction"]) {
      expect(texts.some((text) => text.includes(name))).toBe(true);
    }
    expect(texts.some((text) => text.includes(SECRET))).toBe(false);
    expect(opened.reported.every((q) => typeof q.durationMs === "number" && q.durationMs >= 0)).toBe(true);
  });

  it("when every statement is faster than the threshold, then nothing is reported", async () => {
    const opened = await open(kind, 3_600_000);
    db = opened.db;
    await runEveryWay(db);

    expect(opened.reported).toEqual([]);
  });

  it("when a statement is long, then its text is cut to a recognisable start; scripts (migrations) are never reported", async () => {
    const opened = await open(kind, 0);
    db = opened.db;
    const columns = Array.from({ length: 400 }, (_, i) => `${i} AS long_column_${i}`).join(", ");
    await db.sql.query(`SELECT ${columns}`, [], z.record(z.string(), z.number()));
    await db.sql.exec("CREATE TEMP TABLE slow_log_script (id int); DROP TABLE slow_log_script;");

    const long = opened.reported.find((q) => q.sql.includes("long_column_0"))!;
    expect(long.sql.length).toBeLessThan(1_100);
    expect(long.sql).toMatch(/… \(\d+ characters\)$/);
    expect(opened.reported.some((q) => q.sql.includes("slow_log_script"))).toBe(false);
  });
});
