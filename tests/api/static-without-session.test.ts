import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import supertest from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { staticClient } from "../../server/src/client-assets.ts";
import type { Prepared } from "../../server/src/db/sql-runner.ts";
import { signUpTo } from "../setup/fast-path-apps.ts";
import { createTestApp, describeEachDatabase, type TestApp } from "../setup/test-app.ts";

const BUNDLE = "/assets/index-Cx9aQ2Lm.js";
const PAGE = `<!doctype html><html><head><script type="module" src="${BUNDLE}"></script></head><body></body></html>`;

/** A stand-in for `vite build`'s output: the page, one hashed bundle, one unhashed file. */
function fakeBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "watermark-client-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), PAGE);
  writeFileSync(path.join(dir, BUNDLE), "export const ready = true;\n");
  writeFileSync(path.join(dir, "robots.txt"), "User-agent: *\n");
  return dir;
}

describeEachDatabase("pages and assets skip the API's session and body handling", (kind) => {
  let t: TestApp;
  let dist: string;
  /** Every statement that touched the session table, from any request. */
  const sessionStatements: string[] = [];
  let cookie: string;

  beforeAll(async () => {
    dist = fakeBuild();
    t = await createTestApp(kind, { client: staticClient(dist) });
    const note = (sql: string | Prepared) => {
      const text = typeof sql === "string" ? sql : sql.text;
      if (text.includes(`"Session"`)) sessionStatements.push(text.trim().split(/\s+/, 1)[0]!);
    };
    const query = t.db.sql.query.bind(t.db.sql);
    const run = t.db.sql.run.bind(t.db.sql);
    t.db.sql.query = ((sql, params, row) => (note(sql), query(sql, params, row))) as typeof query;
    t.db.sql.run = (sql, params) => (note(sql), run(sql, params));
    ({ cookie } = await signUpTo(t));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });
  beforeEach(() => {
    sessionStatements.length = 0;
  });

  it("when a signed-in browser loads the page, a client route, the bundle or a static file, then no session is read or written", async () => {
    expect(cookie).toMatch(/^wm\.sid=/);
    for (const [url, accept] of [
      ["/", "text/html"],
      ["/practice/flink", "text/html"],
      [BUNDLE, "*/*"],
      ["/robots.txt", "*/*"],
    ] as const) {
      const res = await supertest(t.app).get(url).set("Cookie", cookie).set("Accept", accept);
      expect(res.status, url).toBe(200);
      expect(res.headers["set-cookie"], url).toBeUndefined();
    }
    expect(sessionStatements).toEqual([]);
  });

  it("when a body is sent with a page request, then it is not parsed as the API's JSON", async () => {
    const res = await supertest(t.app)
      .post("/")
      .set("Cookie", cookie)
      .set("Content-Type", "application/json")
      .send("{not json");
    // The API would answer 400 invalid_json; outside it nobody reads the body, so the request is simply not found.
    expect(res.status).toBe(404);
    expect(sessionStatements).toEqual([]);
  });

  it("when the health probes are called with a session cookie, then no session is read", async () => {
    await supertest(t.app).get("/healthz").set("Cookie", cookie).expect(200);
    await supertest(t.app).get("/readyz").set("Cookie", cookie).expect(200);
    expect(sessionStatements).toEqual([]);
  });

  it("when an API route is called, then it reads the session; signing out deletes it", async () => {
    const me = await supertest(t.app).get("/api/me").set("Cookie", cookie).expect(200);
    expect(me.body.user).toBeTruthy();
    expect(sessionStatements).toEqual(["SELECT"]);
    await supertest(t.app).post("/api/auth/logout").set("Cookie", cookie).expect(204);
    expect(sessionStatements).toEqual(["SELECT", "SELECT", "DELETE"]);
  });

  it("when an unknown API path is asked for by a browser, then it is the API's JSON 404, not the page", async () => {
    const res = await supertest(t.app).get("/api/nope").set("Accept", "text/html").expect(404);
    expect(res.body).toEqual({ error: { code: "not_found", message: "No route for GET /api/nope" } });
  });

  it("when the API documents its routes, then the paths are the full /api ones clients call", async () => {
    const res = await supertest(t.app).get("/api/openapi.json").expect(200);
    const paths = Object.keys(res.body.paths as Record<string, unknown>);
    expect(paths).toContain("/api/me");
    expect(paths).toContain("/api/questions/{slug}");
    expect(paths.every((p) => p.startsWith("/api/"))).toBe(true);
  });
});

describe("a client that answers every path (as Vite's dev server does)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite", { client: (_req, res) => void res.type("html").send("<!doctype html>page") });
  });
  afterAll(() => t.close());

  it("when an API path is asked for, then the API answers it, known or not; other paths go to the client", async () => {
    await supertest(t.app).get("/api/questions").set("Accept", "*/*").expect(200).expect("Content-Type", /json/);
    const missing = await supertest(t.app).get("/api/nope").set("Accept", "*/*").expect(404);
    expect(missing.body.error.code).toBe("not_found");
    await supertest(t.app).get("/apiary").set("Accept", "*/*").expect(200, "<!doctype html>page");
  });
});
