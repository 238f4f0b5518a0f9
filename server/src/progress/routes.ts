import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { currentUser, requireUser } from "../auth/index.ts";
import { defineRoute } from "../http/index.ts";
import { candidateParams, progressSchema } from "./schemas.ts";
import * as progress from "./service.ts";

const common = { tag: "Progress", auth: true, middleware: [requireUser] } as const;

export function progressRoutes(deps: progress.ProgressDeps & { registry: OpenAPIRegistry }): Router {
  const router = Router();
  const { registry } = deps;

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/me/progress",
      summary: "The caller's progress: mastery per section, score by round, decision matrix, time against budget",
      responses: { 200: { description: "Progress", schema: progressSchema } },
    },
    async ({ req, res }) => {
      res.json(await progress.progress(deps, currentUser(req), undefined));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/candidates/:id/progress",
      summary: "A linked candidate's progress (or your own)",
      params: candidateParams,
      responses: {
        200: { description: "Progress", schema: progressSchema },
        404: { description: "No such candidate (or not linked)" },
      },
    },
    async ({ req, res, params }) => {
      res.json(await progress.progress(deps, currentUser(req), params.id));
    },
  );

  return router;
}
