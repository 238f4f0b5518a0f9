import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticClient } from "../../server/src/client-assets.ts";
import { createTestApp, signedUpAgent, type TestApp } from "../setup/test-app.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";
const BUNDLE = "/assets/index-Bq3xY7kA.js";
const bundle = Buffer.from(
  Array.from({ length: 2000 }, (_, i) => `export const value${i} = "${i.toString(36)}";`).join("\n"),
);
const indexHtml = `<!doctype html><html><head><script type="module" src="${BUNDLE}"></script></head><body></body></html>`;

/** A tiny stand-in for `vite build`'s output: index.html, hashed files under assets/, an unhashed file at the root. */
function fakeBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "watermark-client-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), indexHtml);
  writeFileSync(path.join(dir, BUNDLE), bundle);
  writeFileSync(path.join(dir, "robots.txt"), "User-agent: *\n");
  return dir;
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The bytes as they cross the wire: supertest would ask for gzip itself and decode before we could look. */
function fetchRaw(server: Server, urlPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { port } = server.address() as { port: number };
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

function decoded(res: RawResponse): Buffer {
  switch (res.headers["content-encoding"]) {
    case "br":
      return brotliDecompressSync(res.body);
    case "gzip":
      return gunzipSync(res.body);
    case undefined:
      return res.body;
    default:
      throw new Error(`unexpected encoding ${res.headers["content-encoding"]}`);
  }
}

describe("compression and caching", () => {
  let t: TestApp;
  let server: Server;
  let dist: string;
  beforeAll(async () => {
    dist = fakeBuild();
    t = await createTestApp("pglite", { client: staticClient(dist) });
    server = t.app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("when a hashed bundle is asked for with br and gzip, then it comes brotli-compressed and cached for a year", async () => {
    const res = await fetchRaw(server, BUNDLE, { "Accept-Encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.body.length).toBeLessThan(bundle.length / 2);
    expect(decoded(res).equals(bundle)).toBe(true);
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
  });

  it("when only gzip is accepted, then the bundle comes gzipped", async () => {
    const res = await fetchRaw(server, BUNDLE, { "Accept-Encoding": "gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(decoded(res).equals(bundle)).toBe(true);
  });

  it("when no encoding is accepted, then the bundle is sent as it is, still immutable", async () => {
    const res = await fetchRaw(server, BUNDLE);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.equals(bundle)).toBe(true);
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
  });

  it("when index.html or a client route is loaded, then it must be revalidated every time", async () => {
    for (const urlPath of ["/", "/index.html", "/rounds/abc/results"]) {
      const res = await fetchRaw(server, urlPath, { Accept: "text/html", "Accept-Encoding": "br, gzip" });
      expect(res.status, urlPath).toBe(200);
      expect(res.headers["cache-control"], urlPath).toBe("no-cache");
      expect(decoded(res).toString(), urlPath).toBe(indexHtml);
    }
  });

  it("when an unhashed static file is loaded, then it is cached briefly", async () => {
    const res = await fetchRaw(server, "/robots.txt");
    expect(res.headers["cache-control"]).toBe("public, max-age=3600");
  });

  it("when a hashed asset does not exist (an older build's), then 404 rather than index.html", async () => {
    const res = await fetchRaw(server, "/assets/index-0ld0ld00.js", { Accept: "*/*" });
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toMatch(/json/);
  });

  it("when API JSON is over 1 kB, then it is compressed; under 1 kB, then not", async () => {
    const big = await fetchRaw(server, "/api/questions", { "Accept-Encoding": "br, gzip" });
    expect(big.status).toBe(200);
    expect(big.headers["content-encoding"]).toBe("br");
    expect(big.headers.vary).toMatch(/accept-encoding/i);
    expect(decoded(big).length).toBeGreaterThan(1024);
    expect(JSON.parse(decoded(big).toString()).items.length).toBeGreaterThan(0);

    const small = await fetchRaw(server, "/api/me", { "Accept-Encoding": "br, gzip" });
    expect(small.status).toBe(401);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(small.body.toString()).error.code).toBe("unauthenticated");
  });

  it("when the CSV export is streamed compressed, then it arrives whole", async () => {
    const { agent } = await signedUpAgent(t.app);
    const res = await agent
      .get("/api/answers/export.csv")
      .set("Accept-Encoding", "gzip")
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect((res.body as Buffer).toString()).toMatch(/^\uFEFFsubmitted/);
  });
});
