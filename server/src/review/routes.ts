import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { currentUser, requireRole, requireUser } from "../auth/index.ts";
import { answerParams } from "../history/index.ts";
import { defineRoute } from "../http/index.ts";
import {
  agreementResponse,
  candidateList,
  commentBody,
  commentSchema,
  confirmBody,
  confirmResponse,
  overrideBody,
  overrideResponse,
  queueQuery,
  queueResponse,
} from "./schemas.ts";
import * as review from "./service.ts";

const tag = "Mentor review";
const hidden = { 404: { description: "No such answer (or not visible to you)" } };

export function reviewRoutes(deps: review.ReviewDeps & { registry: OpenAPIRegistry }): Router {
  const router = Router();
  const { registry } = deps;
  const mentor = { tag, auth: true, middleware: [requireRole("mentor")] } as const;
  const anyone = { tag, auth: true, middleware: [requireUser] } as const;

  defineRoute(
    router,
    registry,
    {
      ...anyone,
      method: "post",
      path: "/api/answers/:id/comments",
      summary: "Comment on an answer (its candidate or a linked mentor); plain text",
      params: answerParams,
      body: commentBody,
      responses: {
        201: { description: "The comment", schema: commentSchema },
        400: { description: "Empty or too long" },
        ...hidden,
      },
    },
    async ({ req, res, params, body }) => {
      res.status(201).json(await review.addComment(deps, currentUser(req), params.id, body.body));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...anyone,
      method: "post",
      path: "/api/answers/:id/override",
      summary: "Override the grade (linked mentor, reason required); the automatic grade is kept",
      params: answerParams,
      body: overrideBody,
      responses: {
        201: { description: "The new effective grade", schema: overrideResponse },
        403: { description: "Not a mentor" },
        ...hidden,
      },
    },
    async ({ req, res, params, body }) => {
      res.status(201).json(await review.overrideGrade(deps, currentUser(req), params.id, body));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...anyone,
      method: "post",
      path: "/api/answers/:id/confirm",
      summary: "Mark reviewed: agree with the grade (rejecting an open dispute); the answer leaves the mentor's queue",
      params: answerParams,
      body: confirmBody,
      responses: {
        200: { description: "Reviewed", schema: confirmResponse },
        403: { description: "Not a mentor" },
        409: { description: "A reply but no open dispute to reply to" },
        ...hidden,
      },
    },
    async ({ req, res, params, body }) => {
      res.json(await review.confirmGrade(deps, currentUser(req), params.id, body.reply));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...mentor,
      method: "get",
      path: "/api/review/queue",
      summary:
        "Linked candidates' answers not yet reviewed and open disputes: disputes, then low confidence, then the rest",
      query: queueQuery,
      responses: { 200: { description: "The queue", schema: queueResponse } },
    },
    async ({ req, res, query }) => {
      res.json(await review.reviewQueue(deps, currentUser(req).id, query));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...mentor,
      method: "get",
      path: "/api/candidates",
      summary: "The mentor's linked candidates with recent activity",
      responses: { 200: { description: "Candidates", schema: candidateList } },
    },
    async ({ req, res }) => {
      res.json(await review.linkedCandidates(deps, currentUser(req).id));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...anyone,
      method: "get",
      path: "/api/review/agreement",
      summary:
        "Agreement and Cohen's kappa between the grader and the caller's rulings on linked candidates (a candidate: the rulings on their answers), and self-assessments apart",
      responses: { 200: { description: "Agreement", schema: agreementResponse } },
    },
    async ({ req, res }) => {
      const viewer = currentUser(req);
      res.json(
        await review.agreement(deps, viewer.role === "mentor" ? { mentorId: viewer.id } : { candidateId: viewer.id }),
      );
    },
  );

  return router;
}
