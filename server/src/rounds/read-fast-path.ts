import type { IncomingMessage, ServerResponse } from "node:http";
import { parseWith, sendJson, sessionIdFrom } from "../http/index.ts";
import { roundJson } from "./round-json.ts";
import { roundParams } from "./schemas.ts";
import { ownRoundForSession } from "./service.ts";
import type { SubmitFastPathDeps } from "./submit-fast-path.ts";

const ROUND_PATH = /^\/api\/rounds\/([^/]+)$/;
const noop = () => undefined;

/** What makes Express answer differently from a plain 200 with the JSON: a conditional GET (304) or a body to parse. */
const needsExpress = (req: IncomingMessage) => {
  const h = req.headers;
  return (
    h["if-none-match"] !== undefined ||
    h["if-modified-since"] !== undefined ||
    h["transfer-encoding"] !== undefined ||
    Number(h["content-length"] ?? 0) > 0
  );
};

/**
 * A candidate's page reads its round on every load and after every answer, and Express's stack (router, body parser,
 * session read, CSRF check) cost more than building the reply. So the owner reading their own round is served before
 * Express, with one statement that resolves the session and reads the round, and the reply the route would send
 * (same steps first, same body, headers and ETag). A mentor's read, a round overdue (the route closes it first), a
 * conditional request, anything unexpected or a failing database goes on to Express and the full route.
 */
export function roundReadFastPath(deps: SubmitFastPathDeps) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== "GET") return next();
    const match = ROUND_PATH.exec((req.url ?? "").split("?", 1)[0]!);
    if (!match || needsExpress(req)) return next();
    const sessionId = sessionIdFrom(req.headers.cookie, deps.sessionSecret);
    if (!sessionId) return next();
    let id: string;
    try {
      id = parseWith(roundParams, { id: match[1] }, "path").id;
    } catch {
      return next();
    }
    // First, as the stack would: the access log times the request from here.
    for (const step of deps.before) step(req, res, noop);
    ownRoundForSession(deps, sessionId, id).then(
      (round) => {
        if (!round) return next();
        deps.compress(req, res, noop);
        sendJson(res, 200, roundJson(round, deps.now(), deps.graceSeconds, deps.lexicon), deps.etag);
      },
      // A database that is down is the full route's to report (as a 503, through the error handler).
      () => next(),
    );
  };
}
