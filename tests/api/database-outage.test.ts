import { createServer } from "node:net";
import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../../server/src/app.ts";
import { DATABASE_DEFAULTS } from "../../server/src/config.ts";
import { MIGRATIONS_DIR, openDatabase, type Database } from "../../server/src/db/database.ts";
import { readMigrations } from "../../server/src/db/migrate.ts";
import { createLogger } from "../../server/src/logger.ts";
import { bank, createTestApp, GENEROUS_LIMITS, signedUpAgent, uniqueEmail } from "../setup/test-app.ts";
import { scratchPostgres, type ScratchPostgres } from "../setup/scratch-postgres.ts";

const FAST = { ...DATABASE_DEFAULTS, connectTimeoutMs: 1_000 };

/** The app on a database that may not answer (so no content sync at start, unlike createTestApp). */
function appOn(db: Database) {
  return createApp({
    db,
    migrations: readMigrations(MIGRATIONS_DIR),
    bank: bank(),
    roundGraceSeconds: 30,
    logger: createLogger("silent"),
    sessionSecret: "test-secret-test-secret-test-secret",
    secureCookies: false,
    trustProxy: false,
    limits: GENEROUS_LIMITS,
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const login = (app: Parameters<typeof supertest>[0]) =>
  supertest(app).post("/api/auth/login").send({ email: "nobody@example.com", password: "whatever it is" });

function expectUnavailable(res: supertest.Response) {
  expect(res.status).toBe(503);
  expect(res.headers["content-type"]).toMatch(/json/);
  expect(res.body).toEqual({ error: { code: "database_unavailable", message: expect.any(String) } });
  expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
}

describe("database outage", () => {
  it("when PostgreSQL cannot be reached, then the API answers JSON 503 with Retry-After and /readyz 503", async () => {
    const databaseUrl = `postgresql://postgres@127.0.0.1:${await closedPort()}/x`;
    const db = await openDatabase({ databaseUrl, dataDir: "", limits: FAST });
    try {
      const app = appOn(db);
      expectUnavailable(await login(app));
      expectUnavailable(
        await supertest(app)
          .post("/api/auth/signup")
          .send({ email: uniqueEmail(), password: "a long enough password", displayName: "Ada", role: "candidate" }),
      );
      const ready = await supertest(app).get("/readyz");
      expect(ready.status).toBe(503);
      expect(ready.body.error.code).toBe("not_ready");
      await supertest(app).get("/healthz").expect(200);
    } finally {
      await db.close();
    }
  });
});

describe.skipIf(!inject("postgresUrl"))("database outage [postgres]", () => {
  let scratch: ScratchPostgres;
  beforeAll(async () => {
    scratch = await scratchPostgres("watermark_outage");
  });
  afterAll(async () => {
    await scratch.drop();
    await scratch.end();
  });

  it("when the database is dropped and comes back, then 503 meanwhile, and the app recovers by itself", async () => {
    const t = await createTestApp("postgres", { db: await scratch.open(FAST) });
    try {
      const { agent } = await signedUpAgent(t.app);
      await agent.get("/api/me").expect(200);

      await scratch.drop();
      expectUnavailable(await agent.get("/api/me"));
      expectUnavailable(await login(t.app));
      expect((await supertest(t.app).get("/readyz")).status).toBe(503);

      await scratch.create();
      await supertest(t.app).get("/readyz").expect(200);
      await supertest(t.app)
        .post("/api/auth/signup")
        .send({ email: uniqueEmail(), password: "a long enough password", displayName: "Back", role: "candidate" })
        .expect(201);
    } finally {
      await t.close();
    }
  }, 60_000);

  it("when every pooled connection is taken, then /readyz answers 503 at once, and 200 when one is free", async () => {
    const db = await scratch.open({ ...FAST, poolMax: 1, connectTimeoutMs: 30_000 });
    try {
      const app = appOn(db);
      let release!: () => void;
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const hold = db.prisma.$transaction(
        async (tx) => {
          await tx.user.count();
          holding();
          await new Promise<void>((resolve) => (release = resolve));
        },
        { timeout: 60_000 },
      );
      await held;

      const ready = await supertest(app).get("/readyz");
      expect(ready.status).toBe(503);
      expect(ready.body.error.code).toBe("not_ready");

      release();
      await hold;
      await supertest(app).get("/readyz").expect(200);
    } finally {
      await db.close();
    }
  }, 60_000);
});
