import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
// First: it gives zod the `.openapi()` the schema modules call as they load.
import "../../../server/src/http/route.ts";
import * as auth from "../../../server/src/auth/schemas.ts";
import * as disputes from "../../../server/src/disputes/schemas.ts";
import * as flashcards from "../../../server/src/flashcards/schemas.ts";
import * as history from "../../../server/src/history/schemas.ts";
import * as home from "../../../server/src/home/schemas.ts";
import * as links from "../../../server/src/links/schemas.ts";
import * as progress from "../../../server/src/progress/schemas.ts";
import * as questions from "../../../server/src/questions/schemas.ts";
import * as review from "../../../server/src/review/schemas.ts";
import * as rounds from "../../../server/src/rounds/schemas.ts";
import * as rubric from "../../../server/src/rubric/schemas.ts";
import { contractOf, contractViolation, schemaProblems } from "../../setup/response-contract.ts";

type Method = "get" | "post" | "put" | "delete";

/**
 * Each JSON response the API documents a schema of its own for, with the very schema its route registers (tests/api/openapi-contract.test.ts
 * proves the table and the server's registry agree), so the client tests' mocks are held to the API they stand in for
 * without starting a server.
 */
export const DOCUMENTED_RESPONSES: readonly [Method, string, number, z.ZodType][] = [
  ["post", "/api/auth/signup", 201, auth.userResponse],
  ["post", "/api/auth/login", 200, auth.userResponse],
  ["get", "/api/me", 200, auth.userResponse],
  ["get", "/api/questions", 200, questions.questionPage],
  ["get", "/api/questions/{slug}", 200, questions.questionSchema],
  ["post", "/api/questions/{slug}/check", 200, questions.checkResponse],
  ["post", "/api/rounds", 201, rounds.roundState],
  ["get", "/api/rounds", 200, rounds.roundList],
  ["get", "/api/rounds/{id}", 200, rounds.roundState],
  ["put", "/api/rounds/{id}/flags/{slug}", 200, rounds.flagResponse],
  ["post", "/api/rounds/{id}/answers", 201, rounds.submitResponse],
  ["post", "/api/rounds/{id}/finish", 200, rounds.roundState],
  ["get", "/api/flashcards/queue", 200, flashcards.queueResponse],
  ["get", "/api/flashcards/cram", 200, flashcards.cramResponse],
  ["post", "/api/flashcards/{id}/reviews", 201, flashcards.cardStateSchema],
  ["post", "/api/flashcards/{id}/check", 200, flashcards.checkResponse],
  ["post", "/api/flashcards/undo", 200, flashcards.undoResponse],
  ["get", "/api/flashcards/stats", 200, flashcards.statsResponse],
  ["get", "/api/flashcards/cards", 200, flashcards.cardListResponse],
  ["post", "/api/flashcards/{id}/suspend", 200, flashcards.cardStateSchema],
  ["post", "/api/flashcards/{id}/unsuspend", 200, flashcards.cardStateSchema],
  ["post", "/api/flashcards/{id}/bury", 200, flashcards.buryResponse],
  ["delete", "/api/flashcards/{id}/bury", 200, flashcards.cardStateSchema],
  ["get", "/api/me/study-settings", 200, flashcards.settingsSchema],
  ["put", "/api/me/study-settings", 200, flashcards.settingsSchema],
  ["post", "/api/links/invites", 201, links.inviteResponse],
  ["post", "/api/links", 201, links.linkSchema],
  ["get", "/api/links", 200, links.linkList],
  ["get", "/api/answers", 200, history.historyPage],
  ["get", "/api/answers/{id}", 200, history.answerDetail],
  ["get", "/api/me/unread", 200, history.unreadSchema],
  ["get", "/api/me/audit", 200, history.auditList],
  ["post", "/api/answers/{id}/comments", 201, review.commentSchema],
  ["post", "/api/answers/{id}/override", 201, review.overrideResponse],
  ["post", "/api/answers/{id}/confirm", 200, review.confirmResponse],
  ["post", "/api/answers/{id}/dispute", 201, disputes.disputeResponse],
  ["put", "/api/answers/{id}/self-assessment", 200, disputes.selfAssessmentResponse],
  ["get", "/api/review/queue", 200, review.queueResponse],
  ["get", "/api/candidates", 200, review.candidateList],
  ["get", "/api/review/agreement", 200, review.agreementResponse],
  ["get", "/api/me/progress", 200, progress.progressSchema],
  ["get", "/api/candidates/{id}/progress", 200, progress.progressSchema],
  ["get", "/api/home", 200, home.homeResponse],
  ["get", "/api/rubric/health", 200, rubric.healthResponse],
  ["get", "/api/rubric/questions/{slug}", 200, rubric.entriesResponse],
  ["post", "/api/rubric/preview", 200, rubric.previewResponse],
  ["post", "/api/rubric/suggestions", 201, rubric.suggestionCreated],
  ["get", "/api/rubric/suggestions", 200, rubric.suggestionList],
  ["get", "/api/questions/{slug}", 409, questions.parentNotAnsweredError],
  ["post", "/api/questions/{slug}/check", 409, questions.parentNotAnsweredError],
  ["post", "/api/rounds", 409, rounds.roundInProgressError],
  ["put", "/api/rounds/{id}/drafts/{slug}", 409, rounds.answerConflictError],
  ["post", "/api/rounds/{id}/answers", 409, rounds.answerConflictError],
];

const registry = new OpenAPIRegistry();
const byRoute = new Map<string, (typeof DOCUMENTED_RESPONSES)[number][]>();
for (const entry of DOCUMENTED_RESPONSES) {
  const key = `${entry[0]} ${entry[1]}`;
  byRoute.set(key, [...(byRoute.get(key) ?? []), entry]);
}
for (const responses of byRoute.values()) {
  const [method, path] = responses[0]!;
  registry.registerPath({
    method,
    path,
    responses: Object.fromEntries(
      responses.map(([, , status, schema]) => [
        status,
        { description: path, content: { "application/json": { schema } } },
      ]),
    ),
  });
}
const contract = contractOf(registry);

/**
 * Why a mocked reply could not have come from the API (a field missing, mistyped or unknown, an error not in the
 * stable shape), or undefined. Paths the API does not have (a test's stand-in endpoint) are not the API's to judge.
 */
export function mockViolation(method: string, url: string, status: number, body: unknown): string | undefined {
  const path = new URL(url, "http://client.test").pathname;
  if (!contract.routes.some((r) => r.pattern.test(path))) return undefined;
  return contractViolation(contract, { method, path, status, contentType: "application/json", body });
}

/** `body` as the API would send it for `schema`, or an error naming how it drifted from it. */
export function apiBody<S extends z.ZodType>(schema: S, body: z.output<S>): z.output<S> {
  const problems = schemaProblems(schema, body);
  if (problems.length > 0)
    throw new Error(`Fixture drifted from the API's schema:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return body;
}
