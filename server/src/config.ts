import { isIP } from "node:net";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const LOG_FORMATS = ["pretty", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

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
const LIMIT_RANGE = { message: "must be a whole number from 1 to 1000000" };
/** A rate limit: how many attempts its window allows. */
const limit = (fallback: number) =>
  z.coerce.number(LIMIT_RANGE).int(LIMIT_RANGE).min(1, LIMIT_RANGE).max(1_000_000, LIMIT_RANGE).default(fallback);

/**
 * Express's `trust proxy` as we allow it: off, a number of proxy hops, or the proxies' addresses and subnets
 * (`loopback`, `linklocal` and `uniquelocal` are Express's names for those ranges). `true` is refused: it trusts
 * whatever `X-Forwarded-For` a client sends, which is what this setting exists to prevent.
 */
export type TrustProxy = false | number | string[];

const PROXY_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

function parseTrustProxy(value: string): TrustProxy | undefined {
  const v = value.trim().toLowerCase();
  if (v === "false" || v === "0") return false;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const entries = v
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries.length && entries.every(isProxyAddress) ? entries : undefined;
}

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
  LOG_FORMAT: z.enum(LOG_FORMATS, { message: `must be ${LOG_FORMATS.join(" or ")}` }).optional(),
  ROUND_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  WATERMARK_CONTENT_DIR: z.string().min(1).default("./content"),
  WATERMARK_SECURE_COOKIES: z.enum(["true", "false"], { message: "must be true or false" }).default("false"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(DATABASE_DEFAULTS.poolMax),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds.default(DATABASE_DEFAULTS.connectTimeoutMs),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds.default(DATABASE_DEFAULTS.statementTimeoutMs),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds.default(DATABASE_DEFAULTS.idleInTransactionTimeoutMs),
  SLOW_QUERY_MS: z.coerce
    .number({ message: "must be a whole number of milliseconds from 0 to 3600000" })
    .int({ message: "must be a whole number of milliseconds from 0 to 3600000" })
    .min(0, { message: "must be a whole number of milliseconds from 0 to 3600000" })
    .max(3_600_000, { message: "must be a whole number of milliseconds from 0 to 3600000" })
    .default(200),
  TRUST_PROXY: z
    .string()
    .transform(parseTrustProxy)
    .refine((v) => v !== undefined, {
      message: "must be false, a hop count (1, 2, …) or a comma-separated list of proxy addresses/subnets",
    })
    .default(false),
  SIGNUP_LIMIT_PER_HOUR: limit(20),
  LOGIN_LIMIT_PER_15_MIN: limit(10),
  LOGIN_ACCOUNT_LIMIT_PER_15_MIN: limit(100),
  LOGIN_ADDRESS_LIMIT_PER_15_MIN: limit(50),
  CHECK_LIMIT_PER_MINUTE: limit(60),
});

export type Config = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Unset: pretty when stdout is a terminal, JSON otherwise. */
  logFormat: LogFormat | undefined;
  roundGraceSeconds: number;
  contentDir: string;
  /** Behind an HTTPS proxy: Secure cookies and HSTS (with `trustProxy` set, so Express sees the request as https). */
  secureCookies: boolean;
  /** PostgreSQL only: pool size and the limits that keep a sick database from hanging requests. */
  database: DatabaseLimits;
  /** Statements that take at least this long are logged at warn with their SQL text (0 logs every one). */
  slowQueryMs: number;
  /** Which proxies' X-Forwarded-* headers to believe (client address for rate limits, https for cookies). */
  trustProxy: TrustProxy;
  limits: AbuseLimits;
};

/** Attempts allowed per window; every one is an environment variable so a classroom or a load test can raise it. */
export interface AbuseLimits {
  /** Sign-ups per client address per hour. */
  signupPerHour: number;
  /** Failed logins per (account, address) per 15 minutes: a stranger's guesses never lock out the owner elsewhere. */
  loginPerAccountAddress: number;
  /** Failed logins per account from all addresses per 15 minutes: the ceiling for guessing from many addresses. */
  loginPerAccount: number;
  /** Failed logins per address over all accounts per 15 minutes: slows spraying one password at many accounts. */
  loginPerAddress: number;
  /** Practice answer checks per user per minute. */
  checksPerMinute: number;
}

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
    logFormat: e.LOG_FORMAT,
    roundGraceSeconds: e.ROUND_GRACE_SECONDS,
    contentDir: e.WATERMARK_CONTENT_DIR,
    secureCookies: e.WATERMARK_SECURE_COOKIES === "true",
    database: {
      poolMax: e.DATABASE_POOL_MAX,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    slowQueryMs: e.SLOW_QUERY_MS,
    trustProxy: e.TRUST_PROXY as TrustProxy,
    limits: {
      signupPerHour: e.SIGNUP_LIMIT_PER_HOUR,
      loginPerAccountAddress: e.LOGIN_LIMIT_PER_15_MIN,
      loginPerAccount: e.LOGIN_ACCOUNT_LIMIT_PER_15_MIN,
      loginPerAddress: e.LOGIN_ADDRESS_LIMIT_PER_15_MIN,
      checksPerMinute: e.CHECK_LIMIT_PER_MINUTE,
    },
  };
}
