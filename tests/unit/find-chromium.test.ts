import { describe, expect, it } from "vitest";
import { browserRequired, findChromium, USUAL_CHROMIUM_PATHS } from "../setup/chromium.ts";

const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe("finding the browser for the e2e tests", () => {
  it("when CHROMIUM_PATH names an existing file, then that file is used", () => {
    expect(findChromium({ CHROMIUM_PATH: "/opt/chrome/chrome" }, only("/opt/chrome/chrome", "/usr/bin/chromium"))).toBe(
      "/opt/chrome/chrome",
    );
  });

  it("when CHROMIUM_PATH names a missing file, then there is no browser even if a usual location has one", () => {
    expect(findChromium({ CHROMIUM_PATH: "/nonexistent" }, only("/usr/bin/chromium"))).toBeUndefined();
  });

  it("when CHROMIUM_PATH is unset, then the first usual location that exists wins", () => {
    expect(findChromium({}, only("/usr/bin/google-chrome", "/snap/bin/chromium"))).toBe("/usr/bin/google-chrome");
    expect(findChromium({ CHROMIUM_PATH: " " }, only(USUAL_CHROMIUM_PATHS[0]))).toBe("/usr/bin/chromium");
    expect(findChromium({}, only())).toBeUndefined();
  });

  it("when CI or REQUIRE_BROWSER is set, then a browser is required; false-like values do not count", () => {
    expect(browserRequired({ CI: "true" })).toBe(true);
    expect(browserRequired({ REQUIRE_BROWSER: "1" })).toBe(true);
    expect(browserRequired({ CI: "false", REQUIRE_BROWSER: "0" })).toBe(false);
    expect(browserRequired({})).toBe(false);
  });
});
