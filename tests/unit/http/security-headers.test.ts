import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import helmet from "helmet";
import { describe, expect, it } from "vitest";
import { replayedHeaders } from "../../../server/src/http/security-headers.ts";

/** A response as a server makes it, with X-Powered-By already set, as Express sets it when not disabled. */
function response(): ServerResponse {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  res.setHeader("X-Powered-By", "Express");
  return res;
}

/** Runs a middleware over a fresh response and returns the headers it leaves, in their order. */
function headersAfter(step: ReturnType<typeof helmet>): [string, unknown][] {
  const res = response();
  let nexts = 0;
  step(res.req, res, () => nexts++);
  expect(nexts).toBe(1);
  return res.getHeaderNames().map((name) => [name, res.getHeader(name)]);
}

describe("replayed security headers", () => {
  it.each([
    ["the app's plain-http options", { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }],
    [
      "the app's TLS options",
      { contentSecurityPolicy: { directives: { upgradeInsecureRequests: [] } }, strictTransportSecurity: true },
    ],
    ["no CSP", { contentSecurityPolicy: false }],
  ])("with %s, then a request gets exactly helmet's headers, X-Powered-By removed", (_, options) => {
    const replayed = headersAfter(replayedHeaders(helmet(options)));
    expect(replayed).toEqual(headersAfter(helmet(options)));
    expect(replayed.map(([name]) => name)).toContain("x-content-type-options");
    expect(replayed.map(([name]) => name)).not.toContain("x-powered-by");
  });

  it("when a CSP directive depends on the request, then replaying is refused at start-up", () => {
    const nonce = (req: IncomingMessage) => `'nonce-${req.headers["x-nonce"] as string}'`;
    expect(() => replayedHeaders(helmet({ contentSecurityPolicy: { directives: { scriptSrc: [nonce] } } }))).toThrow(
      /depend on the request/,
    );
  });
});
