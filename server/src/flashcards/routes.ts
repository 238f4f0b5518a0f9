import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { currentUser, requireUser } from "../auth/index.ts";
import type { Prisma } from "../db/index.ts";
import type { Lexicon } from "../grading/index.ts";
import { defineRoute } from "../http/index.ts";
import {
  buryResponse,
  cardListQuery,
  cardListResponse,
  cardParams,
  cardStateSchema,
  checkBody,
  checkResponse,
  cramQuery,
  cramResponse,
  queueQuery,
  queueResponse,
  reviewBody,
  settingsBody,
  settingsSchema,
  statsResponse,
  undoResponse,
} from "./schemas.ts";
import * as flashcards from "./service.ts";
import { loadPrefs, savePrefs } from "./settings.ts";

const common = { tag: "Flashcards", auth: true, middleware: [requireUser] } as const;
const notYours = { 404: { description: "No such card (or not yours)" } };

interface Routes {
  router: Router;
  registry: OpenAPIRegistry;
  svc: flashcards.FlashcardDeps;
}

export function flashcardRoutes(deps: {
  prisma: Prisma;
  lexicon: Lexicon;
  registry: OpenAPIRegistry;
  now?: () => Date;
}): Router {
  const routes = {
    router: Router(),
    registry: deps.registry,
    svc: { prisma: deps.prisma, now: deps.now ?? (() => new Date()) },
  };
  queueRoutes(routes);
  ratingRoutes(routes, deps.lexicon);
  cardRoutes(routes);
  settingsRoutes(routes);
  return routes.router;
}

/** What there is to study: today's queue and cram. */
function queueRoutes({ router, registry, svc }: Routes): void {
  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/flashcards/queue",
      summary: "Today's review queue: learning cards due, then reviews due, then new cards up to the daily limit",
      query: queueQuery,
      responses: {
        200: { description: "The next cards and how many of each kind are waiting", schema: queueResponse },
        400: { description: "Bad limit or section" },
      },
    },
    async ({ req, res, query }) => {
      res.json(await flashcards.getQueue(svc, currentUser(req).id, { limit: query.limit, sections: query.sections }));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/flashcards/cram",
      summary:
        "Cram: every card of the chosen sections that is not suspended, due or not; reviewing them changes no schedule",
      query: cramQuery,
      responses: {
        200: { description: "The cards with their content", schema: cramResponse },
        400: { description: "Bad limit or section" },
      },
    },
    async ({ req, res, query }) => {
      res.json(await flashcards.getCram(svc, currentUser(req).id, { limit: query.limit, sections: query.sections }));
    },
  );
}

/** Rating a card, checking typed recall before rating, and undoing the last rating. */
function ratingRoutes({ router, registry, svc }: Routes, lexicon: Lexicon): void {
  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "post",
      path: "/api/flashcards/:id/reviews",
      summary: "Rate a card; repeating a reviewId returns the first response and logs nothing new",
      params: cardParams,
      body: reviewBody,
      responses: {
        201: { description: "The card's new state", schema: cardStateSchema },
        400: { description: "Bad rating or reviewId" },
        ...notYours,
        409: { description: "The card is suspended, or the reviewId was used for another card" },
      },
    },
    async ({ req, res, params, body }) => {
      res.status(201).json(await flashcards.reviewOne(svc, currentUser(req).id, params.id, body));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "post",
      path: "/api/flashcards/:id/check",
      summary: "Grade typed recall of a personal card against its rubric concept and suggest a rating (nothing stored)",
      params: cardParams,
      body: checkBody,
      responses: {
        200: { description: "The grading and a suggested rating", schema: checkResponse },
        400: { description: "Bad answer" },
        ...notYours,
      },
    },
    async ({ req, res, params, body }) => {
      res.json(await flashcards.checkRecall({ ...svc, lexicon }, currentUser(req).id, params.id, body.answer));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "post",
      path: "/api/flashcards/undo",
      summary: "Undo the caller's last review: the card's state is restored exactly and the log row marked undone",
      responses: {
        200: { description: "What was undone and the card's restored state", schema: undoResponse },
        409: { description: "Nothing to undo" },
      },
    },
    async ({ req, res }) => {
      res.json(await flashcards.undoLast(svc, currentUser(req).id));
    },
  );
}

/** The stats, the lists of personal cards, leeches and suspended cards, and what is done to one card. */
function cardRoutes({ router, registry, svc }: Routes): void {
  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/flashcards/stats",
      summary: "Cards by state, the 14-day forecast, true retention over 30 days and reviews per day",
      responses: { 200: { description: "Study statistics in the user's time zone", schema: statsResponse } },
    },
    async ({ req, res }) => {
      res.json(await flashcards.getStats(svc, currentUser(req).id));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "get",
      path: "/api/flashcards/cards",
      summary: "The caller's personal (missed-concept) cards, leeches or suspended cards",
      query: cardListQuery,
      responses: { 200: { description: "Cards with their content and state", schema: cardListResponse } },
    },
    async ({ req, res, query }) => {
      res.json(await flashcards.listCards(svc, currentUser(req).id, query.filter));
    },
  );

  for (const [action, suspended] of [
    ["suspend", true],
    ["unsuspend", false],
  ] as const) {
    defineRoute(
      router,
      registry,
      {
        ...common,
        method: "post",
        path: `/api/flashcards/:id/${action}`,
        summary: suspended
          ? "Suspend a card: it leaves the queue, keeping its schedule and log"
          : "Unsuspend a card (also a leech)",
        params: cardParams,
        responses: { 200: { description: "The card's state", schema: cardStateSchema }, ...notYours },
      },
      async ({ req, res, params }) => {
        res.json(await flashcards.setSuspended(svc, currentUser(req).id, params.id, suspended));
      },
    );
  }

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "post",
      path: "/api/flashcards/:id/bury",
      summary: "Bury a card until tomorrow (the user's next day): it leaves today's queue, its schedule untouched",
      params: cardParams,
      responses: { 200: { description: "The card's state and when it comes back", schema: buryResponse }, ...notYours },
    },
    async ({ req, res, params }) => {
      res.json(await flashcards.buryCard(svc, currentUser(req).id, params.id));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "delete",
      path: "/api/flashcards/:id/bury",
      summary: "Unbury a card (undo a bury): it is queued again as its schedule says; its schedule is untouched",
      params: cardParams,
      responses: { 200: { description: "The card's state", schema: cardStateSchema }, ...notYours },
    },
    async ({ req, res, params }) => {
      res.json(await flashcards.unburyCard(svc, currentUser(req).id, params.id));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      method: "delete",
      path: "/api/flashcards/:id",
      summary: "Delete a personal card and its review log (bank cards can only be suspended)",
      params: cardParams,
      responses: { 204: { description: "Deleted" }, ...notYours, 409: { description: "A bank card" } },
    },
    async ({ req, res, params }) => {
      await flashcards.deletePersonal(svc, currentUser(req).id, params.id);
      res.status(204).end();
    },
  );
}

function settingsRoutes({ router, registry, svc }: Routes): void {
  defineRoute(
    router,
    registry,
    {
      ...common,
      tag: "Study settings",
      method: "get",
      path: "/api/me/study-settings",
      summary: "The caller's study settings (defaults until saved)",
      responses: { 200: { description: "Settings", schema: settingsSchema } },
    },
    async ({ req, res }) => {
      res.json(await loadPrefs(svc.prisma, currentUser(req).id));
    },
  );

  defineRoute(
    router,
    registry,
    {
      ...common,
      tag: "Study settings",
      method: "put",
      path: "/api/me/study-settings",
      summary: "Save study settings; fields left out keep their values",
      body: settingsBody,
      responses: {
        200: { description: "The saved settings", schema: settingsSchema },
        400: { description: "A value out of range (named in details)" },
      },
    },
    async ({ req, res, body }) => {
      res.json(await savePrefs(svc.prisma, currentUser(req).id, body, svc.now()));
    },
  );
}
