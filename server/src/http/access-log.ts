import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Express } from "express";
import type { Logger } from "../logger.ts";

declare module "express-serve-static-core" {
  interface Request {
    /** The request's id (the caller's X-Request-Id, or a new UUID), also sent back as X-Request-Id. */
    id: string;
    /** The app's logger bound to this request's id; built when used, since most requests never log. */
    log: Logger;
  }
}

type Level = "debug" | "info" | "warn";

/** Autosaves: a client repeats them every few seconds, so their lines would drown the rest. */
const AUTOSAVE = /^\/api\/rounds\/[^/]+\/drafts\/[^/]+$/;
/** Health probes: as frequent, and only worth a line when one fails (the load balancer is about to act on it). */
const PROBE = /^\/(healthz|readyz)$/;

/** The level of a request's line by its path, once as answered (`ok`) and once as failed (`failed`). */
function levelsFor(path: string): { ok: Level; failed: Level } {
  if (PROBE.test(path)) return { ok: "debug", failed: "warn" };
  if (AUTOSAVE.test(path)) return { ok: "debug", failed: "debug" };
  return { ok: "info", failed: "info" };
}

/**
 * `req.log` for every request of the app, as a getter on the app's request prototype: defining it on each request
 * object would cost every request a slower object shape, for a logger most requests never use.
 */
export function installRequestLogger(app: Express, logger: Logger): void {
  Object.defineProperty(app.request, "log", {
    configurable: true,
    get(this: { id?: string }) {
      return logger.child({ reqId: this.id });
    },
  });
}

/**
 * One line per request once it is answered: method, path, status and duration, nothing else (no headers, so no
 * cookies to redact). With its levels off nothing is attached to the request at all. Plain Node types: the autosave
 * fast path runs it before Express has seen the request.
 */
export function accessLog(
  logger: Logger,
): (req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    // A fast path that handed the request on has already started its line.
    if (req.id) return next();
    const given = req.headers["x-request-id"];
    const id = (typeof given === "string" && given.slice(0, 100)) || randomUUID();
    req.id = id;
    res.setHeader("X-Request-Id", id);
    const path = (req.url ?? "/").split("?", 1)[0]!;
    const levels = levelsFor(path);
    if (logger.isLevelEnabled(levels.ok) || logger.isLevelEnabled(levels.failed)) {
      const started = performance.now();
      res.once("finish", () => {
        const level = res.statusCode >= 400 ? levels.failed : levels.ok;
        if (!logger.isLevelEnabled(level)) return;
        logger[level](
          {
            reqId: id,
            method: req.method,
            path,
            status: res.statusCode,
            ms: Math.round((performance.now() - started) * 10) / 10,
          },
          "request",
        );
      });
    }
    next();
  };
}
