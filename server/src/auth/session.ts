import type { RequestHandler } from "express";
import session from "express-session";
import type { SqlRunner } from "../db/sql-runner.ts";
import { AppError } from "../http/app-error.ts";
import { SqlSessionStore } from "./session-store.ts";

declare module "express-session" {
  interface SessionData {
    userId: string;
    role: "candidate" | "mentor";
  }
}

export const SESSION_COOKIE = "wm.sid";

export function sessionMiddleware(opts: { sql: SqlRunner; secret: string; secureCookies: boolean }): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    secret: opts.secret,
    store: new SqlSessionStore(opts.sql),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: {
      httpOnly: true,
      sameSite: "lax",
      secure: opts.secureCookies,
      maxAge: 14 * 24 * 3600 * 1000,
    },
  });
}

export interface SessionUser {
  id: string;
  role: "candidate" | "mentor";
}

/** The signed-in user, or a 401. */
export function currentUser(req: Express.Request & { session?: session.Session & Partial<session.SessionData> }): SessionUser {
  const s = req.session;
  if (!s?.userId || !s.role) throw new AppError("unauthenticated", "Sign in to continue");
  return { id: s.userId, role: s.role };
}

/** The signed-in user, or undefined for a visitor (routes open to both that answer each differently). */
export function signedInUser(req: Parameters<typeof currentUser>[0]): SessionUser | undefined {
  const s = req.session;
  return s?.userId && s.role ? { id: s.userId, role: s.role } : undefined;
}

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

/** Starts a fresh session id for the user (no fixation: the pre-login id is discarded). */
export function signIn(req: Express.Request & { session: session.Session & Partial<session.SessionData> }, user: SessionUser): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.userId = user.id;
      req.session.role = user.role;
      req.session.save((e) => (e ? reject(e) : resolve()));
    });
  });
}

export function signOut(req: Express.Request & { session?: session.Session }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!req.session) return resolve();
    req.session.destroy((err) => (err ? reject(err) : resolve()));
  });
}
