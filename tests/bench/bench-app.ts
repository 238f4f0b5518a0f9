import { createApp, type AppDeps } from "../../server/src/app.ts";
import { loadConfig } from "../../server/src/config.ts";
import { createLogger } from "../../server/src/logger.ts";

// Every bench user signs up or logs in from one address, as a load test would: the documented variables raise it.
const BENCH_LIMITS = loadConfig({ SIGNUP_LIMIT_PER_HOUR: "1000000", LOGIN_ADDRESS_LIMIT_PER_15_MIN: "1000000" }).limits;

/** The HTTP app as the benches drive it in-process: silent logs, plain-http cookies, limits a load test needs. */
export function createBenchApp(deps: Pick<AppDeps, "db" | "migrations" | "bank">) {
  return createApp({
    ...deps,
    roundGraceSeconds: 30,
    logger: createLogger("silent"),
    sessionSecret: "bench-secret-bench-secret-bench-secret",
    secureCookies: false,
    trustProxy: false,
    limits: BENCH_LIMITS,
  });
}
