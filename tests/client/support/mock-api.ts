import { vi } from "vitest";

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = Reply | ((body: unknown) => Reply | Promise<Reply>);

export const candidate = {
  id: "u_1",
  email: "ada@example.com",
  displayName: "Ada Lovelace",
  role: "candidate",
  createdAt: "2025-01-01T00:00:00.000Z",
} as const;

export const mentor = { ...candidate, id: "u_2", email: "grace@example.com", displayName: "Grace Hopper", role: "mentor" } as const;

export function errorReply(status: number, code: string, message: string, extra: Partial<Reply> = {}): Reply {
  return { status, body: { error: { code, message } }, ...extra };
}

export const signedOut = errorReply(401, "unauthenticated", "Not signed in");

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
