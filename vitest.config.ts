import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { browserRequired, findChromium, missingBrowserMessage } from "./tests/setup/chromium.ts";

const e2e: TestProjectInlineConfiguration = {
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/setup/e2e-global.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
};

// A fresh machine without a browser still passes `npm test`; CI (CI=true) or REQUIRE_BROWSER=1 keeps the browser
// tests, and their global setup then fails the run with the same explanation.
const runBrowserTests = findChromium() !== undefined || browserRequired();
if (!runBrowserTests) console.log(`Browser tests skipped: ${missingBrowserMessage()}.`);

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "client",
          include: ["tests/client/**/*.test.tsx"],
          environment: "happy-dom",
          setupFiles: ["tests/setup/client-timeouts.ts"],
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/api-global.ts"],
          setupFiles: ["tests/setup/check-responses.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(runBrowserTests ? [e2e] : []),
    ],
  },
});
