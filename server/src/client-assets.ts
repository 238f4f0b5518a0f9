import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import express, { type RequestHandler } from "express";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const CLIENT_SRC = path.join(ROOT, "client");
export const CLIENT_DIST = path.join(ROOT, "dist", "client");
const CLIENT_INPUTS = [CLIENT_SRC, path.join(ROOT, "vite.config.ts")];

function newestMtime(p: string): number {
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/** True when there is no build, or a client source file changed after it was made. */
export function clientBuildIsStale(): boolean {
  const index = path.join(CLIENT_DIST, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return CLIENT_INPUTS.filter(existsSync).some((p) => newestMtime(p) > built);
}

export async function buildClient(): Promise<void> {
  // Imported lazily: a production image that ships a prebuilt client does not need Vite installed.
  const { build } = await import("vite");
  await build({ configFile: path.join(ROOT, "vite.config.ts"), logLevel: "warn" });
}

/** Serves the built app; any non-API GET falls back to index.html so client-side routes survive a reload. */
export function staticClient(): RequestHandler {
  const router = express.Router();
  router.use(express.static(CLIENT_DIST, { index: false, maxAge: "1h" }));
  router.get(/^\/(?!api\/|api$|healthz$|readyz$).*/, (req, res, next) => {
    if (!req.accepts("html")) return next();
    res.set("Cache-Control", "no-cache").sendFile(path.join(CLIENT_DIST, "index.html"));
  });
  return router;
}

export async function viteDevClient(): Promise<RequestHandler> {
  const { createServer } = await import("vite");
  const vite = await createServer({
    configFile: path.join(ROOT, "vite.config.ts"),
    server: { middlewareMode: true },
    appType: "spa",
  });
  return vite.middlewares as unknown as RequestHandler;
}
