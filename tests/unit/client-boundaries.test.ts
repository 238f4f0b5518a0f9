import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const eslint = new ESLint();

/** The boundary rule's messages for `code` as if it were the file at `filePath` (which need not exist). */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "import-x/no-restricted-paths").map((m) => m.message);
}

describe("client import boundaries (eslint.config.js)", () => {
  // Loading the config and its plugins takes seconds on a busy machine; pay it once, outside the tests' timeout.
  beforeAll(() => eslint.lintText("", { filePath: "client/src/lib/warm-up.ts" }), 60_000);

  it("when a feature imports another feature, then lint fails", async () => {
    const errors = await boundaryErrors("client/src/features/mentor/api/extra.ts", 'export { historyKeys } from "../../history/api/history";\n');
    expect(errors).toEqual([expect.stringContaining("Features never import each other")]);
  });

  it("when a feature imports from app/, then lint fails", async () => {
    const errors = await boundaryErrors("client/src/features/practice/utils/extra.ts", 'export { AppLayout } from "../../../app/layout";\n');
    expect(errors).toEqual([expect.stringContaining("never reaches back into app/")]);
  });

  it("when components/ or lib/ import a feature or app/, then lint fails", async () => {
    const fromComponents = await boundaryErrors("client/src/components/ui/extra.ts", 'export { MODES } from "../../features/dashboard/modes";\n');
    const fromLib = await boundaryErrors("client/src/lib/extra.ts", 'export { routes } from "../app/router";\n');
    expect([...fromComponents, ...fromLib]).toEqual([expect.stringContaining("Shared code"), expect.stringContaining("Shared code")]);
  });

  it("when a feature imports itself and shared code, or app/ composes features, then lint passes", async () => {
    const feature = 'export { api } from "../../../lib/api-client";\nexport { TableScroll } from "../../../components/ui/table-scroll";\nexport { useQueue } from "../api/mentor";\n';
    const app = 'export { useProgress } from "../../features/history/api/history";\nexport { useQueue } from "../../features/mentor/api/mentor";\n';
    expect(await boundaryErrors("client/src/features/mentor/routes/extra.tsx", feature)).toEqual([]);
    expect(await boundaryErrors("client/src/app/routes/extra.tsx", app)).toEqual([]);
  });
});
