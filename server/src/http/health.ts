import { Router } from "express";
import { type Database, isMigrated, type Migration } from "../db/index.ts";

/**
 * Readiness answers within this even when the pool is exhausted or the database hangs: a probe that waits behind
 * the pool tells the load balancer nothing. The abandoned check is itself bounded by the pool's connect timeout.
 */
const READY_TIMEOUT_MS = 2_000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export function healthRoutes(db: Database, migrations: Migration[]): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (req, res) => {
    try {
      if (await within(isMigrated(db.sql, migrations), READY_TIMEOUT_MS)) {
        return void res.json({ status: "ready", database: db.kind });
      }
      res.status(503).json({ error: { code: "not_ready", message: "Database migrations are pending" } });
    } catch (err) {
      req.log.warn({ err }, "readiness check failed");
      res.status(503).json({ error: { code: "not_ready", message: "Database is not reachable" } });
    }
  });
  return router;
}
