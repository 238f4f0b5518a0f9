import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/src/config.ts";

describe("configuration", () => {
  it("when nothing is set, then the documented defaults apply", () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: "development",
      port: 3000,
      databaseUrl: undefined,
      dataDir: "./.data",
      sessionSecret: undefined,
      logLevel: "info",
      logFormat: undefined,
      roundGraceSeconds: 30,
      contentDir: "./content",
      secureCookies: false,
      database: {
        poolMax: 16,
        connectTimeoutMs: 5_000,
        statementTimeoutMs: 15_000,
        idleInTransactionTimeoutMs: 30_000,
      },
      slowQueryMs: 200,
      trustProxy: false,
      limits: {
        signupPerHour: 20,
        loginPerAccountAddress: 10,
        loginPerAccount: 100,
        loginPerAddress: 50,
        checksPerMinute: 60,
      },
    });
  });

  it.each([
    [{ PORT: "abc" }, /^Invalid configuration: PORT /],
    [{ PORT: "70000" }, /PORT/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must be a postgres/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ LOG_FORMAT: "text" }, /^Invalid configuration: LOG_FORMAT must be pretty or json$/],
    [{ ROUND_GRACE_SECONDS: "-1" }, /ROUND_GRACE_SECONDS/],
    [{ NODE_ENV: "production" }, /SESSION_SECRET is required when NODE_ENV=production/],
    [{ SESSION_SECRET: "short" }, /SESSION_SECRET must be at least 32 characters/],
    [{ DATABASE_POOL_MAX: "0" }, /DATABASE_POOL_MAX/],
    [{ DATABASE_CONNECT_TIMEOUT_MS: "5s" }, /DATABASE_CONNECT_TIMEOUT_MS/],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: "10" }, /DATABASE_STATEMENT_TIMEOUT_MS must be at least 100/],
    [{ TRUST_PROXY: "true" }, /TRUST_PROXY must be false, a hop count/],
    [{ SLOW_QUERY_MS: "-1" }, /SLOW_QUERY_MS must be a whole number of milliseconds/],
    [{ SLOW_QUERY_MS: "0.5" }, /SLOW_QUERY_MS must be a whole number of milliseconds/],
    [{ TRUST_PROXY: "10.0.0.0/33" }, /TRUST_PROXY/],
    [{ TRUST_PROXY: "loopback, proxy.example" }, /TRUST_PROXY/],
    [{ SIGNUP_LIMIT_PER_HOUR: "0" }, /SIGNUP_LIMIT_PER_HOUR must be a whole number from 1 to 1000000/],
    [{ LOGIN_LIMIT_PER_15_MIN: "ten" }, /LOGIN_LIMIT_PER_15_MIN/],
    [{ LOGIN_ACCOUNT_LIMIT_PER_15_MIN: "2.5" }, /LOGIN_ACCOUNT_LIMIT_PER_15_MIN/],
  ])("when %o is set, then start-up stops with one line naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as Error).message.split("\n")).toHaveLength(1);
    }
  });

  it("when TRUST_PROXY names hops or proxies, then it becomes Express's trust proxy value; 0 and false mean off", () => {
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8,fd00::/8" }).trustProxy).toEqual([
      "loopback",
      "10.0.0.0/8",
      "fd00::/8",
    ]);
  });

  it("when secure cookies are on and TRUST_PROXY is not set, then no proxy is trusted", () => {
    expect(loadConfig({ WATERMARK_SECURE_COOKIES: "true" })).toMatchObject({ secureCookies: true, trustProxy: false });
  });

  it("when a limit variable is set, then that limit is raised or lowered", () => {
    const env = { SIGNUP_LIMIT_PER_HOUR: "500", LOGIN_LIMIT_PER_15_MIN: "3", LOGIN_ACCOUNT_LIMIT_PER_15_MIN: "40" };
    const c = loadConfig(env);
    expect(c.limits).toMatchObject({ signupPerHour: 500, loginPerAccountAddress: 3, loginPerAccount: 40 });
  });

  it("when LOG_FORMAT is pretty or json, then logs take that format whatever stdout is", () => {
    expect(loadConfig({ LOG_FORMAT: "pretty" }).logFormat).toBe("pretty");
    expect(loadConfig({ LOG_FORMAT: "json" }).logFormat).toBe("json");
    expect(loadConfig({ LOG_FORMAT: "" }).logFormat).toBeUndefined();
  });

  it("when values are valid, then they are parsed; empty strings count as unset", () => {
    const c = loadConfig({
      PORT: "8080",
      DATABASE_URL: "postgresql://u@h/db",
      ROUND_GRACE_SECONDS: "0",
      LOG_LEVEL: "",
    });
    expect(c).toMatchObject({ port: 8080, databaseUrl: "postgresql://u@h/db", roundGraceSeconds: 0, logLevel: "info" });
  });

  it("when the database limits are set, then the pool and timeouts follow them", () => {
    const c = loadConfig({
      DATABASE_POOL_MAX: "4",
      DATABASE_CONNECT_TIMEOUT_MS: "2000",
      DATABASE_STATEMENT_TIMEOUT_MS: "60000",
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "10000",
    });
    expect(c.database).toEqual({
      poolMax: 4,
      connectTimeoutMs: 2_000,
      statementTimeoutMs: 60_000,
      idleInTransactionTimeoutMs: 10_000,
    });
  });

  it("when SLOW_QUERY_MS is set, then that is the slow query threshold; 0 logs every statement", () => {
    expect(loadConfig({ SLOW_QUERY_MS: "0" }).slowQueryMs).toBe(0);
    expect(loadConfig({ SLOW_QUERY_MS: "1500" }).slowQueryMs).toBe(1_500);
  });
});
