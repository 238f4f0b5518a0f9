import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// The CLI tries to download native engines before every command; this network has no route to them and the
// JS engine never runs them, so pointing both at any existing file skips the download.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;

// The CLI is only used to generate the client and to write migration SQL (`prisma migrate diff`); the app applies
// migrations itself (server/src/db/migrate.ts) on both databases. An in-memory PGlite is enough for diffing.
let pglite: PGlite | undefined;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    pglite ??= new PGlite();
    return new PrismaPGlite(pglite);
  },
});
