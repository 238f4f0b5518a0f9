import supertest from "supertest";
import type { Prepared } from "../../server/src/db/sql-runner.ts";
import { createTestApp, uniqueEmail, type DatabaseKind, type TestApp } from "./test-app.ts";

/** Headers that differ between any two responses, whichever route served them. */
const VOLATILE = new Set(["date", "x-request-id", "connection", "keep-alive"]);

/** One raw request as a test writes it: the body is sent as given (it may be malformed on purpose). */
export interface Sent {
  path: string;
  body?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

/**
 * Sends `r` to `app` with `method`, as a browser's fetch would: its cookie and extra headers, and a JSON content type
 * unless it is a GET (which carries no body).
 */
export function sendRaw(app: TestApp, method: "get" | "put" | "post", r: Sent) {
  let req = supertest(app.app)[method](r.path);
  if (method !== "get") req = req.set("Content-Type", "application/json");
  if (r.cookie) req = req.set("Cookie", r.cookie);
  for (const [name, value] of Object.entries(r.headers ?? {})) req = req.set(name, value);
  return r.body === undefined ? req : req.send(r.body);
}

/** A response's headers without the volatile ones, in a stable order. */
export const stableHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !VOLATILE.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/**
 * Two apps on one private database and one clock: `fast` with the fast paths, `full` without them, so a request sent
 * to each shows whether the fast path answers exactly as the route does. `statements` records the fast app's raw
 * statements (a prepared one by name); clear it before the request to look at.
 */
export async function fastAndFullApps(kind: DatabaseKind, opts: { graceSeconds: number; now: () => Date }) {
  const fast = await createTestApp(kind, { ...opts, privateDatabase: true });
  const full = await createTestApp(kind, { ...opts, db: fast.db, fastPaths: false });
  const statements: string[] = [];
  const record = (sql: string | Prepared) =>
    statements.push(typeof sql === "string" ? sql.trim().split(/\s+/).slice(0, 3).join(" ") : sql.name);
  const { query, run } = fast.db.sql;
  fast.db.sql.query = (sql, params, row) => (record(sql), query(sql, params, row));
  fast.db.sql.run = (sql, params) => (record(sql), run(sql, params));
  return { fast, full, statements };
}

/** Signs up through `app` and returns the new user's id and session cookie. */
export async function signUpTo(
  app: TestApp,
  role: "candidate" | "mentor" = "candidate",
): Promise<{ id: string; cookie: string }> {
  const res = await supertest(app.app)
    .post("/api/auth/signup")
    .send({ email: uniqueEmail(role), password: "a long enough password", displayName: "Fast path", role })
    .expect(201);
  return { id: res.body.user.id as string, cookie: res.headers["set-cookie"]![0]!.split(";")[0]! };
}
