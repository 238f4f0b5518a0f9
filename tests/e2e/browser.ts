import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";
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
  const coverage = trackVisits(browser);
  return {
    baseUrl: `http://localhost:${port}`,
    browser,
    running,
    async close() {
      try {
        const unchecked = [...coverage.visited].filter((state) => !coverage.checked.has(state));
        expect(unchecked, "pages the browser tests reached without an axe-core check").toEqual([]);
      } finally {
        await browser.close();
        await running.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** A page state as the coverage check counts it: the path and query, without the hash. */
const stateOf = (url: string) => {
  const { pathname, search } = new URL(url);
  return pathname + search;
};

interface Coverage {
  visited: Set<string>;
  checked: Set<string>;
  /** States checked once per suite (the sign-up form, a newcomer's dashboard), by name. */
  named: Set<string>;
}
const coverageByBrowser = new WeakMap<Browser, Coverage>();

/**
 * Records every URL a page of this browser settles on (full loads and the router's history changes alike), so that
 * close() fails the suite when a test reached a page and never ran axe-core on it. In-page states (an error shown, a
 * dialog opened) are checked by the tests themselves.
 */
function trackVisits(browser: Browser): Coverage {
  const coverage: Coverage = { visited: new Set(), checked: new Set(), named: new Set() };
  coverageByBrowser.set(browser, coverage);
  const newContext = browser.newContext.bind(browser);
  const watch = (context: BrowserContext) =>
    context.on("page", (page) =>
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame() && frame.url().startsWith("http")) coverage.visited.add(stateOf(frame.url()));
      }),
    );
  // Browser.newPage opens its context through newContext too, so one patch covers both ways tests open pages.
  browser.newContext = async (options) => {
    const context = await newContext(options);
    watch(context);
    return context;
  };
  return coverage;
}

/**
 * Signs up through the form, as a person would, and waits for the dashboard. The empty form and a newcomer's dashboard
 * (a candidate's and a mentor's) are checked with axe-core the first time a suite passes them.
 */
export async function signUp(page: Page, baseUrl: string, who: { name: string; email?: string; mentor?: boolean }) {
  await page.goto(`${baseUrl}/signup`);
  await page.getByRole("button", { name: "Create account" }).waitFor();
  await expectAccessibleOnce(page, "signup-form");
  await page.getByLabel("Email").fill(who.email ?? `${who.name.toLowerCase()}-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByLabel("Display name").fill(who.name);
  if (who.mentor) await page.getByLabel("I coach candidates (mentor)").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: `Welcome, ${who.name}` }).waitFor();
  // The dashboard's blocks load on their own; the first heading of the role's last block marks it settled.
  await page
    .getByRole("main")
    .getByRole("heading", { name: who.mentor ? "Review queue" : "Your activity", exact: true })
    .waitFor();
  await expectAccessibleOnce(page, who.mentor ? "dashboard-new-mentor" : "dashboard-new-candidate");
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Fails the test when axe-core's default rules find anything on the page as it is now; the message names each rule
 * and the elements it found. Run through the debugging protocol, so the app's CSP (no inline scripts) still holds.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
    };
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, `axe-core on ${state}`).toEqual([]);
  const browser = page.context().browser();
  if (browser) coverageByBrowser.get(browser)?.checked.add(stateOf(page.url()));
}

/** expectAccessible, skipped when this suite has already checked the state of that name. */
async function expectAccessibleOnce(page: Page, state: string): Promise<void> {
  const browser = page.context().browser();
  const coverage = browser && coverageByBrowser.get(browser);
  if (coverage?.named.has(state)) {
    coverage.checked.add(stateOf(page.url()));
    return;
  }
  coverage?.named.add(state);
  await expectAccessible(page, state);
}

/** Every state a browser test looks at is checked with axe-core, then kept as `<name>.png` for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The page as it reads on a laptop (1280 px wide) and on a phone (390 px): `<name>-1280.png`, `<name>-390.png`. */
export async function screenshotWidths(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await screenshot(page, `${name}-${width}`);
  }
  if (original) await page.setViewportSize(original);
}

/** True when nothing on the page is wider than the window (no sideways scrolling on a phone). */
export const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** The signed-in user's id, as the API reports it. */
export async function currentUserId(page: Page, baseUrl: string): Promise<string> {
  return ((await (await page.request.get(`${baseUrl}/api/me`)).json()) as { user: { id: string } }).user.id;
}

/** A day `days` from today, as a date field takes it. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
