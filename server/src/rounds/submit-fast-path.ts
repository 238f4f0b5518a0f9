import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptEarly, type EtagFn, type Step, parseWith, sendJson } from "../http/index.ts";
import type { RoundDeps } from "./close-round.ts";
import { roundParams, submitBody } from "./schemas.ts";
import { submitForSession } from "./submit-answer.ts";

export interface SubmitFastPathDeps extends RoundDeps {
  sessionSecret: string;
  before: readonly Step[];
  /** The app's response compression, which the route's JSON reply passes through (it adds `Vary`). */
  compress: Step;
  /** Express's ETag function (`app.get("etag fn")`), so the reply carries the ETag `res.json` would give it. */
  etag: EtagFn;
}

const ANSWERS_PATH = /^\/api\/rounds\/([^/]+)\/answers$/;
const noop = () => undefined;

/**
 * A final answer is what 50 candidates in a round wait on after every question, and its usual case (a signed-in
 * owner answering an unanswered, unlocked question of an open round whose place in the round this process knows)
 * needs one statement, which resolves the session as well. So, as autosave, it is served before Express: the same
 * CSRF, JSON, 64 kB, schema and shape checks, graded as the route grades, stored by the statement the route uses
 * with the session check added. Whenever a rule does not plainly hold or the statement stores nothing (a resent
 * idempotency key, an answered question, the round closed), the request goes on to Express and the full route,
 * which answers as it always did.
 */
export function submitFastPath(deps: SubmitFastPathDeps) {
  return (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: () => void): void => {
    if (req.method !== "POST") return next();
    const match = ANSWERS_PATH.exec((req.url ?? "").split("?", 1)[0]!);
    if (!match) return next();
    const id = match[1]!;
    acceptEarly(req, res, next, deps, (sessionId, sent) => {
      let input;
      try {
        parseWith(roundParams, { id }, "path");
        input = parseWith(submitBody, sent, "body");
      } catch {
        return next();
      }
      submitForSession(deps, sessionId, id, input).then(
        (stored) => {
          if (!stored) return next();
          deps.compress(req, res, noop);
          sendJson(res, 201, JSON.stringify(stored), deps.etag);
        },
        // A database that is down is the full route's to report (as a 503, through the error handler).
        () => next(),
      );
    });
  };
}
