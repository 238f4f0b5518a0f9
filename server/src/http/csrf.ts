import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import typeis from "type-is";
import { AppError } from "./app-error.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host an Origin header names, or undefined when it is "null" or not a URL at all (both count as foreign). */
function originHost(origin: string): string | undefined {
  if (!URL.canParse(origin)) return undefined;
  return new URL(origin).host || undefined;
}

/**
 * A function, not a closure made per call: under tsx (esbuild's keepNames) each named closure is renamed with
 * `Object.defineProperty` whenever it is created, which was ~1% of an autosave's server CPU.
 */
const header = (req: IncomingMessage, name: string) => req.headers[name] as string | undefined;

/**
 * CSRF defence without tokens, so plain JSON clients (curl, scripts) need nothing special:
 * - a browser always labels cross-site requests (Sec-Fetch-Site / Origin) and those are refused;
 * - a request body must be JSON, which a cross-site page cannot send without a CORS preflight we never grant;
 * - the session cookie is SameSite=Lax on top of that.
 * Non-browser clients send neither header and are judged by their session cookie alone.
 */
export function csrfRejection(req: IncomingMessage): AppError | undefined {
  if (SAFE.has(req.method ?? "")) return undefined;
  const site = header(req, "sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    return new AppError("csrf_rejected", "Cross-site requests are not allowed");
  }
  const origin = header(req, "origin");
  if (origin !== undefined && originHost(origin) !== header(req, "host")) {
    return new AppError("csrf_rejected", "Cross-site requests are not allowed");
  }
  const hasBody = Number(header(req, "content-length") ?? 0) > 0 || header(req, "transfer-encoding") !== undefined;
  if (hasBody && !typeis(req, ["application/json"])) {
    return new AppError("unsupported_media_type", "Send the request body as application/json");
  }
  return undefined;
}

export const csrfGuard: RequestHandler = (req, _res, next) => {
  const rejection = csrfRejection(req);
  if (rejection) throw rejection;
  next();
};
