import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { currentUser, requireUser, signedInUser } from "../auth/index.ts";
import type { AbuseLimits } from "../config.ts";
import { type Prisma, type SqlRunner } from "../db/index.ts";
import type { Lexicon } from "../grading/index.ts";
import { notFound, type RateLimiter, defineRoute } from "../http/index.ts";
import { findActive } from "./active-questions.ts";
import { checkAnswer } from "./check-answer.ts";
import { newChoiceOrder } from "./choice-order.ts";
import type { FollowUpIndex } from "./follow-ups.ts";
import { listQuestions } from "./list-questions.ts";
import { assertUnlocked, chainFields, practiceUnlocks } from "./practice-follow-ups.ts";
import { presentQuestion } from "./present.ts";
import type { VersionBodies } from "./version-bodies.ts";
import {
  checkBody,
  checkResponse,
  listQuestionsQuery,
  parentNotAnsweredError,
  questionPage,
  questionSchema,
  slugParams,
} from "./schemas.ts";

export function questionRoutes(deps: {
  prisma: Prisma;
  sql: SqlRunner;
  lexicon: Lexicon;
  /** Who follows up whom in the synced bank. */
  followUps: FollowUpIndex;
  versionBodies: VersionBodies;
  limiter: RateLimiter;
  limits: Pick<AbuseLimits, "checksPerMinute">;
  registry: OpenAPIRegistry;
}): Router {
  const router = Router();
  const { prisma, registry } = deps;

  defineRoute(
    router,
    registry,
    {
      method: "get",
      path: "/api/questions",
      tag: "Questions",
      summary:
        "Active questions, filtered, searched and paginated (never rubrics, model answers or correct flags); each " +
        "question's choices come in a fresh random order; follow-ups appear once the caller has answered their parent; " +
        "a signed-in caller's questions carry their progress",
      query: listQuestionsQuery,
      responses: {
        200: { description: "A page of questions", schema: questionPage },
        400: { description: "Bad filter" },
      },
    },
    async ({ req, res, query }) => {
      res.json(await listQuestions(deps, { ...query, userId: signedInUser(req)?.id }));
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: "get",
      path: "/api/questions/:slug",
      tag: "Questions",
      summary:
        "One active question, its choices in a fresh random order on every request; a follow-up only once the " +
        "caller has answered its parent",
      params: slugParams,
      responses: {
        200: { description: "The question", schema: questionSchema },
        404: { description: "No such question" },
        409: {
          description: "A follow-up whose parent the caller has not answered (`parent_not_answered`)",
          schema: parentNotAnsweredError,
        },
      },
    },
    async ({ req, res, params }) => {
      const q = await findActive(deps, params.slug);
      if (!q) throw notFound("No such question");
      const unlocks = await practiceUnlocks(prisma, deps.followUps, signedInUser(req)?.id);
      assertUnlocked(unlocks, q.body.slug);
      res.json({ ...presentQuestion(q.body, q.version, newChoiceOrder(q.body)), ...chainFields(unlocks, q.body.slug) });
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: "post",
      path: "/api/questions/:slug/check",
      tag: "Questions",
      summary:
        "Grade a practice answer now; stored in the caller's history as practice (rate-limited per minute). " +
        "Resending an idempotencyKey with the same answer returns the first response and stores nothing",
      auth: true,
      middleware: [requireUser],
      params: slugParams,
      body: checkBody,
      responses: {
        200: { description: "The grading result with explanation and model answer", schema: checkResponse },
        400: { description: "The answer does not fit the question" },
        401: { description: "Not signed in" },
        404: { description: "No such question" },
        409: {
          description: "A follow-up whose parent the caller has not answered (`parent_not_answered`)",
          schema: parentNotAnsweredError,
        },
        422: { description: "The idempotency key was already used for a different request (`idempotency_key_reused`)" },
        429: { description: "Too many checks" },
      },
    },
    async ({ req, res, params, body }) => {
      const user = currentUser(req);
      await deps.limiter.hit(`check:${user.id}`, { points: deps.limits.checksPerMinute, windowSeconds: 60 });
      res.json(await checkAnswer(deps, { userId: user.id, slug: params.slug, ...body }));
    },
  );

  return router;
}
