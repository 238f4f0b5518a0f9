import { createRequire } from "node:module";
import path from "node:path";
import { OpenApiGeneratorV31, type OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import express, { Router } from "express";
import { mountedPath } from "./route.ts";

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Watermark API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// A separate file rather than an inline script, so the page works under the default Content-Security-Policy.
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });`;

/**
 * For the router mounted at API_PREFIX: `GET /api/openapi.json` is generated from the route definitions; `/api/docs`
 * renders it with Swagger UI.
 */
export function apiDocsRoutes(registry: OpenAPIRegistry): Router {
  const router = Router();
  let document: unknown;
  router.get(mountedPath("/api/openapi.json"), (_req, res) => {
    document ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: "3.1.0",
      info: {
        title: "Watermark API",
        version: "0.1.0",
        description:
          "Interview practice for data engineers. Authenticate with the session cookie from /api/auth/login. " +
          "State-changing requests must send JSON bodies; browsers must be same-origin.",
      },
    });
    res.json(document);
  });
  router.get(mountedPath("/api/docs"), (_req, res) => {
    res.type("html").send(PAGE);
  });
  router.get(mountedPath("/api/docs/init.js"), (_req, res) => {
    res.type("application/javascript").send(INIT);
  });
  router.use(mountedPath("/api/docs/assets"), express.static(swaggerDir, { index: false }));
  return router;
}
