import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { currentUser, requireRole } from "../auth/index.ts";
import { defineRoute } from "../http/index.ts";
import {
  entriesParams,
  entriesResponse,
  healthResponse,
  previewBody,
  previewResponse,
  suggestionBody,
  suggestionCreated,
  suggestionList,
} from "./schemas.ts";
import * as rubric from "./service.ts";

// Rubric work reads rulings and answers across a mentor's candidates: mentors only (a candidate gets a 403).
const mentor = { tag: "Rubric", auth: true, middleware: [requireRole("mentor")] } as const;
const forbidden = { 403: { description: "Not a mentor" } };
const phraseErrors = {
  400: { description: "Bad phrase, or a concept / misconception the question's current rubric lacks" },
  404: { description: "No such question" },
  ...forbidden,
};

export function rubricRoutes(deps: rubric.RubricDeps & { registry: OpenAPIRegistry }): Router {
  const router = Router();
  const { registry } = deps;

  defineRoute(
    router,
    registry,
    {
      ...mentor,
      method: "get",
      path: "/api/rubric/health",
      summary: "Per question: the grader against the caller's rulings on linked candidates, with each disagreement",
      responses: { 200: { description: "Rubric health", schema: healthResponse }, ...forbidden },
    },
    async ({ req, res }) => {
      res.json(await rubric.rubricHealth(deps, currentUser(req).id));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...mentor,
      method: "get",
      path: "/api/rubric/questions/:slug",
      summary: "The question's current rubric entries (concepts, misconceptions) a phrase can be suggested for",
      params: entriesParams,
      responses: {
        200: { description: "Rubric entries", schema: entriesResponse },
        404: { description: "No such question" },
        ...forbidden,
      },
    },
    async ({ res, params }) => {
      res.json(await rubric.rubricEntries(deps, params.slug));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...mentor,
      method: "post",
      path: "/api/rubric/preview",
      summary: "Regrade linked candidates' answers in memory with one more rubric phrase; nothing is stored",
      body: previewBody,
      responses: { 200: { description: "What would change", schema: previewResponse }, ...phraseErrors },
    },
    async ({ req, res, body }) => {
      res.json(await rubric.previewPhrase(deps, currentUser(req).id, body));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...mentor,
      method: "post",
      path: "/api/rubric/suggestions",
      summary: "Save a phrase suggestion with its preview figures (for the bank's maintainer)",
      body: suggestionBody,
      responses: { 201: { description: "The suggestion", schema: suggestionCreated }, ...phraseErrors },
    },
    async ({ req, res, body }) => {
      res.status(201).json(await rubric.saveSuggestion(deps, currentUser(req).id, body));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...mentor,
      method: "get",
      path: "/api/rubric/suggestions",
      summary: "The caller's own suggestions, newest first",
      responses: { 200: { description: "Suggestions", schema: suggestionList }, ...forbidden },
    },
    async ({ req, res }) => {
      res.json(await rubric.listSuggestions(deps, currentUser(req).id));
    },
  );

  return router;
}
