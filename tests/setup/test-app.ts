import { PGlite } from "@electric-sql/pglite";
import type express from "express";
import supertest from "supertest";
import { describe, inject } from "vitest";
import { createApp } from "../../server/src/app.ts";
import type { AbuseLimits, TrustProxy } from "../../server/src/config.ts";
import { fromPglite, MIGRATIONS_DIR, openDatabase, type Database } from "../../server/src/db/database.ts";
import { migrate, readMigrations } from "../../server/src/db/migrate.ts";
import { createLogger } from "../../server/src/logger.ts";
import { loadContent, type ContentBank } from "../../server/src/content/load.ts";
import { syncContent } from "../../server/src/content/sync.ts";

export type DatabaseKind = "pglite" | "postgres";

export interface TestApp {
  app: express.Express;
  db: Database;
  close(): Promise<void>;
}

const migrations = readMigrations(MIGRATIONS_DIR);
let shippedBank: ContentBank | undefined;
/** The shipped question bank, loaded once per test file. */
export const bank = (): ContentBank => (shippedBank ??= loadContent("content"));

async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === "postgres") {
    const url = inject("postgresUrl");
    if (!url) throw new Error("no PostgreSQL test database");
    return openDatabase({ databaseUrl: url, dataDir: "" });
  }
  const db = await fromPglite(new PGlite());
  await migrate(db.sql, migrations);
  return db;
}

/** Helpers such as signedUpAgent sign up many users from one address, so tests get limits nobody reaches. */
export const GENEROUS_LIMITS: AbuseLimits = {
  signupPerHour: 1_000_000,
  loginPerAccountAddress: 1_000_000,
  loginPerAccount: 1_000_000,
  loginPerAddress: 1_000_000,
  checksPerMinute: 1_000_000,
};

export interface TestAppOptions {
  graceSeconds?: number;
  now?: () => Date;
  /** Tests of a limit set it low (and use their own client addresses: the PostgreSQL database is shared). */
  limits?: Partial<AbuseLimits>;
  trustProxy?: TrustProxy;
  secureCookies?: boolean;
  /** An already migrated database to use instead of the shared one (fault tests bring their own). */
  db?: Database;
}

export async function createTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.db ?? (await openTestDatabase(kind));
  await syncContent(db.prisma, bank());
  const app = createApp({
    db,
    migrations,
    bank: bank(),
    roundGraceSeconds: options.graceSeconds ?? 30,
    now: options.now,
    logger: createLogger("silent"),
    sessionSecret: "test-secret-test-secret-test-secret",
    secureCookies: options.secureCookies ?? false,
    trustProxy: options.trustProxy ?? false,
    limits: { ...GENEROUS_LIMITS, ...options.limits },
  });
  return { app, db, close: () => db.close() };
}

/** The databases this run can test: PGlite always, PostgreSQL when the global setup created one. */
export function databaseKinds(): DatabaseKind[] {
  return inject("postgresUrl") ? ["pglite", "postgres"] : ["pglite"];
}

/** Runs the same suite once per database, so behaviour is proven identical on both. */
export function describeEachDatabase(title: string, suite: (kind: DatabaseKind) => void): void {
  for (const kind of databaseKinds()) describe(`${title} [${kind}]`, () => suite(kind));
}

let counter = 0;
export const uniqueEmail = (prefix = "user") => `${prefix}-${process.pid}-${Date.now()}-${++counter}@example.com`;

/** A supertest agent (keeps cookies) signed up as a new user. */
export async function signedUpAgent(app: express.Express, role: "candidate" | "mentor" = "candidate") {
  const agent = supertest.agent(app);
  const email = uniqueEmail(role);
  const res = await agent
    .post("/api/auth/signup")
    .send({ email, password: "a long enough password", displayName: `Test ${role}`, role })
    .expect(201);
  return { agent, email, user: res.body.user as { id: string; email: string; role: string } };
}
