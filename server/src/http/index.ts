/** The http module's public surface: other modules import from here, never from its files. */
export { accessLog, installRequestLogger } from "./access-log.ts";
export { apiDocsRoutes } from "./api-docs.ts";
export { AppError, notFound } from "./app-error.ts";
export { clientAddressKey } from "./client-address.ts";
export { compressResponses } from "./compress.ts";
export { csrfGuard } from "./csrf.ts";
export { csvQuery } from "./csv-query.ts";
export { acceptEarly } from "./early-json.ts";
export type { Step } from "./early-json.ts";
export { errorHandler, notFoundHandler } from "./error-handler.ts";
export { healthRoutes } from "./health.ts";
export { jsonBody } from "./json-body.ts";
export { RateLimiter } from "./rate-limit.ts";
export { API_PREFIX, createRegistry, defineRoute, outsideApi } from "./route.ts";
export { sendJson } from "./send-json.ts";
export type { EtagFn } from "./send-json.ts";
export { SESSION_COOKIE, sessionIdFrom, signSessionId } from "./session-cookie.ts";
export { parseWith } from "./validate.ts";
