import type { Request, RequestHandler, Response } from "express";
import type { SqlRunner } from "../db/index.ts";
import { AppError, SESSION_COOKIE, sessionIdFrom, signSessionId } from "../http/index.ts";
import { createSession, destroySession, findSession, SESSION_TTL_MS } from "./session-repo.ts";

export interface SessionUser {
  id: string;
  role: "candidate" | "mentor";
}

declare module "express-serve-static-core" {
  interface Request {
    /** The signed-in user, when the request carries a live session. */
    session?: SessionUser;
    /** The id of that session (kept so signing in or out can retire it). */
    sessionId?: string;
  }
}

interface SessionConfig {
  sql: SqlRunner;
  secret: string;
  secureCookies: boolean;
}

const CONFIG = Symbol("session config");
type WithConfig = Request & { [CONFIG]?: SessionConfig };

/** Reads the session a request's signed cookie names: one statement when there is a cookie, none otherwise. */
export function sessionMiddleware(opts: { sql: SqlRunner; secret: string; secureCookies: boolean }): RequestHandler {
  const config: SessionConfig = { sql: opts.sql, secret: opts.secret, secureCookies: opts.secureCookies };
  return (req, _res, next) => {
    (req as WithConfig)[CONFIG] = config;
    const sid = sessionIdFrom(req.headers.cookie, config.secret);
    if (!sid) return next();
    findSession(config.sql, sid).then((user) => {
      if (user) {
        req.session = user;
        req.sessionId = sid;
      }
      next();
    }, next);
  };
}

function configOf(req: Request): SessionConfig {
  const config = (req as WithConfig)[CONFIG];
  if (!config) throw new Error("sessionMiddleware must run before signing in or out");
  return config;
}

/** The signed-in user, or a 401. */
export function currentUser(req: Request): SessionUser {
  if (!req.session) throw new AppError("unauthenticated", "Sign in to continue");
  return req.session;
}

/** The signed-in user, or undefined for a visitor (routes open to both that answer each differently). */
export const signedInUser = (req: Request): SessionUser | undefined => req.session;

export const requireUser: RequestHandler = (req, _res, next) => {
  currentUser(req);
  next();
};

export const requireRole =
  (role: SessionUser["role"]): RequestHandler =>
  (req, _res, next) => {
    // A candidate calling a mentor-only route learns nothing beyond "not for you".
    if (currentUser(req).role !== role) throw new AppError("forbidden", `Only ${role}s can do this`);
    next();
  };

/**
 * Starts a fresh session for the user (no fixation: any session the request came with is ended). Secure cookies are
 * only ever sent over https: over plain http the session is created but no cookie goes out.
 */
export async function signIn(req: Request, res: Response, user: SessionUser): Promise<void> {
  const config = configOf(req);
  if (req.sessionId) await destroySession(config.sql, req.sessionId);
  const expires = new Date(Date.now() + SESSION_TTL_MS);
  const sid = await createSession(config.sql, user, expires);
  req.session = user;
  req.sessionId = sid;
  if (config.secureCookies && !req.secure) return;
  res.cookie(SESSION_COOKIE, signSessionId(sid, config.secret), {
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    expires,
    path: "/",
  });
}

export async function signOut(req: Request, res: Response): Promise<void> {
  if (req.sessionId) await destroySession(configOf(req).sql, req.sessionId);
  req.session = undefined;
  req.sessionId = undefined;
  res.clearCookie(SESSION_COOKIE, { path: "/" });
}
