import type { Prisma, Tx } from "../db/index.ts";
import type { VersionBody } from "./present.ts";
import { versionBodyRows } from "./version-repo.ts";

/**
 * Question versions never change once written, so their bodies are kept for the app's life (ids are UUIDs, so one
 * cache serves any database). Reading the JSON body through Prisma costs milliseconds per row; every round and
 * answer needs several. One per app, created with it and handed down in its dependencies, so a fresh app starts
 * cold like a restarted process.
 */
export class VersionBodies {
  private readonly bodies = new Map<string, VersionBody>();

  /**
   * The bodies of the given versions, by id (all of them; unknown ids are an error). Inside a transaction pass its
   * client: on PGlite a query outside the open transaction would wait for it forever.
   */
  async many(db: Prisma | Tx, ids: readonly string[]): Promise<Map<string, VersionBody>> {
    const missing = [...new Set(ids)].filter((id) => !this.bodies.has(id));
    if (missing.length) for (const row of await versionBodyRows(db, missing)) this.bodies.set(row.id, row.body);
    return new Map(
      ids.map((id) => {
        const body = this.bodies.get(id);
        if (!body) throw new Error(`question version ${id} not found`);
        return [id, body];
      }),
    );
  }

  async one(db: Prisma | Tx, id: string): Promise<VersionBody> {
    return (await this.many(db, [id])).get(id)!;
  }

  /** The body if this app has already read it, without a query (for paths that fall back when it has not). */
  known(id: string): VersionBody | undefined {
    return this.bodies.get(id);
  }
}
