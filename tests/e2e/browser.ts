import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";
import { loadConfig } from "../../server/src/config.ts";
import { startServer, type Running } from "../../server/src/main.ts";

export const SCREENSHOTS = path.resolve("test-results/screenshots");

export interface E2E {
  baseUrl: string;
  browser: Browser;
  running: Running;
  close(): Promise<void>;
}

/** The real server (fresh embedded database, built client) and Debian's Chromium driven by playwright-core. */
export async function startE2E(): Promise<E2E> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "watermark-e2e-"));
  const running = await startServer(
    loadConfig({ PORT: "0", WATERMARK_DATA_DIR: dataDir, LOG_LEVEL: "warn", NODE_ENV: "test" }),
    "production",
  );
  const address = running.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: inject("chromiumPath"),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    baseUrl: `http://localhost:${port}`,
    browser,
    running,
    async close() {
      await browser.close();
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Signs up through the form, as a person would, and waits for the dashboard. */
export async function signUp(page: Page, baseUrl: string, who: { name: string; email?: string; mentor?: boolean }) {
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel("Email").fill(who.email ?? `${who.name.toLowerCase()}-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByLabel("Display name").fill(who.name);
  if (who.mentor) await page.getByLabel("I coach candidates (mentor)").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: `Welcome, ${who.name}` }).waitFor();
}
