import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { currentUser, requireUser } from "../auth/index.ts";
import { defineRoute } from "../http/index.ts";
import { homeResponse } from "./schemas.ts";
import * as home from "./service.ts";

export function homeRoutes(deps: home.HomeDeps & { registry: OpenAPIRegistry }): Router {
  const router = Router();

  defineRoute(
    router,
    deps.registry,
    {
      tag: "Home",
      auth: true,
      middleware: [requireUser],
      method: "get",
      path: "/api/home",
      summary:
        "What the home page shows, in one request: for a candidate the open round, cards due, interview plan, " +
        "weakest section, unread mentor feedback and ten weeks of activity; for a mentor candidates, queue and agreement",
      responses: { 200: { description: "The caller's home", schema: homeResponse } },
    },
    async ({ req, res }) => {
      res.json(await home.home(deps, currentUser(req)));
    },
  );

  return router;
}
