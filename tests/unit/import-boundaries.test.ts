import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The sample files do not exist, so the type-aware rules (which need them in the TypeScript project) are left out.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      "@typescript-eslint/no-floating-promises": "off",
      "@typescript-eslint/no-misused-promises": "off",
      "@typescript-eslint/await-thenable": "off",
    },
  },
});

/** The boundary rule's messages for `code` as if it were the file at `filePath` (which need not exist). */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "import-x/no-restricted-paths").map((m) => m.message);
}

const DATABASE_RULES = new Set(["no-restricted-syntax", "no-restricted-imports", "no-restricted-properties"]);

/** The database rule's messages for `code` as the file at `filePath`. */
async function databaseErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => DATABASE_RULES.has(m.ruleId ?? "")).map((m) => m.message);
}

describe("import boundaries (eslint.config.js)", () => {
  // Loading the config and its plugins takes seconds on a busy machine; pay it once, outside the tests' timeout.
  beforeAll(() => eslint.lintText("", { filePath: "client/src/lib/warm-up.ts" }), 60_000);

  it("when a feature imports another feature, then lint fails", async () => {
    const errors = await boundaryErrors(
      "client/src/features/mentor/api/extra.ts",
      'export { historyKeys } from "../../history/api/history";\n',
    );
    expect(errors).toEqual([expect.stringContaining("Features never import each other")]);
  });

  it("when a feature imports from app/, then lint fails", async () => {
    const errors = await boundaryErrors(
      "client/src/features/practice/utils/extra.ts",
      'export { AppLayout } from "../../../app/layout";\n',
    );
    expect(errors).toEqual([expect.stringContaining("never reaches back into app/")]);
  });

  it("when components/ or lib/ import a feature or app/, then lint fails", async () => {
    const fromComponents = await boundaryErrors(
      "client/src/components/ui/extra.ts",
      'export { MODES } from "../../features/dashboard/modes";\n',
    );
    const fromLib = await boundaryErrors("client/src/lib/extra.ts", 'export { routes } from "../app/router";\n');
    expect([...fromComponents, ...fromLib]).toEqual([
      expect.stringContaining("Shared code"),
      expect.stringContaining("Shared code"),
    ]);
  });

  it("when a feature imports itself and shared code, or app/ composes features, then lint passes", async () => {
    const feature =
      'export { api } from "../../../lib/api-client";\nexport { TableScroll } from "../../../components/ui/table-scroll";\nexport { useQueue } from "../api/mentor";\n';
    const app =
      'export { useProgress } from "../../features/history/api/history";\nexport { useQueue } from "../../features/mentor/api/mentor";\n';
    expect(await boundaryErrors("client/src/features/mentor/routes/extra.tsx", feature)).toEqual([]);
    expect(await boundaryErrors("client/src/app/routes/extra.tsx", app)).toEqual([]);
  });

  it("when a server module imports another module's file instead of its index.ts, then lint fails", async () => {
    const errors = await boundaryErrors(
      "server/src/rounds/extra.ts",
      'export { titleOf } from "../questions/present.ts";\n',
    );
    expect(errors).toEqual([expect.stringContaining("through its public file")]);
    const fromRoot = await boundaryErrors("server/src/extra.ts", 'export { titleOf } from "./questions/present.ts";\n');
    expect(fromRoot).toEqual([expect.stringContaining("through their index.ts")]);
  });

  it("when a server module uses its own files and other modules' index.ts, then lint passes", async () => {
    const code =
      'export { titleOf } from "../questions/index.ts";\nexport { findRound } from "./repo.ts";\nexport { loadConfig } from "../config.ts";\n';
    expect(await boundaryErrors("server/src/rounds/extra.ts", code)).toEqual([]);
  });
});

describe("the database rule (eslint.config.js, decision 008)", () => {
  beforeAll(() => eslint.lintText("", { filePath: "server/src/rounds/warm-up.ts" }), 60_000);

  it("when a service queries a client directly, whatever the variable, then lint fails", async () => {
    const code = [
      "export const a = (db: any) => db.user.findMany();",
      "export const b = (tx: any) => tx.answer.count();",
      "export const c = (deps: any) => deps.prisma.round.findFirst();",
      "export const d = (deps: any, id: string) => deps.db.sql.query('SELECT 1', [id]);",
    ].join("\n");
    expect(await databaseErrors("server/src/rounds/service-extra.ts", code)).toHaveLength(4);
  });

  it("when a service imports the SQL tag or row readers, then lint fails; a repo file may", async () => {
    const code = 'import { queryRows, sql } from "../db/index.ts";\nexport { queryRows, sql };\n';
    expect(await databaseErrors("server/src/rounds/service-extra.ts", code)).toHaveLength(2);
    expect(await databaseErrors("server/src/rounds/extra-repo.ts", code)).toEqual([]);
  });

  it("when SQL is spliced (Unsafe, Prisma.raw, a template filled at the call), then lint fails, even in a repo file", async () => {
    const code = [
      "export const a = (db: any, id: string) => db.$queryRawUnsafe(`SELECT ${id}`);",
      "export const b = (Prisma: any, name: string) => Prisma.raw(name);",
      "export const c = (runner: any, sid: string) => runner.run(`DELETE FROM s WHERE sid = '${sid}'`);",
    ].join("\n");
    expect(await databaseErrors("server/src/auth/extra-repo.ts", code)).toHaveLength(3);
  });

  it("when a repo file queries, opens a transaction or runs a constant prepared statement, then lint passes", async () => {
    const code = [
      "const FIND = `SELECT * FROM s WHERE sid = $1`;",
      "export const a = (db: any) => db.user.findMany();",
      "export const b = (deps: any, sid: string) => deps.db.sql.query(FIND, [sid]);",
      "export const c = (prisma: any) => prisma.$transaction(async () => undefined);",
    ].join("\n");
    expect(await databaseErrors("server/src/auth/extra-repo.ts", code)).toEqual([]);
  });
});
