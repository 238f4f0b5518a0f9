import type { IncomingMessage, ServerResponse } from "node:http";
import type { Step } from "./early-json.ts";

type HeaderValue = string | number | readonly string[];

/**
 * `headers` (helmet's middleware) as one flat loop. helmet runs a chain of a dozen middlewares per request, each
 * setting one header, and with this app's options (no CSP directive is a function, so no nonces) no value depends on
 * the request. So the middleware is run once here against a response that records what it does, and each request
 * only replays that: the same headers, removals and order, without the chain (measured ~4% of an autosave's server
 * CPU). A middleware that reads the request or the response, or fails, would make the record wrong, so it throws.
 */
export function replayedHeaders(headers: Step): Step {
  const ops: [name: string, value: HeaderValue | undefined][] = [];
  const recorder = {
    setHeader(name: string, value: HeaderValue) {
      ops.push([name, value]);
      return recorder;
    },
    removeHeader(name: string) {
      ops.push([name, undefined]);
    },
  };
  const request = new Proxy({} as IncomingMessage, {
    get() {
      throw new Error("security headers that depend on the request cannot be replayed");
    },
  });
  let done = false;
  headers(request, recorder as unknown as ServerResponse, (...error: unknown[]) => {
    if (error[0] !== undefined) throw error[0];
    done = true;
  });
  if (!done) throw new Error("security headers middleware did not finish synchronously");
  return (_req, res, next) => {
    for (const [name, value] of ops) {
      if (value === undefined) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    next();
  };
}
