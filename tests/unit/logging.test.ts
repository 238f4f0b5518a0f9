import { Writable } from "node:stream";
import express from "express";
import supertest from "supertest";
import { describe, expect, it } from "vitest";
import { accessLog } from "../../server/src/http/access-log.ts";
import { createLogger, defaultLogFormat } from "../../server/src/logger.ts";
import type { LogFormat } from "../../server/src/config.ts";

/** A logger writing into memory; `lines()` is everything it wrote, one entry per line. */
function capturedLogger(level: string, format: LogFormat) {
  let text = "";
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const logger = createLogger(level, { format, destination: out });
  return { logger, lines: () => text.split("\n").filter(Boolean) };
}

// eslint-disable-next-line no-control-regex
const plain = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, "");

describe("log format", () => {
  it("when stdout is a terminal, then logs are pretty by default; otherwise JSON", () => {
    expect(defaultLogFormat(true)).toBe("pretty");
    expect(defaultLogFormat(false)).toBe("json");
  });

  it("when the format is json, then each line is a JSON object with level, message and fields", () => {
    const { logger, lines } = capturedLogger("info", "json");
    logger.info({ port: 3000 }, "Watermark is ready");
    expect(lines()).toHaveLength(1);
    expect(JSON.parse(lines()[0]!)).toMatchObject({ level: 30, msg: "Watermark is ready", port: 3000 });
  });

  it("when the format is pretty, then a line is for reading: level name and message, fields below, not JSON", () => {
    const { logger, lines } = capturedLogger("info", "pretty");
    logger.info({ port: 3000 }, "Watermark is ready");
    const [first, ...rest] = lines().map(plain);
    expect(() => JSON.parse(first!)).toThrow();
    expect(first).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Watermark is ready$/);
    expect(rest).toEqual(["    port: 3000"]);
  });

  it("when the format is pretty, then a request is one line: method, path, status and time, with its id below", () => {
    const { logger, lines } = capturedLogger("info", "pretty");
    logger.info({ reqId: "r-1", method: "GET", path: "/api/questions", status: 200, ms: 3.1 }, "request");
    expect(lines().map(plain)).toEqual([
      expect.stringMatching(/\] INFO: GET \/api\/questions 200 3\.1 ms$/),
      '    reqId: "r-1"',
    ]);
  });

  it("when a cookie would be logged, then it is redacted in either format", () => {
    for (const format of ["json", "pretty"] as const) {
      const { logger, lines } = capturedLogger("info", format);
      logger.info({ req: { headers: { cookie: "wm.sid=secret" } } }, "odd request");
      expect(lines().join("\n"), format).not.toContain("secret");
    }
  });
});

describe("access log levels", () => {
  /** An app whose probes answer `readyStatus` for readiness, logged at `level`. */
  function probedApp(level: string, readyStatus: number) {
    const captured = capturedLogger(level, "json");
    const app = express();
    app.use(accessLog(captured.logger));
    app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
    app.get("/readyz", (_req, res) => void res.status(readyStatus).json({}));
    app.get("/api/questions", (_req, res) => void res.json([]));
    app.put("/api/rounds/r1/drafts/q1", (_req, res) => void res.status(409).json({}));
    const entries = () =>
      captured.lines().map((line) => JSON.parse(line) as { level: number; path: string; status: number });
    return { app, entries };
  }

  it("when probes succeed at info, then they are not logged; other requests are", async () => {
    const { app, entries } = probedApp("info", 200);
    await supertest(app).get("/healthz").expect(200);
    await supertest(app).get("/readyz").expect(200);
    await supertest(app).get("/api/questions").expect(200);
    expect(entries().map((e) => [e.level, e.path])).toEqual([[30, "/api/questions"]]);
  });

  it("when readiness fails, then its line is a warning even with info as the level", async () => {
    const { app, entries } = probedApp("info", 503);
    await supertest(app).get("/readyz").expect(503);
    expect(entries()).toMatchObject([{ level: 40, path: "/readyz", status: 503 }]);
  });

  it("when the level is debug, then successful probes and autosaves (even refused ones) are logged at debug", async () => {
    const { app, entries } = probedApp("debug", 200);
    await supertest(app).get("/healthz").expect(200);
    await supertest(app).put("/api/rounds/r1/drafts/q1").expect(409);
    expect(entries().map((e) => [e.level, e.path])).toEqual([
      [20, "/healthz"],
      [20, "/api/rounds/r1/drafts/q1"],
    ]);
  });

  it("when the level is warn, then a failed probe is still logged and ordinary requests are not", async () => {
    const { app, entries } = probedApp("warn", 503);
    await supertest(app).get("/api/questions").expect(200);
    await supertest(app).get("/readyz").expect(503);
    expect(entries().map((e) => [e.level, e.path])).toEqual([[40, "/readyz"]]);
  });
});
