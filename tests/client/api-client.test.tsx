import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError } from "../../client/src/lib/api-client";
import { errorReply, mockApi } from "./support/mock-api";

afterEach(() => {
  vi.unstubAllGlobals();
});

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe("api client", () => {
  it("when a body is sent, then it goes as JSON with same-origin credentials", async () => {
    const fetchMock = mockApi({ "POST /api/things": { status: 201, body: { ok: true } } });

    expect(await api.post("/api/things", { name: "x" })).toEqual({ ok: true });

    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.credentials).toBe("same-origin");
    expect(init?.body).toBe('{"name":"x"}');
    expect((init?.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });

  it("when a GET is sent, then it carries no Content-Type", async () => {
    const fetchMock = mockApi({ "GET /api/things": { status: 200, body: [] } });

    await api.get("/api/things");

    expect(fetchMock.mock.calls[0]?.[1]?.headers).not.toHaveProperty("Content-Type");
  });

  it("when the server answers 204, then the result is undefined", async () => {
    mockApi({ "POST /api/auth/logout": { status: 204 } });

    expect(await api.post("/api/auth/logout")).toBeUndefined();
  });

  it("when the server sends its error shape, then the ApiError carries status, code, message and details", async () => {
    const details = [{ path: "email", message: "is required" }];
    mockApi({
      "POST /api/things": { status: 400, body: { error: { code: "validation_failed", message: "Bad", details } } },
    });

    const error = await caught(api.post("/api/things", {}));

    expect({ ...error, message: error.message }).toMatchObject({
      status: 400,
      code: "validation_failed",
      message: "Bad",
      details,
    });
  });

  it("when a 429 carries Retry-After, then the wait is on the error", async () => {
    mockApi({ "POST /api/things": errorReply(429, "rate_limited", "Slow down", { headers: { "Retry-After": "30" } }) });

    expect((await caught(api.post("/api/things", {}))).retryAfterSeconds).toBe(30);
  });

  it("when the error body isn't ours, then the status is kept under a generic code", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<h1>Bad gateway</h1>", { status: 502 })),
    );

    const error = await caught(api.get("/api/things"));

    expect([error.status, error.code, error.details]).toEqual([502, "http_error", []]);
  });

  it("when the network fails, then the error is a network_error with status 0", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );

    const error = await caught(api.get("/api/things"));

    expect([error.status, error.code]).toEqual([0, "network_error"]);
  });
});
