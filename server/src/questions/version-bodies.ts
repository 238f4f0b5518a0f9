import type { Prisma } from "../db/database.ts";
import type { VersionBody } from "./present.ts";

// Question versions never change once written, so their bodies can be cached for the life of the process.
// Reading the JSON body through Prisma costs milliseconds per row; every round and answer needs several.
const caches = new WeakMap<Prisma, Map<string, VersionBody>>();

/** The bodies of the given question versions, by id (all of them; unknown ids are an error). */
export async function versionBodies(prisma: Prisma, ids: readonly string[]): Promise<Map<string, VersionBody>> {
  let cache = caches.get(prisma);
  if (!cache) caches.set(prisma, (cache = new Map()));
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length) {
    const rows = await prisma.questionVersion.findMany({ where: { id: { in: missing } }, select: { id: true, body: true } });
    for (const row of rows) cache.set(row.id, row.body as unknown as VersionBody);
  }
  return new Map(ids.map((id) => {
    const body = cache.get(id);
    if (!body) throw new Error(`question version ${id} not found`);
    return [id, body];
  }));
}

export async function versionBody(prisma: Prisma, id: string): Promise<VersionBody> {
  return (await versionBodies(prisma, [id])).get(id)!;
}
