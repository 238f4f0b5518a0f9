import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type express from "express";
import pg from "pg";
import supertest from "supertest";
import { afterAll, beforeAll, describe, inject } from "vitest";
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

let privateCount = 0;

/** A copy of the migrated template database for this caller alone; `drop` removes it. */
export async function privatePostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = inject("postgresTemplate");
  const adminUrl = inject("postgresAdminUrl");
  if (!template || !adminUrl) throw new Error("no PostgreSQL template database");
  const name = `${template.replace(/_template$/, "")}_private_${process.pid}_${++privateCount}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      try {
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
}

/**
 * PGlite databases are always private (in memory, one per app). On PostgreSQL the API files share one database, so
 * a test that changes what others read (retiring a question, say) asks for `privateDatabase`.
 */
async function openTestDatabase(
  kind: DatabaseKind,
  privateDatabase: boolean,
): Promise<{ db: Database; drop?: () => Promise<void> }> {
  if (kind === "postgres") {
    if (privateDatabase) {
      const scratch = await privatePostgres();
      return { db: await openDatabase({ databaseUrl: scratch.url, dataDir: "" }), drop: scratch.drop };
    }
    const url = inject("postgresUrl");
    if (!url) throw new Error("no PostgreSQL test database");
    return { db: await openDatabase({ databaseUrl: url, dataDir: "" }) };
  }
  const db = await fromPglite(new PGlite({ loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]) }));
  await migrate(db.sql, migrations);
  return { db };
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
  /** A database of its own, for tests that change shared state (see openTestDatabase). */
  privateDatabase?: boolean;
  /** False: every request takes the full route (to compare it with the fast paths). */
  fastPaths?: boolean;
  /** The web client (e.g. staticClient over a test build); API tests leave it out. */
  client?: express.RequestHandler;
}

export async function createTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const { db, drop } = options.db ? { db: options.db } : await openTestDatabase(kind, options.privateDatabase ?? false);
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
    fastPaths: options.fastPaths,
    client: options.client,
  });
  return {
    app,
    db,
    async close() {
      await db.close();
      await drop?.();
    },
  };
}

/**
 * The file's app, created before its tests and closed after them; read `.app` and `.db` inside tests and hooks
 * (reading them at collection time, before the app exists, throws).
 */
export function useTestApp(kind: DatabaseKind, options: TestAppOptions = {}): TestApp {
  let created: TestApp | undefined;
  beforeAll(async () => {
    created = await createTestApp(kind, options);
  });
  afterAll(() => created?.close());
  const current = () => {
    if (!created) throw new Error("the test app is created in beforeAll; use it inside tests and hooks");
    return created;
  };
  return {
    get app() {
      return current().app;
    },
    get db() {
      return current().db;
    },
    close: () => current().close(),
  };
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

/** A round of `userId` holding exactly these questions, in this order (the draw itself is tested on its own). */
export async function roundOf(
  db: Database,
  userId: string,
  slugs: string[],
  opts: { timeLimitSeconds?: number; startedAt?: Date } = {},
): Promise<string> {
  const questions = await db.prisma.question.findMany({
    where: { slug: { in: slugs } },
    select: { id: true, slug: true, currentVersionId: true },
  });
  const bySlug = new Map(questions.map((q) => [q.slug, q]));
  const startedAt = opts.startedAt ?? new Date();
  const timeLimitSeconds = opts.timeLimitSeconds ?? 600;
  const round = await db.prisma.round.create({
    data: {
      userId,
      timeLimitSeconds,
      filters: {},
      startedAt,
      deadline: new Date(startedAt.getTime() + timeLimitSeconds * 1000),
      questions: {
        create: slugs.map((slug, position) => ({
          questionId: bySlug.get(slug)!.id,
          questionVersionId: bySlug.get(slug)!.currentVersionId!,
          position,
        })),
      },
    },
  });
  return round.id;
}
