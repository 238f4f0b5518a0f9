import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionIdFrom } from "../auth/session-cookie.ts";
import type { SqlRunner } from "../db/sql-runner.ts";
import { csrfRejection } from "../http/csrf.ts";
import { deferBodyError } from "../http/json-body.ts";
import { parseWith } from "../http/validate.ts";
import { checkAnswerShape } from "../questions/grade-answer.ts";
import { versionBodyIfKnown } from "../questions/version-bodies.ts";
import { writeDraftForSession } from "./repo.ts";
import { draftBody, questionParams } from "./schemas.ts";
import type { SlotCache } from "./slot-cache.ts";

type Step = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface AutosaveFastPathDeps {
  sql: SqlRunner;
  slots: SlotCache;
  sessionSecret: string;
  graceSeconds: number;
  now: () => Date;
  /** What the app does first for every request (access log, security headers): the fast path does it too. */
  before: readonly Step[];
}

const DRAFT_PATH = /^\/api\/rounds\/([^/]+)\/drafts\/([^/]+)$/;
/** The API's body limit (`express.json({ limit: "64kb" })`). */
const MAX_BODY = 64 * 1024;
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*("?)utf-8\2\s*)?$/i;
const noop = () => undefined;

/** What body-parser's strict JSON parser gives a body it refuses; the error handler turns it into `invalid_json`. */
const unparseable = () => Object.assign(new SyntaxError("The request body is not valid JSON"), { type: "entity.parse.failed", status: 400 });

/** body-parser's strict JSON, for the plain case the fast path accepts (UTF-8, no content encoding). */
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

/** The request's body when it is the plain kind the fast path reads itself (else undefined: Express reads it). */
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
 * Autosave is the request a candidate's browser sends most, every few seconds per question, and Express's own
 * per-request work costs more than the save itself. So its usual case (a signed-in owner saving an open round's
 * question whose place in the round this process knows) is served before Express, with one statement that resolves
 * the session and writes the draft. Every rule still applies: CSRF, JSON and the 64 kB limit, the schemas and the
 * unsafe-text check, the answer's shape, ownership, open round, cut-off, unanswered question, unlocked follow-up.
 * Whenever one of them does not plainly hold, or the statement writes nothing, the request goes on to Express and
 * the full route, which answers as it always did (a body already read is handed on parsed, or its parse error kept
 * for the API's parser to report).
 */
export function autosaveFastPath(deps: AutosaveFastPathDeps) {
  return (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: () => void): void => {
    if (req.method !== "PUT") return next();
    const match = DRAFT_PATH.exec((req.url ?? "").split("?", 1)[0]!);
    if (!match) return next();
    const [, id, slug] = match as unknown as [string, string, string];
    const slot = deps.slots.get(id, slug);
    const body = slot && versionBodyIfKnown(slot.questionVersionId);
    const sessionId = body && sessionIdFrom(req.headers.cookie, deps.sessionSecret);
    const length = sessionId ? plainJsonLength(req) : undefined;
    if (!slot || !body || !sessionId || length === undefined || csrfRejection(req)) return next();
    for (const step of deps.before) step(req, res, noop);
    readBody(req, length, (bytes) => {
      const parsed = bytes ? parseJson(bytes) : { error: Object.assign(new Error("request body incomplete"), { type: "request.aborted", status: 400 }) };
      if ("error" in parsed) {
        deferBodyError(req, parsed.error);
        return next();
      }
      req.body = parsed.value;
      let answer;
      try {
        parseWith(questionParams, { id, slug }, "path");
        answer = parseWith(draftBody, parsed.value, "body").answer;
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
