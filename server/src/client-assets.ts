import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import express, { type RequestHandler } from "express";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CLIENT_SRC = path.join(ROOT, "client");
const CLIENT_DIST = path.join(ROOT, "dist", "client");
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

/** Vite's default `build.assetsDir`: every file it writes there has a content hash in its name. */
const HASHED_ASSETS = "assets";
/** Files outside the hashed folder keep their names across builds, so a browser must not keep them for long. */
const UNHASHED_MAX_AGE = "1h";

/**
 * Serves the built app; any other GET that accepts HTML gets index.html so client-side routes survive a reload (the
 * app mounts this outside the API and after the health probes, so neither ever falls back to the page).
 * index.html is `no-cache` (stored, but revalidated by ETag every time) so a deploy is picked up on the next load;
 * it holds nothing private, so `no-store` would only cost the cheap 304s.
 */
export function staticClient(dir: string = CLIENT_DIST): RequestHandler {
  const router = express.Router();
  const root = path.resolve(dir);
  const indexHtml = path.join(root, "index.html");
  router.use(
    `/${HASHED_ASSETS}`,
    express.static(path.join(root, HASHED_ASSETS), { index: false, maxAge: "1y", immutable: true }),
  );
  router.use(
    express.static(root, {
      index: false,
      maxAge: UNHASHED_MAX_AGE,
      setHeaders: (res, file) => {
        if (file === indexHtml) res.setHeader("Cache-Control", "no-cache");
      },
    }),
  );
  // A missing hashed asset (a tab still running the previous build) is a 404, not index.html served as script.
  router.get(new RegExp(`^/(?!${HASHED_ASSETS}/).*`), (req, res, next) => {
    if (!req.accepts("html")) return next();
    res.set("Cache-Control", "no-cache").sendFile(indexHtml);
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
