import type { RequestHandler } from "express";
import { sessionIdFrom } from "../auth/session-cookie.ts";
import type { SqlRunner } from "../db/sql-runner.ts";
import { csrfRejection } from "../http/csrf.ts";
import { deferBodyError } from "../http/json-body.ts";
import { parseWith } from "../http/validate.ts";
import { checkAnswerShape } from "../questions/grade-answer.ts";
import { versionBodyIfKnown } from "../questions/version-bodies.ts";
import { writeDraftForSession } from "./repo.ts";
import { draftBody, draftParams } from "./schemas.ts";
import type { SlotCache } from "./slot-cache.ts";

const noop = () => undefined;
const DRAFT_PATH = /^\/api\/rounds\/([^/]+)\/drafts\/([^/]+)$/;

export interface AutosaveFastPathDeps {
  sql: SqlRunner;
  slots: SlotCache;
  sessionSecret: string;
  graceSeconds: number;
  now: () => Date;
  /** The API's own JSON body parser (same limit, same errors). */
  json: RequestHandler;
  /** What the stack does first for every request (access log, security headers): the fast path does it too. */
  before: readonly RequestHandler[];
}

/**
 * Autosave is the request a candidate's browser sends most, every few seconds per question. Its usual case (a
 * signed-in owner saving an open round's question it has seen before) is served here, first in the app, with one
 * statement that resolves the session and writes the draft: no session middleware, router or compression. Every rule is still
 * applied (CSRF, the body's size and JSON, the schemas, the answer's shape, ownership, open round, cut-off,
 * unanswered question, unlocked follow-up); whenever one of them does not hold plainly, or the statement writes
 * nothing, the request goes on to the full route, which gives the answer (and the error) it always gave.
 */
export function autosaveFastPath(deps: AutosaveFastPathDeps): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "PUT") return next();
    const match = DRAFT_PATH.exec(req.path);
    if (!match) return next();
    const sessionId = sessionIdFrom(req.headers.cookie, deps.sessionSecret);
    const [, id, slug] = match as unknown as [string, string, string];
    const slot = deps.slots.get(id, slug);
    const body = slot && versionBodyIfKnown(slot.questionVersionId);
    if (!sessionId || !body || csrfRejection(req)) return next();
    for (const step of deps.before) step(req, res, noop);
    deps.json(req, res, (parseError?: unknown) => {
      if (parseError) {
        deferBodyError(req, parseError);
        return next();
      }
      let answer;
      try {
        parseWith(draftParams, { id, slug }, "path");
        answer = parseWith(draftBody, req.body ?? {}, "body").answer;
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
      }).then((written) => (written ? void res.status(204).end() : next()), next);
    });
  };
}
