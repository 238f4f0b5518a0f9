import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionIdFrom } from "./session-cookie.ts";
import { csrfRejection } from "./csrf.ts";
import { deferBodyError } from "./json-body.ts";

/** A step of the middleware stack a request served ahead of Express still takes (access log, security headers). */
export type Step = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The API's body limit (`express.json({ limit: "64kb" })`). */
const MAX_BODY = 64 * 1024;
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*("?)utf-8\2\s*)?$/i;
const noop = () => undefined;

/** What body-parser's strict JSON parser gives a body it refuses; the error handler turns it into `invalid_json`. */
const unparseable = () =>
  Object.assign(new SyntaxError("The request body is not valid JSON"), { type: "entity.parse.failed", status: 400 });

/** body-parser's strict JSON, for the plain case read here (UTF-8, no content encoding). */
function parseJson(bytes: Buffer): { value: unknown } | { error: Error } {
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Wider than JSON's whitespace, but JSON.parse refuses whatever else this skips, so the verdict is the same.
  const first = text.trimStart()[0];
  if (first !== "{" && first !== "[") return { error: unparseable() };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { error: unparseable() };
  }
}

/** The body's length when it is the plain kind read here (else undefined: Express reads it). */
function plainJsonLength(req: IncomingMessage): number | undefined {
  const h = req.headers;
  if (h["content-encoding"] !== undefined || h["transfer-encoding"] !== undefined) return undefined;
  if (!JSON_TYPE.test(h["content-type"] ?? "")) return undefined;
  const length = Number(h["content-length"]);
  return Number.isInteger(length) && length > 0 && length <= MAX_BODY ? length : undefined;
}

function readBody(req: IncomingMessage, length: number, done: (bytes: Buffer | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    chunks.push(chunk);
  });
  req.once("end", () => done(size === length ? Buffer.concat(chunks, size) : undefined));
  req.once("error", () => done(undefined));
}

/**
 * The entry of a request served ahead of Express: when it carries a signed session cookie, passes the CSRF check
 * and has a plain JSON body of at most 64 kB, the stack's first steps run, the body is read and parsed, and `serve`
 * gets the session id and the parsed body. Otherwise, or when the body does not parse, the request goes on to
 * Express untouched (a body already read is handed on parsed, or its parse error kept for the API's parser to
 * report, so the answer and its headers are the stack's own).
 */
export function acceptEarly(
  req: IncomingMessage & { body?: unknown },
  res: ServerResponse,
  next: () => void,
  opts: { sessionSecret: string; before: readonly Step[] },
  serve: (sessionId: string, body: unknown) => void,
): void {
  const sessionId = sessionIdFrom(req.headers.cookie, opts.sessionSecret);
  const length = sessionId ? plainJsonLength(req) : undefined;
  if (!sessionId || length === undefined || csrfRejection(req)) return next();
  for (const step of opts.before) step(req, res, noop);
  readBody(req, length, (bytes) => {
    const parsed = bytes
      ? parseJson(bytes)
      : { error: Object.assign(new Error("request body incomplete"), { type: "request.aborted", status: 400 }) };
    if ("error" in parsed) {
      deferBodyError(req, parsed.error);
      return next();
    }
    req.body = parsed.value;
    serve(sessionId, parsed.value);
  });
}
