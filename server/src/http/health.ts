import { Router } from "express";
import type { Database } from "../db/database.ts";
import { isMigrated, type Migration } from "../db/migrate.ts";

export function healthRoutes(db: Database, migrations: Migration[]): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (req, res) => {
    try {
      if (await isMigrated(db.sql, migrations)) return void res.json({ status: "ready", database: db.kind });
      res.status(503).json({ error: { code: "not_ready", message: "Database migrations are pending" } });
    } catch (err) {
      req.log.warn({ err }, "readiness check failed");
      res.status(503).json({ error: { code: "not_ready", message: "Database is not reachable" } });
    }
  });
  return router;
}
