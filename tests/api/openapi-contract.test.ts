import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { DOCUMENTED_RESPONSES } from "../client/support/api-contract.ts";
import { contractOf } from "../setup/response-contract.ts";
import { createTestApp, type TestApp } from "../setup/test-app.ts";

describe("the client tests' contract", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  });
  afterAll(() => t.close());

  it("when the server registers its routes, then the client mocks' table names the very same schemas, and every one", () => {
    const responses = contractOf(t.app.locals.openApi as OpenAPIRegistry).routes.flatMap((r) =>
      [...r.responses].flatMap(([status, schema]) =>
        schema ? [{ key: `${r.method} ${r.template} ${status}`, status, schema }] : [],
      ),
    );
    // An error without a schema of its own is registered with the one shared error shape, which the mocks meet anyway.
    const uses = new Map<z.ZodType, number>();
    for (const r of responses) if (r.status >= 400) uses.set(r.schema, (uses.get(r.schema) ?? 0) + 1);
    const shared = [...uses].sort((a, b) => b[1] - a[1])[0]?.[0];
    const documented = responses.filter((r) => r.schema !== shared);

    const table = new Map(
      DOCUMENTED_RESPONSES.map(([method, path, status, schema]) => [
        `${method.toUpperCase()} ${path} ${status}`,
        schema,
      ]),
    );
    expect([...table.keys()].sort()).toEqual(documented.map((r) => r.key).sort());
    for (const { key, schema } of documented) expect(table.get(key), key).toBe(schema);
  });
});
