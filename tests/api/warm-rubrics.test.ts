import { afterAll, beforeAll, expect, it } from "vitest";
import { warmRubrics } from "../../server/src/questions/warm-rubrics.ts";
import { bank, createTestApp, describeEachDatabase, type TestApp } from "../setup/test-app.ts";

describeEachDatabase("rubrics compiled ahead", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it("when the server has started, then every active free-text question's rubric is compiled once, and stopping ends it", async () => {
    const freeText = bank().questions.filter((q) => q.type === "free-text").length;
    expect(await warmRubrics(t.db.prisma, bank().lexicon)).toBe(freeText);
    expect(await warmRubrics(t.db.prisma, bank().lexicon, () => true)).toBe(0);
  });
});
