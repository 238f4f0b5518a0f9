import type { ErrorRequestHandler, RequestHandler } from "express";
import { isDatabaseUnavailable } from "../db/index.ts";
import { AppError } from "./app-error.ts";

/** Seconds a client should wait before retrying when the database is unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError("not_found", `No route for ${req.method} ${req.originalUrl.split("?")[0]}`));
};

/** Translates body-parser's errors (they carry `type` and `status`) into the API's own codes. */
function fromBodyParser(error: { type?: string; status?: number }): AppError | undefined {
  switch (error.type) {
    case "entity.parse.failed":
      return new AppError("invalid_json", "The request body is not valid JSON");
    case "entity.too.large":
      return new AppError("payload_too_large", "The request body is too large");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new AppError("unsupported_media_type", "Unsupported body encoding");
    default:
      return error.status && error.status >= 400 && error.status < 500
        ? new AppError("bad_request", "The request could not be read")
        : undefined;
  }
}

/** A lost connection, a pool that cannot hand one out in time, a database that is down: retry later, not a bug. */
function fromDatabase(error: unknown): AppError | undefined {
  if (!isDatabaseUnavailable(error)) return undefined;
  return new AppError("database_unavailable", "The database is unavailable; try again shortly", undefined, {
    "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
  });
}

/** The one place errors become responses: a stable JSON shape, never a stack trace or SQL. */
export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) {
    // E.g. the session store failed after the reply was written, or a streamed export broke off: a complete reply
    // stands, one under way can only be cut short (Express does that).
    req.log.warn({ err: error }, "error after the response had started");
    return res.writableEnded ? undefined : next(error);
  }
  const known = error instanceof AppError ? error : (fromBodyParser(error) ?? fromDatabase(error));
  const appError = known ?? new AppError("internal", "Something went wrong on our side");
  if (!known) req.log.error({ err: error }, "unhandled error");
  else if (appError.code === "database_unavailable") req.log.warn({ err: error }, "database unavailable");
  if (appError.headers) res.set(appError.headers);
  res.status(appError.status).json(appError.toJSON());
};
