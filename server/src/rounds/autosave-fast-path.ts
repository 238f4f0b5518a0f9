import type { IncomingMessage, ServerResponse } from "node:http";
import type { SqlRunner } from "../db/index.ts";
import { acceptEarly, type Step, parseWith } from "../http/index.ts";
import { checkAnswerShape, type VersionBodies } from "../questions/index.ts";
import { writeDraftForSession } from "./repo.ts";
import { draftBody, questionParams } from "./schemas.ts";
import type { SlotCache } from "./slot-cache.ts";

export interface EarlyRouteDeps {
  sql: SqlRunner;
  slots: SlotCache;
  versionBodies: VersionBodies;
  sessionSecret: string;
  graceSeconds: number;
  now: () => Date;
  /** What the app does first for every request (access log, security headers): a request served early does it too. */
  before: readonly Step[];
}

const DRAFT_PATH = /^\/api\/rounds\/([^/]+)\/drafts\/([^/]+)$/;

/**
 * Autosave is the request a candidate's browser sends most, every few seconds per question, and Express's own
 * per-request work costs more than the save itself. So its usual case (a signed-in owner saving an open round's
 * question whose place in the round this process knows) is served before Express, with one statement that resolves
 * the session and writes the draft. Every rule still applies: CSRF, JSON and the 64 kB limit, the schemas and the
 * unsafe-text check, the answer's shape, ownership, open round, cut-off, unanswered question, unlocked follow-up.
 * Whenever one of them does not plainly hold, or the statement writes nothing, the request goes on to Express and
 * the full route, which answers as it always did (a body already read is handed on parsed, or its parse error kept
 * for the API's parser to report).
 */
export function autosaveFastPath(deps: EarlyRouteDeps) {
  return (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: () => void): void => {
    if (req.method !== "PUT") return next();
    const match = DRAFT_PATH.exec((req.url ?? "").split("?", 1)[0]!);
    if (!match) return next();
    const id = match[1]!;
    const slug = match[2]!;
    const slot = deps.slots.get(id, slug);
    const body = slot && deps.versionBodies.known(slot.questionVersionId);
    if (!slot || !body) return next();
    acceptEarly(req, res, next, deps, (sessionId, sent) => {
      let answer;
      try {
        parseWith(questionParams, { id, slug }, "path");
        answer = parseWith(draftBody, sent, "body").answer;
        checkAnswerShape(body, answer);
      } catch {
        return next();
      }
      const now = deps.now();
      writeDraftForSession(deps.sql, {
        sessionId,
        roundId: id,
        slotId: slot.id,
        draft: answer,
        savedAt: now,
        cutoff: new Date(now.getTime() - deps.graceSeconds * 1000),
        parentSlug: body.followUpOf ?? null,
      }).then(
        (written) => {
          if (!written) return next();
          res.statusCode = 204;
          res.end();
        },
        // A database that is down is the full route's to report (as a 503, through the error handler).
        () => next(),
      );
    });
  };
}
