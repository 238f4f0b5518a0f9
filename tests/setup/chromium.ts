import { accessSync, constants } from "node:fs";

/** Where Debian, Ubuntu (snap) and Google's packages put the browser, in the order they are tried. */
export const USUAL_CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
] as const;

const isExecutable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The browser the e2e tests drive: `CHROMIUM_PATH` when set (a path that is not there means "no browser", never a
 * silent fall-back to another one), else the first usual location that exists.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = isExecutable,
): string | undefined {
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) return exists(chosen) ? chosen : undefined;
  return USUAL_CHROMIUM_PATHS.find(exists);
}

const truthy = (value: string | undefined) =>
  value !== undefined && !["", "0", "false", "no"].includes(value.trim().toLowerCase());

/** CI (and anyone who asks with REQUIRE_BROWSER=1) must run the browser tests, so a missing browser is an error. */
export const browserRequired = (env: NodeJS.ProcessEnv = process.env): boolean =>
  truthy(env.CI) || truthy(env.REQUIRE_BROWSER);

export function missingBrowserMessage(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.CHROMIUM_PATH?.trim();
  const where = chosen ? `CHROMIUM_PATH=${chosen} does not exist` : "no Chromium found";
  return `${where}; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to the browser's path`;
}
