export type ErrorDetail = { path: string; message: string };

type ApiErrorInit = {
  status: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
  retryAfterSeconds?: number;
  roundId?: string;
  parent?: string;
};

/** Every failed request, whatever went wrong, surfaces as one of these. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  /** From the Retry-After header on 429s, so a form can say how long to wait. */
  readonly retryAfterSeconds: number | undefined;
  /** On `round_in_progress`: the open round, so the page can offer to continue it. */
  readonly roundId: string | undefined;
  /** On `parent_not_answered`: the question to answer first. */
  readonly parent: string | undefined;

  constructor({ status, code, message, details = [], retryAfterSeconds, roundId, parent }: ApiErrorInit) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
    this.roundId = roundId;
    this.parent = parent;
  }
}

type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
};

export async function apiRequest<T>(path: string, { method = "GET", body, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    // An abort is TanStack Query cancelling on purpose, not a failure to report.
    if (signal?.aborted) throw cause;
    throw new ApiError({
      status: 0,
      code: "network_error",
      message: "We couldn't reach Watermark. Check your connection and try again.",
    });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "POST", body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "PUT", body }),
};

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
  const retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : undefined;
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) {
    const { code, message, details, roundId, parent } = body.error;
    return new ApiError({
      status: response.status,
      code,
      message,
      details,
      retryAfterSeconds,
      roundId: typeof roundId === "string" ? roundId : undefined,
      parent: typeof parent === "string" ? parent : undefined,
    });
  }
  // A proxy or crash page rather than our API: keep the status, invent nothing else.
  return new ApiError({
    status: response.status,
    code: "http_error",
    message: `Something went wrong on our side (HTTP ${response.status}). Please try again.`,
    retryAfterSeconds,
  });
}

type ErrorBody = {
  error: { code: string; message: string; details?: ErrorDetail[]; roundId?: unknown; parent?: unknown };
};

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = body.error;
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string" &&
    "message" in error &&
    typeof error.message === "string" &&
    (!("details" in error) || error.details === undefined || Array.isArray(error.details))
  );
}
