import type { TestProject } from "vitest/node";
import { findChromium, missingBrowserMessage } from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

/** Found once for the whole run; vitest.config.ts only includes this project without a browser when one is required. */
export default function setup(project: TestProject) {
  const path = findChromium();
  if (!path) throw new Error(`The browser tests need Chromium: ${missingBrowserMessage()}.`);
  project.provide("chromiumPath", path);
}
