import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { z } from "zod";
import { currentUser, requireUser } from "../auth/index.ts";
import { defineRoute } from "../http/index.ts";
import * as progress from "./service.ts";

const common = { tag: "Progress", auth: true, middleware: [requireUser] } as const;
const candidateParams = z.object({ id: z.uuid({ message: "must be a candidate id" }) });
const progressSchema = z
  .object({
    candidateId: z.uuid(),
    mastery: z.array(z.object({ section: z.string(), mastery: z.number(), level: z.string(), answers: z.number().int(), lastAnswerAt: z.string() })),
    rounds: z.array(z.object({ roundId: z.uuid(), startedAt: z.string(), questions: z.number().int(), answered: z.number().int(), score: z.number() })),
    decisionMatrix: z.object({
      rows: z.array(z.string()),
      columns: z.array(z.string()),
      labels: z.record(z.string(), z.string()),
      cells: z.array(z.object({ expected: z.string(), committed: z.string(), count: z.number().int() })),
      total: z.number().int(),
      correct: z.number().int(),
    }),
    time: z.object({ questions: z.array(z.unknown()), sections: z.array(z.unknown()) }),
  })
  .openapi("Progress");

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
      responses: { 200: { description: "Progress", schema: progressSchema }, 404: { description: "No such candidate (or not linked)" } },
    },
    async ({ req, res, params }) => {
      res.json(await progress.progress(deps, currentUser(req), params.id));
    },
  );

  return router;
}
