import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { currentUser, requireRole, requireUser } from "../auth/index.ts";
import { defineRoute } from "../http/index.ts";
import { inviteResponse, linkList, linkParams, linkSchema, redeemBody } from "./schemas.ts";
import * as links from "./service.ts";

const tag = "Mentor links";

export function linkRoutes(deps: links.LinkDeps & { registry: OpenAPIRegistry }): Router {
  const router = Router();
  const { registry } = deps;

  defineRoute(
    router,
    registry,
    {
      tag,
      auth: true,
      middleware: [requireRole("candidate")],
      method: "post",
      path: "/api/links/invites",
      summary:
        "A single-use invite code a mentor redeems to get access (expires in 7 days); while one is unused and " +
        "unexpired, the same invite comes back",
      responses: {
        201: { description: "The invite", schema: inviteResponse },
        403: { description: "Only candidates invite" },
      },
    },
    async ({ req, res }) => {
      res.status(201).json(await links.createInvite(deps, currentUser(req).id));
    },
  );

  defineRoute(
    router,
    registry,
    {
      tag,
      auth: true,
      middleware: [requireRole("mentor")],
      method: "post",
      path: "/api/links",
      summary: "Redeem a candidate's invite code",
      body: redeemBody,
      responses: {
        201: { description: "The new link", schema: linkSchema },
        404: { description: "Unknown code" },
        409: { description: "Code already used, or already linked" },
        410: { description: "Code expired" },
      },
    },
    async ({ req, res, body }) => {
      res.status(201).json(await links.redeemInvite(deps, currentUser(req).id, body.code));
    },
  );

  defineRoute(
    router,
    registry,
    {
      tag,
      auth: true,
      middleware: [requireUser],
      method: "get",
      path: "/api/links",
      summary: "The caller's active links (a candidate sees every mentor with access)",
      responses: { 200: { description: "Links", schema: linkList } },
    },
    async ({ req, res }) => {
      res.json({ items: await links.listLinks(deps, currentUser(req).id) });
    },
  );

  defineRoute(
    router,
    registry,
    {
      tag,
      auth: true,
      middleware: [requireUser],
      method: "delete",
      path: "/api/links/:id",
      summary: "End a link (either side); the mentor's access ends at once",
      params: linkParams,
      responses: { 204: { description: "Ended" }, 404: { description: "No such active link of yours" } },
    },
    async ({ req, res, params }) => {
      await links.endLink(deps, currentUser(req).id, params.id);
      res.status(204).end();
    },
  );

  return router;
}
