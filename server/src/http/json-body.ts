import type { IncomingMessage } from "node:http";
import express, { type RequestHandler } from "express";

const DEFERRED = Symbol("deferred body error");
type WithDeferred = IncomingMessage & { [DEFERRED]?: unknown };

/**
 * The API's JSON body parser (64 kB). A fast path ahead of the middleware stack may read the body itself and then
 * hand the request on: a body it could not parse is kept here (`deferBodyError`) and reported when the request
 * reaches this parser in the stack, so the error response gets every header the stack adds, as it would have.
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({ limit: "64kb" });
  return (req, res, next) => {
    const deferred = (req as WithDeferred)[DEFERRED];
    if (deferred !== undefined) return next(deferred);
    parse(req, res, next);
  };
}

export function deferBodyError(req: IncomingMessage, error: unknown): void {
  (req as WithDeferred)[DEFERRED] = error;
}
