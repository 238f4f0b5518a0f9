import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { currentUser, requireUser } from "../auth/index.ts";
import { answerParams } from "../history/index.ts";
import { defineRoute } from "../http/index.ts";
import { disputeBody, disputeResponse, selfAssessmentBody, selfAssessmentResponse } from "./schemas.ts";
import * as disputes from "./service.ts";

const common = { tag: "Disputes", auth: true, middleware: [requireUser] } as const;
const hidden = { 404: { description: "No such answer of yours" } };

export function disputeRoutes(deps: disputes.DisputeDeps & { registry: OpenAPIRegistry }): Router {
  const router = Router();
  const { registry } = deps;

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "post",
      path: "/api/answers/:id/dispute",
      summary: "Dispute the grade of your free-text answer, once, with a reason; a linked mentor resolves it",
      params: answerParams,
      body: disputeBody,
      responses: {
        201: { description: "The open dispute", schema: disputeResponse },
        400: { description: "Reason shorter than 10 or longer than 1,000 characters" },
        409: { description: "A choice answer (not_disputable) or disputed before (already_disputed)" },
        ...hidden,
      },
    },
    async ({ req, res, params, body }) => {
      res.status(201).json(await disputes.openDispute(deps, currentUser(req).id, params.id, body.reason));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "put",
      path: "/api/answers/:id/self-assessment",
      summary: "Your own verdict on a low-confidence or disputed free-text answer; kept beside the automatic grade",
      params: answerParams,
      body: selfAssessmentBody,
      responses: {
        200: { description: "The self-assessment", schema: selfAssessmentResponse },
        409: { description: "Not free text, or neither low confidence nor disputed (not_self_assessable)" },
        ...hidden,
      },
    },
    async ({ req, res, params, body }) => {
      res.json(await disputes.assessOwnAnswer(deps, currentUser(req).id, params.id, body.verdict));
    },
  );

  return router;
}
