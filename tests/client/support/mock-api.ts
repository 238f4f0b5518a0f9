import { afterEach, expect, vi } from "vitest";
import type { User } from "../../../client/src/lib/api-types.ts";
// Ahead of the schema modules: it gives zod the `.openapi()` they call as they load.
import { apiBody, mockViolation } from "./api-contract.ts";
import { userSchema } from "../../../server/src/auth/schemas.ts";

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = Reply | ((body: unknown) => Reply | Promise<Reply>);

export const candidate: User = apiBody(userSchema, {
  id: "0b7e5d2c-1a4f-4c3e-9d8b-2f6a1e0c9b71",
  email: "ada@example.com",
  displayName: "Ada Lovelace",
  role: "candidate",
  createdAt: "2025-01-01T00:00:00.000Z",
});

export const mentor: User = apiBody(userSchema, {
  ...candidate,
  id: "5c9a3e71-8d2b-4f60-a1e4-7b3d9c0f2a58",
  email: "grace@example.com",
  displayName: "Grace Hopper",
  role: "mentor",
});

export function errorReply(status: number, code: string, message: string, extra: Partial<Reply> = {}): Reply {
  return { status, body: { error: { code, message } }, ...extra };
}

export const signedOut = errorReply(401, "unauthenticated", "Not signed in");

/** Replies no real server could have sent; each test ends by showing them, so a drifted mock fails its test. */
const driftedReplies: string[] = [];
afterEach(() => {
  const drifted = driftedReplies.splice(0);
  expect(drifted, "mocked replies the API could not have sent").toEqual([]);
});

/**
 * Replaces fetch with a table of "METHOD /path" → reply. An unlisted request answers 599 with its key
 * as the message, so a missing mock shows up in the page and the failure output rather than hanging.
 */
export function mockApi(routes: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const key = `${init.method ?? "GET"} ${String(input)}`;
    const handler = routes[key];
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const reply = !handler
      ? errorReply(599, "unmocked", `No mock for ${key}`)
      : typeof handler === "function"
        ? await handler(body)
        : handler;
    if (handler && reply.body !== undefined) {
      // As the page receives it: JSON drops a field set to undefined.
      const sent: unknown = JSON.parse(JSON.stringify(reply.body));
      const violation = mockViolation(init.method ?? "GET", String(input), reply.status, sent);
      if (violation) driftedReplies.push(violation);
    }
    const payload = reply.body === undefined ? null : JSON.stringify(reply.body);
    return new Response(payload, {
      status: reply.status,
      headers: { "Content-Type": "application/json", ...reply.headers },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

/** The parsed JSON body of each call made to one endpoint. */
export function requestBodies(fetchMock: ReturnType<typeof mockApi>, method: string, path: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([input, init]) => String(input) === path && (init?.method ?? "GET") === method)
    .map(([, init]) => JSON.parse(String(init?.body)));
}
