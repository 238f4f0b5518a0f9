import type { IncomingMessage, ServerResponse } from "node:http";
import express, { type RequestHandler } from "express";
import helmet from "helmet";
import { authRoutes, sessionMiddleware } from "./auth/index.ts";
import { type Database, type Migration } from "./db/index.ts";
import {
  accessLog,
  type EtagFn,
  installRequestLogger,
  apiDocsRoutes,
  compressResponses,
  csrfGuard,
  jsonBody,
  errorHandler,
  notFoundHandler,
  healthRoutes,
  RateLimiter,
  API_PREFIX,
  createRegistry,
  outsideApi,
  replayedHeaders,
} from "./http/index.ts";
import type { Logger } from "./logger.ts";
import type { AbuseLimits, TrustProxy } from "./config.ts";
import type { ContentBank } from "./content/index.ts";
import { flashcardRoutes } from "./flashcards/index.ts";
import { questionRoutes, buildFollowUpIndex, VersionBodies } from "./questions/index.ts";
import { autosaveFastPath, submitFastPath, roundReadFastPath, roundRoutes, SlotCache } from "./rounds/index.ts";
import { linkRoutes } from "./links/index.ts";
import { historyRoutes } from "./history/index.ts";
import { reviewRoutes } from "./review/index.ts";
import { rubricRoutes } from "./rubric/index.ts";
import { disputeRoutes } from "./disputes/index.ts";
import { progressRoutes } from "./progress/index.ts";
import { homeRoutes } from "./home/index.ts";

export interface AppDeps {
  db: Database;
  migrations: Migration[];
  /** The loaded question bank (already synced into the database). */
  bank: ContentBank;
  roundGraceSeconds: number;
  /** The server's clock; tests move it. */
  now?: () => Date;
  logger: Logger;
  sessionSecret: string;
  secureCookies: boolean;
  /** Whose X-Forwarded-* to believe; secure cookies behind a TLS proxy need it, or Express sees plain http. */
  trustProxy: TrustProxy;
  limits: AbuseLimits;
  /** Serves the React app (static build or Vite dev middleware); absent in API-only tests. */
  client?: RequestHandler;
  /** Vite's dev client needs inline scripts, so the CSP is relaxed in development. */
  strictCsp?: boolean;
  /** Serve hot requests' usual case ahead of the router (default on; off only to compare the two in tests). */
  fastPaths?: boolean;
  /** The app's cache of question version bodies, when the process shares it (warming rubrics, the sweeper). */
  versionBodies?: VersionBodies;
}

type Handle = (req: IncomingMessage, res: ServerResponse, callback?: (error?: unknown) => void) => void;

export function roundDeps(
  deps: Pick<AppDeps, "db" | "bank" | "roundGraceSeconds" | "now"> & { versionBodies: VersionBodies },
) {
  return {
    prisma: deps.db.prisma,
    sql: deps.db.sql,
    lexicon: deps.bank.lexicon,
    graceSeconds: deps.roundGraceSeconds,
    now: deps.now ?? (() => new Date()),
    slots: new SlotCache(),
    versionBodies: deps.versionBodies,
  };
}

/** The Express app without `listen`, so tests drive it in-process. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  const registry = createRegistry();
  // The routes' own schemas, so tests can hold every response to the contract /api/openapi.json publishes.
  app.locals.openApi = registry;
  const limiter = new RateLimiter(deps.db.sql);
  const { prisma } = deps.db;
  const versionBodies = deps.versionBodies ?? new VersionBodies();
  const rounds = roundDeps({ ...deps, versionBodies });
  const { lexicon } = deps.bank;
  const { now } = rounds;
  // The bank is synced before the app starts and only changes with a restart, so who follows up whom is fixed.
  const followUps = buildFollowUpIndex(deps.bank.questions);

  app.disable("x-powered-by");
  // Never implied by secure cookies: believing X-Forwarded-For from anyone lets a client pick its own address.
  app.set("trust proxy", deps.trustProxy);
  const securityHeaders = replayedHeaders(
    helmet({
      // Over plain http (a laptop, a LAN address) forcing https would break every asset, so only with TLS cookies.
      contentSecurityPolicy:
        deps.strictCsp === false ? false : { directives: { upgradeInsecureRequests: deps.secureCookies ? [] : null } },
      strictTransportSecurity: deps.secureCookies,
    }),
  );
  installRequestLogger(app, deps.logger);
  const logRequest = accessLog(deps.logger);
  const json = jsonBody();
  app.use(logRequest);
  app.use(securityHeaders);
  // Ahead of every route, so the API's JSON and the static client are both covered.
  const compress = compressResponses();
  app.use(compress);
  app.use(healthRoutes(deps.db, deps.migrations));
  // Pages and assets never enter the API's stack: no body parsing, no session read, no CSRF check.
  if (deps.client) app.use(outsideApi(deps.client));

  const api = express.Router();
  api.use(json);
  api.use(sessionMiddleware({ sql: deps.db.sql, secret: deps.sessionSecret, secureCookies: deps.secureCookies }));
  api.use(csrfGuard);
  api.use(authRoutes({ prisma, limiter, limits: deps.limits, registry }));
  api.use(
    questionRoutes({
      prisma,
      sql: deps.db.sql,
      lexicon,
      followUps,
      versionBodies,
      limiter,
      limits: deps.limits,
      registry,
    }),
  );
  api.use(roundRoutes({ ...rounds, registry }));
  api.use(flashcardRoutes({ prisma, lexicon, registry, now }));
  api.use(linkRoutes({ prisma, now, registry }));
  api.use(historyRoutes({ prisma, versionBodies, lexicon, followUps, now, registry }));
  api.use(reviewRoutes({ prisma, versionBodies, now, registry }));
  api.use(rubricRoutes({ prisma, versionBodies, lexicon, now, registry }));
  api.use(disputeRoutes({ prisma, now, registry }));
  api.use(progressRoutes({ prisma, versionBodies, lexicon, now, registry }));
  api.use(homeRoutes({ prisma, versionBodies, now, registry }));
  api.use(apiDocsRoutes(registry));
  api.use(notFoundHandler);
  app.use(API_PREFIX, api);

  app.use(notFoundHandler);
  app.use(errorHandler);
  if (deps.fastPaths !== false) {
    const early = { sessionSecret: deps.sessionSecret, before: [logRequest, securityHeaders] };
    const autosave = autosaveFastPath({ ...rounds, ...early });
    const reply = { ...rounds, ...early, compress, etag: app.get("etag fn") as EtagFn };
    const submit = submitFastPath(reply);
    const read = roundReadFastPath(reply);
    // Ahead of Express itself: the app function hands every request to `app.handle` (not in Express's types), so the
    // fast paths serve requests whether the app listens or a test drives it.
    const withHandle = app as unknown as { handle: Handle };
    const handle = withHandle.handle.bind(app);
    withHandle.handle = (req, res, callback) =>
      autosave(req, res, () => submit(req, res, () => read(req, res, () => handle(req, res, callback))));
  }
  return app;
}
