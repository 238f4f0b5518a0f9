import type { ServerResponse } from "node:http";

/** Express's ETag function (`app.get("etag fn")`), so a reply sent ahead of Express carries the ETag it would. */
export type EtagFn = ((body: Buffer, encoding: "utf8") => string | undefined) | undefined;

/**
 * `res.status(status).json(value)` as Express writes it, given `JSON.stringify(value)`, for a fresh request (no
 * conditional headers: those are Express's to answer, with a 304) that is not a HEAD.
 */
export function sendJson(res: ServerResponse, status: number, json: string, etag: EtagFn): void {
  const body = Buffer.from(json, "utf8");
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  const tag = etag?.(body, "utf8");
  if (tag) res.setHeader("ETag", tag);
  res.setHeader("Content-Length", body.length);
  res.end(body);
}
