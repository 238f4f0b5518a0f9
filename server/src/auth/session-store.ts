import { randomBytes } from "node:crypto";
import type { Prepared, SqlRunner } from "../db/sql-runner.ts";
import type { SessionUser } from "./session.ts";

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

const FIND: Prepared = {
  name: "session_find",
  text: `SELECT data FROM "Session" WHERE sid = $1 AND "expiresAt" > now()`,
};

/** A new session id: 24 random bytes, as express-session made them, so old and new ids look alike. */
export const newSessionId = (): string => randomBytes(24).toString("base64url");

/** The signed-in user a stored session's JSON names, or undefined for anything else. */
export function sessionUserOf(data: string): SessionUser | undefined {
  try {
    const parsed = JSON.parse(data) as { userId?: unknown; role?: unknown };
    const role = parsed.role;
    return typeof parsed.userId === "string" && (role === "candidate" || role === "mentor") ? { id: parsed.userId, role } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sessions in the app's database, so any number of API processes share them. Each operation is one statement. A
 * session lives two weeks from sign-in (its cookie expires then too); reading it never writes.
 */
export class SessionStore {
  constructor(private readonly sql: SqlRunner) {}

  async find(sid: string): Promise<SessionUser | undefined> {
    const [row] = await this.sql.query<{ data: string }>(FIND, [sid]);
    return row ? sessionUserOf(row.data) : undefined;
  }

  /** Stores a session for `user` under a new id (the row keeps express-session's JSON shape, cookie included). */
  async create(user: SessionUser, expiresAt: Date): Promise<string> {
    const sid = newSessionId();
    const data = { cookie: { expires: expiresAt.toISOString(), httpOnly: true, path: "/" }, userId: user.id, role: user.role };
    await this.sql.query(`INSERT INTO "Session" (id, sid, data, "expiresAt") VALUES ($1, $1, $2, $3)`, [sid, JSON.stringify(data), expiresAt]);
    return sid;
  }

  async destroy(sid: string): Promise<void> {
    await this.sql.query(`DELETE FROM "Session" WHERE sid = $1`, [sid]);
  }

  /** Called at start-up; expired rows are otherwise only ignored, never read. */
  async prune(): Promise<void> {
    await this.sql.query(`DELETE FROM "Session" WHERE "expiresAt" <= now()`);
  }
}
