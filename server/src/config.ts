import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export interface DatabaseLimits {
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/**
 * A request waits at most 5 s for a connection (then 503: better than a hung browser); one statement may run 15 s
 * (the slowest request query is milliseconds; a runaway one must not hold a connection and its locks); a
 * transaction may sit idle between statements 30 s (closing a round is the longest, and never idles that long).
 */
export const DATABASE_DEFAULTS: DatabaseLimits = {
  poolMax: 16,
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 15_000,
  idleInTransactionTimeoutMs: 30_000,
};

const milliseconds = z.coerce
  .number()
  .int()
  .min(100, { message: "must be at least 100 (milliseconds)" })
  .max(3_600_000, { message: "must be at most 3600000 (an hour)" });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  WATERMARK_DATA_DIR: z.string().min(1).default("./.data"),
  SESSION_SECRET: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ROUND_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  WATERMARK_CONTENT_DIR: z.string().min(1).default("./content"),
  WATERMARK_SECURE_COOKIES: z.enum(["true", "false"], { message: "must be true or false" }).default("false"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(DATABASE_DEFAULTS.poolMax),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds.default(DATABASE_DEFAULTS.connectTimeoutMs),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds.default(DATABASE_DEFAULTS.statementTimeoutMs),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds.default(DATABASE_DEFAULTS.idleInTransactionTimeoutMs),
});

export type Config = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  roundGraceSeconds: number;
  contentDir: string;
  /** Behind an HTTPS proxy: Secure cookies, HSTS, and trust the proxy's X-Forwarded-* headers. */
  secureCookies: boolean;
  /** PostgreSQL only: pool size and the limits that keep a sick database from hanging requests. */
  database: DatabaseLimits;
};

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "unset" to people editing .env files and compose files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join(".")} ${issue.message}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && !e.SESSION_SECRET) {
    throw new ConfigError("Invalid configuration: SESSION_SECRET is required when NODE_ENV=production");
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.WATERMARK_DATA_DIR,
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    roundGraceSeconds: e.ROUND_GRACE_SECONDS,
    contentDir: e.WATERMARK_CONTENT_DIR,
    secureCookies: e.WATERMARK_SECURE_COOKIES === "true",
    database: {
      poolMax: e.DATABASE_POOL_MAX,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  };
}
