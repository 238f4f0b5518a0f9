import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { assertCanViewCandidate } from "../access/index.ts";
import { currentUser, requireUser } from "../auth/index.ts";
import { defineRoute } from "../http/index.ts";
import type { RoundDeps } from "./close-round.ts";
import { presentRoundSummary } from "./present.ts";
import type { LoadedRound } from "./repo.ts";
import { roundJson } from "./round-json.ts";
import {
  answerConflictError,
  createRoundBody,
  draftBody,
  questionParams,
  flagBody,
  flagResponse,
  listRoundsQuery,
  roundList,
  roundInProgressError,
  roundParams,
  roundState,
  submitBody,
  submitResponse,
} from "./schemas.ts";
import { flagQuestion } from "./flag-question.ts";
import * as rounds from "./service.ts";
import { createRound } from "./start-round.ts";
import { submitAnswer } from "./submit-answer.ts";

const common = { tag: "Mock rounds", auth: true, middleware: [requireUser] } as const;
const notYours = { 404: { description: "No such round (or not yours)" } };

interface Routes {
  router: Router;
  registry: OpenAPIRegistry;
  deps: RoundDeps;
  /** The round as the client sees it, timed against the server's clock, as JSON (see roundJson). */
  state: (round: LoadedRound) => string;
}

export function roundRoutes(deps: RoundDeps & { registry: OpenAPIRegistry }): Router {
  const routes = {
    router: Router(),
    registry: deps.registry,
    deps,
    state: (round: LoadedRound) => roundJson(round, deps.now(), deps.graceSeconds, deps.lexicon),
  };
  roundListRoutes(routes);
  openQuestionRoutes(routes);
  answerRoutes(routes);
  finishRoutes(routes);
  return routes.router;
}

/** Starting a round, the list of rounds and one round's state. */
function roundListRoutes({ router, registry, deps, state }: Routes): void {
  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "post",
      path: "/api/rounds",
      summary:
        "Start a timed round of random active questions matching the filters, or of the questions listed; one open round at a time",
      body: createRoundBody,
      responses: {
        201: { description: "The new round", schema: roundState },
        400: { description: "Invalid or too few questions" },
        409: { description: "Another round is still open: `error.roundId` names it", schema: roundInProgressError },
      },
    },
    async ({ req, res, body }) => {
      const userId = currentUser(req).id;
      const id = await createRound(deps, userId, body);
      res
        .status(201)
        .type("json")
        .send(state(await rounds.loadRound(deps, userId, id)));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/rounds",
      summary: "The caller's rounds (or a linked candidate's, for a mentor), newest first",
      query: listRoundsQuery,
      responses: { 200: { description: "A page of rounds", schema: roundList } },
    },
    async ({ req, res, query }) => {
      const owner = await assertCanViewCandidate(deps.prisma, currentUser(req), query.candidate);
      const { rows, total } = await rounds.listRounds(deps, owner, {
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      });
      res.json({ items: rows.map(presentRoundSummary), total, page: query.page, pageSize: query.pageSize });
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/rounds/:id",
      summary: "The round's state; with results once it is closed (owner, or a linked mentor)",
      params: roundParams,
      responses: { 200: { description: "The round", schema: roundState }, ...notYours },
    },
    async ({ req, res, params }) => {
      res.type("json").send(state(await rounds.viewRound(deps, currentUser(req), params.id)));
    },
  );
}

/** What is kept on a question while the round is open: the autosaved draft and the review flag. */
function openQuestionRoutes({ router, registry, deps }: Routes): void {
  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "put",
      path: "/api/rounds/:id/drafts/:slug",
      summary: "Autosave work in progress; the latest draft wins and becomes the answer if time runs out",
      params: questionParams,
      body: draftBody,
      responses: {
        204: { description: "Saved" },
        400: { description: "Bad answer" },
        ...notYours,
        409: {
          description: "Round closed, or a follow-up whose parent is not answered yet (`parent_not_answered`)",
          schema: answerConflictError,
        },
      },
    },
    async ({ req, res, params, body }) => {
      await rounds.saveDraft(deps, currentUser(req).id, params.id, params.slug, body.answer);
      res.status(204).end();
    },
  );
  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "put",
      path: "/api/rounds/:id/flags/:slug",
      summary: "Flag a question to review before finishing, or take the flag off; only while the round is open",
      params: questionParams,
      body: flagBody,
      responses: {
        200: { description: "The question's flag as stored", schema: flagResponse },
        400: { description: "Bad request, or the question is not in this round" },
        ...notYours,
        409: { description: "Round closed (`round_closed`)" },
      },
    },
    async ({ req, res, params, body }) => {
      await flagQuestion(deps, currentUser(req).id, params.id, params.slug, body.flagged);
      res.json({ question: params.slug, flagged: body.flagged });
    },
  );
}

/** Final answers. */
function answerRoutes({ router, registry, deps }: Routes): void {
  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "post",
      path: "/api/rounds/:id/answers",
      summary: "Submit a final answer; replaying an idempotency key with the same request returns the first response",
      params: roundParams,
      body: submitBody,
      responses: {
        201: { description: "Answer stored", schema: submitResponse },
        400: { description: "Bad answer" },
        ...notYours,
        409: {
          description:
            "Round closed, a different answer was already given, or a follow-up whose parent is not answered yet (`parent_not_answered`)",
          schema: answerConflictError,
        },
        422: { description: "The idempotency key was already used for a different request (`idempotency_key_reused`)" },
      },
    },
    async ({ req, res, params, body }) => {
      res.status(201).json(await submitAnswer(deps, currentUser(req).id, params.id, body));
    },
  );
}

/** Finishing a round: it closes and its results come back. */
function finishRoutes({ router, registry, deps, state }: Routes): void {
  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "post",
      path: "/api/rounds/:id/finish",
      summary: "Finish now: drafts become answers, everything is graded, results returned",
      params: roundParams,
      responses: { 200: { description: "The closed round with results", schema: roundState }, ...notYours },
    },
    async ({ req, res, params }) => {
      res.type("json").send(state(await rounds.finishRound(deps, currentUser(req).id, params.id)));
    },
  );
}
