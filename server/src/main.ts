import type { Server } from "node:http";
import { createApp, roundDeps, type AppDeps } from "./app.ts";
import { startRoundSweeper } from "./rounds/index.ts";
import { resolveSessionSecret, pruneSessions } from "./auth/index.ts";
import { buildClient, clientBuildIsStale, staticClient, viteDevClient } from "./client-assets.ts";
import type { Config } from "./config.ts";
import { MIGRATIONS_DIR, openDatabase, type Database, migrate, readMigrations } from "./db/index.ts";
import { createLogger } from "./logger.ts";
import { RateLimiter } from "./http/index.ts";
import { loadContent, syncContent } from "./content/index.ts";
import { VersionBodies, warmRubrics } from "./questions/index.ts";

export interface Running {
  server: Server;
  db: Database;
  stop(): Promise<void>;
}

/** Opens the database, applies migrations, prepares the client and listens. */
export async function startServer(config: Config, mode: "production" | "dev"): Promise<Running> {
  const logger = createLogger(config.logLevel, { format: config.logFormat });
  const started = Date.now();
  if (config.secureCookies && config.trustProxy === false) {
    // This process speaks plain http, so without a trusted proxy saying "https" no Secure cookie is ever sent.
    logger.warn("WATERMARK_SECURE_COOKIES=true without TRUST_PROXY: session cookies will not be set; set TRUST_PROXY");
  }

  // Content is validated before anything touches the database: a broken bank never half-applies.
  const bank = loadContent(config.contentDir);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    limits: config.database,
    onConnectionError: (err) => logger.warn({ err }, "a database connection broke; it will be replaced"),
    slowQueries: { thresholdMs: config.slowQueryMs, report: (query) => logger.warn(query, "slow database query") },
  });
  const migrations = readMigrations(MIGRATIONS_DIR);
  const applied = await migrate(db.sql, migrations);
  if (applied.length) logger.info({ applied }, "applied database migrations");
  await pruneSessions(db.sql);
  await new RateLimiter(db.sql).prune();
  // One cache of question versions for the app, its round sweeper and the rubric warm-up that fills it.
  const versionBodies = new VersionBodies();
  const synced = await syncContent(db.prisma, bank);
  logger.info(
    { ...synced, questions: bank.questions.length, flashcards: bank.flashcards.length },
    "question bank in step",
  );

  let client;
  if (mode === "dev") {
    client = await viteDevClient();
  } else {
    if (clientBuildIsStale()) {
      logger.info("building the web client (first start or client sources changed)");
      await buildClient();
    }
    client = staticClient();
  }

  const appDeps: AppDeps = {
    db,
    migrations,
    bank,
    roundGraceSeconds: config.roundGraceSeconds,
    logger,
    sessionSecret: resolveSessionSecret(config.sessionSecret, config.dataDir),
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    limits: config.limits,
    strictCsp: mode !== "dev",
    client,
    versionBodies,
  };
  const app = createApp(appDeps);
  const stopSweeper = startRoundSweeper(roundDeps({ ...appDeps, versionBodies }), logger);

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info(
    { port, database: db.kind, startupMs: Date.now() - started },
    `Watermark is ready at http://localhost:${port}`,
  );

  let stopping = false;
  warmRubrics({ prisma: db.prisma, versionBodies, lexicon: bank.lexicon }, () => stopping).then(
    (count) => logger.debug({ count }, "rubrics compiled"),
    (err: unknown) =>
      stopping || logger.warn({ err }, "rubrics could not be compiled ahead; each compiles on first use"),
  );

  return {
    server,
    db,
    async stop() {
      stopping = true;
      stopSweeper();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
