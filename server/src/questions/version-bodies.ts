import type { Prisma, Tx } from "../db/database.ts";
import type { VersionBody } from "./present.ts";

// Question versions never change once written, so their bodies can be cached for the life of the process
// (ids are UUIDs, so one cache serves any database). Reading the JSON body through Prisma costs milliseconds per
// row; every round and answer needs several.
const cache = new Map<string, VersionBody>();

/**
 * The bodies of the given question versions, by id (all of them; unknown ids are an error). Inside a transaction
 * pass its client: on PGlite a query outside the open transaction would wait for it forever.
 */
export async function versionBodies(db: Prisma | Tx, ids: readonly string[]): Promise<Map<string, VersionBody>> {
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length) {
    const rows = await db.questionVersion.findMany({ where: { id: { in: missing } }, select: { id: true, body: true } });
    for (const row of rows) cache.set(row.id, row.body as unknown as VersionBody);
  }
  return new Map(ids.map((id) => {
    const body = cache.get(id);
    if (!body) throw new Error(`question version ${id} not found`);
    return [id, body];
  }));
}

export async function versionBody(db: Prisma | Tx, id: string): Promise<VersionBody> {
  return (await versionBodies(db, [id])).get(id)!;
}

/** The body if this process has already read it, without a query (for paths that fall back when it has not). */
export const versionBodyIfKnown = (id: string): VersionBody | undefined => cache.get(id);

/** Empties the cache, as a restarted process would have it (tests use this to exercise cold paths). */
export function forgetVersionBodies(): void {
  cache.clear();
}
