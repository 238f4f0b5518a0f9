import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { currentUser, requireUser } from "../auth/index.ts";
import { defineRoute } from "../http/index.ts";
import {
  answerDetail,
  answerParams,
  auditList,
  exportQuery,
  historyPage,
  historyQuery,
  unreadSchema,
} from "./schemas.ts";
import * as history from "./service.ts";

const common = { tag: "History", auth: true, middleware: [requireUser] } as const;
const hidden = { 404: { description: "No such candidate or answer (or not visible to you)" } };

export function historyRoutes(deps: history.HistoryDeps & { registry: OpenAPIRegistry }): Router {
  const router = Router();
  const { registry } = deps;

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/answers",
      summary: "Answer history, newest first (keyset pages); `candidate` for a linked mentor, else the caller's own",
      query: historyQuery,
      responses: { 200: { description: "A page", schema: historyPage }, ...hidden },
    },
    async ({ req, res, query }) => {
      res.json(await history.listHistory(deps, currentUser(req), query));
    },
  );

  // Before /api/answers/:id, which would otherwise claim the path.
  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/answers/export.csv",
      summary: "The whole (filtered) history as RFC 4180 CSV, UTF-8, formula cells neutralised",
      query: exportQuery,
      responses: { 200: { description: "text/csv" }, ...hidden },
    },
    async ({ req, res, query }) => {
      await history.exportHistoryCsv(deps, currentUser(req), query, res);
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/answers/:id",
      summary: "One answer: automatic and effective grade, overrides, comments, model answer",
      params: answerParams,
      responses: { 200: { description: "The answer", schema: answerDetail }, ...hidden },
    },
    async ({ req, res, params }) => {
      res.json(await history.answerDetail(deps, currentUser(req), params.id));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/me/unread",
      summary: "Comments and overrides on the caller's answers they have not opened yet",
      responses: { 200: { description: "Counts", schema: unreadSchema } },
    },
    async ({ req, res }) => {
      res.json(await history.unreadCounts(deps, currentUser(req).id));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/me/audit",
      summary: "Every change made to the caller's data (links, comments, overrides, reviews), newest first",
      responses: { 200: { description: "Audit events", schema: auditList } },
    },
    async ({ req, res }) => {
      res.json(await history.auditLog(deps, currentUser(req).id));
    },
  );

  return router;
}
