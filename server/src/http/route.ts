import { OpenAPIRegistry, extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import type { Request, RequestHandler, Response, Router } from "express";
import { z } from "zod";
import { parseBody, parseParams, parseQuery } from "./validate.ts";

extendZodWithOpenApi(z);

type Method = "get" | "post" | "put" | "delete";

/**
 * Where the API router is mounted. Specs name routes in full (as clients call them and the OpenAPI document shows
 * them); the router they are registered on sees paths below the mount.
 */
export const API_PREFIX = "/api";

/** A full API path as the router mounted at API_PREFIX sees it; a path outside the API is a programming error. */
export function mountedPath(fullPath: string): string {
  if (!fullPath.startsWith(`${API_PREFIX}/`)) throw new Error(`API route ${fullPath} is not under ${API_PREFIX}/`);
  return fullPath.slice(API_PREFIX.length);
}

const UNDER_API = new RegExp(`^${API_PREFIX}(/|$)`);

/** `handler` for every request outside the API (the web client, whose fallback would otherwise answer API paths). */
export function outsideApi(handler: RequestHandler): RequestHandler {
  return (req, res, next) => (UNDER_API.test(req.path) ? next() : handler(req, res, next));
}

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  /** Express-style full path, e.g. `/api/questions/:slug` (registered below the API_PREFIX mount). */
  path: string;
  summary: string;
  tag: string;
  /** Whether a signed-in session is required (documented; enforced by `middleware`). */
  auth?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  middleware?: readonly RequestHandler[];
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

export interface RouteInput<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  req: Request;
  res: Response;
  body: z.infer<B>;
  query: z.infer<Q>;
  params: z.infer<P>;
}

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/**
 * Registers a route on the router (one mounted at API_PREFIX) and documents it in the OpenAPI registry from the very schemas that
 * validate its input, so the API description cannot drift from what the server accepts.
 */
export function defineRoute<
  B extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
>(
  router: Router,
  registry: OpenAPIRegistry,
  spec: RouteSpec<B, Q, P>,
  handler: (input: RouteInput<B, Q, P>) => Promise<unknown> | unknown,
): void {
  registry.registerPath({
    method: spec.method,
    path: spec.path.replace(/:(\w+)/g, "{$1}"),
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.auth ? { security: [{ session: [] }] } : {}),
    request: {
      ...(spec.body ? { body: { content: { "application/json": { schema: spec.body } } } } : {}),
      ...(spec.query ? { query: spec.query as never } : {}),
      ...(spec.params ? { params: spec.params as never } : {}),
    },
    responses: Object.fromEntries(
      Object.entries(spec.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.schema || Number(status) >= 400
            ? { content: { "application/json": { schema: r.schema ?? errorSchema } } }
            : {}),
        },
      ]),
    ),
  });
  router[spec.method](mountedPath(spec.path), ...(spec.middleware ?? []), async (req: Request, res: Response) => {
    await handler({
      req,
      res,
      body: spec.body ? parseBody(spec.body, req) : undefined,
      query: spec.query ? parseQuery(spec.query, req) : undefined,
      params: spec.params ? parseParams(spec.params, req) : undefined,
    } as RouteInput<B, Q, P>);
  });
}

export function createRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "wm.sid" });
  return registry;
}
