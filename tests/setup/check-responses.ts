import type { Server } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import supertest from "supertest";
import { contractOf, contractViolation, isJson, type Contract } from "./response-contract.ts";

/**
 * Every response an API test receives through supertest (plain requests and agents alike, fast paths included, since
 * this looks at what came over the wire) is held to the schema the OpenAPI document registers for it. A violation
 * fails the request the way a failed `.expect` does, after the test's own expectations, whose message says more when
 * they fail too.
 */

type Callback = (error: Error | null, res: supertest.Response) => void;
interface TestInternals {
  app: Server | string;
  url: string;
  method: string;
  assert(resError: Error | null, res: supertest.Response, fn: Callback): void;
}

const contracts = new WeakMap<OpenAPIRegistry, Contract>();

function contractFor(target: Server | string): Contract {
  const app = typeof target === "string" ? undefined : target.listeners("request")[0];
  const registry = (app as { locals?: { openApi?: OpenAPIRegistry } } | undefined)?.locals?.openApi;
  if (!registry)
    throw new Error("The app under test has no OpenAPI registry (app.locals.openApi): build it with createApp");
  let contract = contracts.get(registry);
  if (!contract) contracts.set(registry, (contract = contractOf(registry)));
  return contract;
}

const DECOMPRESS: Record<string, (b: Buffer) => Buffer> = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
  deflate: inflateSync,
};

/** The JSON a test asked for raw bytes of (a custom parser), or what supertest parsed. */
function bodyOf(res: supertest.Response): unknown {
  if (!Buffer.isBuffer(res.body)) return res.body;
  const encoding = String(res.headers["content-encoding"] ?? "");
  const bytes = DECOMPRESS[encoding]?.(res.body) ?? res.body;
  return JSON.parse(bytes.toString("utf8"));
}

const Test = supertest.Test as unknown as { prototype: TestInternals };
const assert = Test.prototype.assert;
Test.prototype.assert = function (this: TestInternals, resError, res, fn) {
  assert.call(this, resError, res, (error, response) => {
    const contentType = response?.headers["content-type"];
    if (error || !response || this.method === "HEAD" || !isJson(contentType)) return fn.call(this, error, response);
    let violation: string | undefined;
    try {
      violation = contractViolation(contractFor(this.app), {
        method: this.method,
        path: new URL(this.url).pathname,
        status: response.status,
        contentType,
        body: bodyOf(response),
      });
    } catch (checkError) {
      return fn.call(this, checkError as Error, response);
    }
    fn.call(this, violation ? new Error(violation) : null, response);
  });
};
