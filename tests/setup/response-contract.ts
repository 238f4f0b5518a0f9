import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "../../server/src/http/app-error.ts";

/**
 * Holds a response to the contract the OpenAPI document is generated from: the zod schema registered for its method,
 * path template and status. The document must tell the truth, so a field the schema lacks is as much a mismatch as a
 * wrong type.
 */

/** JSON endpoints deliberately outside the documented API: the document itself and the load balancer's probes. */
const UNDOCUMENTED = new Set(["GET /api/openapi.json", "GET /healthz", "GET /readyz"]);

const errorCodes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** What every error response is, whichever route (or no route) answered: the shape `AppError.toJSON` writes. */
export const errorShape = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string().min(1),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

interface DocumentedRoute {
  method: string;
  template: string;
  pattern: RegExp;
  /** Literal segments count for more than parameters, so `/api/flashcards/settings` wins over `/api/flashcards/{id}`. */
  specificity: number[];
  responses: Map<number, z.ZodType | undefined>;
}

export interface Contract {
  routes: DocumentedRoute[];
}

interface RegisteredResponse {
  content?: { "application/json"?: { schema?: unknown } };
}

export function contractOf(registry: OpenAPIRegistry): Contract {
  const routes: DocumentedRoute[] = [];
  for (const definition of registry.definitions) {
    if (definition.type !== "route") continue;
    const { method, path, responses } = definition.route;
    const segments = path.split("/").slice(1);
    // Express routes are not strict: `/api/rounds/x/answers/` reaches the same handler as without the slash.
    const pattern = new RegExp(
      `^/${segments.map((s) => (/^\{\w+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))).join("/")}/?$`,
    );
    routes.push({
      method: method.toUpperCase(),
      template: path,
      pattern,
      specificity: segments.map((s) => (s.startsWith("{") ? 0 : 1)),
      responses: new Map(
        Object.entries(responses as Record<string, RegisteredResponse>).map(([status, r]) => {
          const schema = r.content?.["application/json"]?.schema;
          return [Number(status), schema instanceof z.ZodType ? schema : undefined];
        }),
      ),
    });
  }
  return { routes };
}

const bySpecificity = (a: DocumentedRoute, b: DocumentedRoute) => {
  for (let i = 0; i < Math.max(a.specificity.length, b.specificity.length); i++) {
    const diff = (b.specificity[i] ?? 0) - (a.specificity[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
};

export function documentedRoute(contract: Contract, method: string, path: string): DocumentedRoute | undefined {
  return contract.routes
    .filter((r) => r.method === method.toUpperCase() && r.pattern.test(path))
    .sort(bySpecificity)[0];
}

/** Paths (like `items[0].extra`) present in `raw` but dropped by the schema, i.e. fields the schema does not declare. */
function undeclaredFields(raw: unknown, parsed: unknown, at = ""): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.flatMap((item, i) => undeclaredFields(item, parsed[i], `${at}[${i}]`));
  }
  if (raw === null || typeof raw !== "object" || parsed === null || typeof parsed !== "object") return [];
  return Object.entries(raw).flatMap(([key, value]) => {
    const path = at ? `${at}.${key}` : key;
    return key in parsed ? undeclaredFields(value, (parsed as Record<string, unknown>)[key], path) : [path];
  });
}

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);

/** How `body` breaks `schema`: its zod issues, or else the fields the schema does not declare. */
export function schemaProblems(schema: z.ZodType, body: unknown): string[] {
  const result = schema.safeParse(body);
  if (!result.success) return issuesOf(result.error);
  return undeclaredFields(body, result.data).map((path) => `${path}: not in the schema`);
}

/** A route's own error schema (one naming an extra field, say) documents more, but never less, than the shared shape. */
function errorProblems(registered: z.ZodType | undefined, body: unknown): string[] {
  if (!registered) return schemaProblems(errorShape, body);
  const shared = errorShape.safeParse(body);
  return [...schemaProblems(registered, body), ...(shared.success ? [] : issuesOf(shared.error))];
}

export interface ObservedResponse {
  method: string;
  path: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
}

export const isJson = (contentType: string | undefined) => /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? "");

/** Why the response breaks the contract, or undefined when it keeps it (or is not JSON, so the schemas say nothing). */
export function contractViolation(contract: Contract, response: ObservedResponse): string | undefined {
  const { method, path, status } = response;
  if (!isJson(response.contentType) || status < 200 || (status >= 300 && status < 400)) return undefined;
  const route = documentedRoute(contract, method, path);
  const where = `${method.toUpperCase()} ${path} → ${status}${route ? ` (documented as ${route.template})` : ""}`;
  const registered = route?.responses.get(status);
  let problems: string[];
  if (status >= 400) {
    problems = errorProblems(registered, response.body);
    const code = (response.body as { error?: { code?: string } } | null)?.error?.code;
    if (code && code in ERROR_STATUS && ERROR_STATUS[code as ErrorCode] !== status) {
      problems.push(`error.code: "${code}" is answered with ${ERROR_STATUS[code as ErrorCode]}, not ${status}`);
    }
  } else if (registered) {
    problems = schemaProblems(registered, response.body);
  } else if (UNDOCUMENTED.has(`${method.toUpperCase()} ${path}`)) {
    problems = [];
  } else {
    problems = [
      route ? `no JSON schema is registered for status ${status}` : "no route in the OpenAPI document matches",
    ];
  }
  if (problems.length === 0) return undefined;
  return `Response breaks the OpenAPI contract: ${where}\n${problems.map((p) => `  - ${p}`).join("\n")}`;
}
