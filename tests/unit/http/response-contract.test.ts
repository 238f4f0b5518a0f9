import express, { Router } from "express";
import supertest from "supertest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_PREFIX, createRegistry, defineRoute } from "../../../server/src/http/route.ts";
import { errorHandler } from "../../../server/src/http/error-handler.ts";
import { AppError } from "../../../server/src/http/app-error.ts";
import { contractOf, contractViolation, documentedRoute } from "../../setup/response-contract.ts";
import "../../setup/check-responses.ts";

const item = z.object({ id: z.uuid(), note: z.string().optional() });
const ID = "3f2b8a4e-5c1d-4e7f-9a0b-1c2d3e4f5a6b";

/** An app whose `/api/items/:id` answers whatever `reply` holds, documented as returning `item`. */
function appAnswering(reply: { status: number; body: unknown }) {
  const registry = createRegistry();
  const router = Router();
  const spec = { tag: "Items", summary: "x", responses: { 200: { description: "An item", schema: item } } } as const;
  defineRoute(router, registry, { ...spec, method: "get", path: "/api/items/:id" }, ({ res }) => {
    res.status(reply.status).json(reply.body);
  });
  defineRoute(
    router,
    registry,
    { ...spec, method: "get", path: "/api/items/latest", responses: { 204: { description: "None" } } },
    ({ res }) => {
      res.json({ id: ID });
    },
  );
  const app = express();
  app.locals.openApi = registry;
  app.use(API_PREFIX, router);
  app.get("/api/undocumented", (_req, res) => void res.json({ ok: true }));
  app.get("/api/failing", () => {
    throw new AppError("conflict", "Taken");
  });
  app.use(errorHandler);
  return { app, contract: contractOf(registry) };
}

const observed = (status: number, body: unknown, path = `/api/items/${ID}`) => ({
  method: "GET",
  path,
  status,
  contentType: "application/json; charset=utf-8",
  body,
});

describe("the response contract", () => {
  const { contract } = appAnswering({ status: 200, body: {} });

  it("when a path has a literal segment where another route has a parameter, then the literal route is the one", () => {
    expect(documentedRoute(contract, "GET", "/api/items/latest")?.template).toBe("/api/items/latest");
    expect(documentedRoute(contract, "GET", `/api/items/${ID}`)?.template).toBe("/api/items/{id}");
    expect(documentedRoute(contract, "GET", `/api/items/${ID}/`)?.template).toBe("/api/items/{id}");
  });

  it("when a response matches its schema, then there is nothing to report", () => {
    expect(contractViolation(contract, observed(200, { id: ID, note: "fine" }))).toBeUndefined();
  });

  it("when a field has the wrong type or is missing, then the report names the method, path, status and field", () => {
    const report = contractViolation(contract, observed(200, { id: "not-a-uuid" }));
    expect(report).toContain(`GET /api/items/${ID} → 200 (documented as /api/items/{id})`);
    expect(report).toMatch(/- id: Invalid UUID/i);
    expect(contractViolation(contract, observed(200, {}))).toMatch(/- id: .*received undefined/);
  });

  it("when a response carries a field the schema lacks, then that field is reported, however deep", () => {
    expect(contractViolation(contract, observed(200, { id: ID, secret: 1 }))).toContain("- secret: not in the schema");
  });

  it("when a 2xx JSON response has no registered schema, or no documented route, then it is reported", () => {
    expect(contractViolation(contract, observed(200, { id: ID }, "/api/items/latest"))).toContain(
      "no JSON schema is registered for status 200",
    );
    expect(contractViolation(contract, observed(200, {}, "/api/nowhere"))).toContain(
      "no route in the OpenAPI document matches",
    );
  });

  it("when an error does not have the stable error shape or its code belongs to another status, then it is reported", () => {
    expect(contractViolation(contract, observed(404, { message: "gone" }))).toMatch(/- error: .*received undefined/);
    expect(contractViolation(contract, observed(404, { error: { code: "teapot", message: "x" } }))).toContain(
      "- error.code:",
    );
    expect(contractViolation(contract, observed(404, { error: { code: "conflict", message: "x" } }))).toContain(
      '"conflict" is answered with 409, not 404',
    );
    expect(contractViolation(contract, observed(404, { error: { code: "not_found", message: "x" } }))).toBeUndefined();
  });

  it("when the response is not JSON or has no body, then the schemas say nothing about it", () => {
    expect(contractViolation(contract, { ...observed(200, "a,b"), contentType: "text/csv" })).toBeUndefined();
    expect(contractViolation(contract, observed(304, {}))).toBeUndefined();
  });
});

describe("supertest requests held to the contract", () => {
  it("when the app answers a broken response, then the request fails with the contract report", async () => {
    const { app } = appAnswering({ status: 200, body: { id: ID, extra: true } });
    await expect(supertest(app).get(`/api/items/${ID}`).expect(200)).rejects.toThrow(/extra: not in the schema/);
    await expect(supertest.agent(app).get("/api/undocumented")).rejects.toThrow(/no route in the OpenAPI document/);
  });

  it("when the response keeps the contract, then the request passes, and the test's own expectations fail first", async () => {
    const { app } = appAnswering({ status: 200, body: { id: ID } });
    await supertest(app).get(`/api/items/${ID}`).expect(200);
    await supertest(app).get("/api/failing").expect(409);
    await expect(supertest(app).get("/api/items/latest").expect(204)).rejects.toThrow(
      /expected 204 "No Content", got 200/,
    );
  });
});
