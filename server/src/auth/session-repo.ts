import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prepared, SqlStatements } from "../db/index.ts";
import type { SessionUser } from "./session.ts";

/**
 * Sessions in the app's database, so any number of API processes share them. Each operation is one statement on the
 * SqlRunner (decision 007: the session is read on every signed-in request). A session lives two weeks from sign-in
 * (its cookie expires then too); reading it never writes.
 */
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

const FIND: Prepared = {
  name: "session_find",
  text: `SELECT data FROM "Session" WHERE sid = $1 AND "expiresAt" > now()`,
};

/** A new session id: 24 random bytes, as express-session made them, so old and new ids look alike. */
const newSessionId = (): string => randomBytes(24).toString("base64url");

/** Module-level, as every row schema on a hot path: zod compiles a schema on its first parse, once per instance. */
const sessionRow = z.object({ data: z.string() });

const storedSession = z.object({ userId: z.string(), role: z.enum(["candidate", "mentor"]) });

/** The signed-in user a stored session's JSON names, or undefined for anything else. */
export function sessionUserOf(data: string): SessionUser | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  const session = storedSession.safeParse(parsed);
  return session.success ? { id: session.data.userId, role: session.data.role } : undefined;
}

export async function findSession(sql: SqlStatements, sid: string): Promise<SessionUser | undefined> {
  const [row] = await sql.query(FIND, [sid], sessionRow);
  return row ? sessionUserOf(row.data) : undefined;
}

/** Stores a session for `user` under a new id (the row keeps express-session's JSON shape, cookie included). */
export async function createSession(sql: SqlStatements, user: SessionUser, expiresAt: Date): Promise<string> {
  const sid = newSessionId();
  const data = {
    cookie: { expires: expiresAt.toISOString(), httpOnly: true, path: "/" },
    userId: user.id,
    role: user.role,
  };
  await sql.run(`INSERT INTO "Session" (id, sid, data, "expiresAt") VALUES ($1, $1, $2, $3)`, [
    sid,
    JSON.stringify(data),
    expiresAt,
  ]);
  return sid;
}

export async function destroySession(sql: SqlStatements, sid: string): Promise<void> {
  await sql.run(`DELETE FROM "Session" WHERE sid = $1`, [sid]);
}

/** Called at start-up; expired rows are otherwise only ignored, never read. */
export async function pruneSessions(sql: SqlStatements): Promise<void> {
  await sql.run(`DELETE FROM "Session" WHERE "expiresAt" <= now()`);
}
