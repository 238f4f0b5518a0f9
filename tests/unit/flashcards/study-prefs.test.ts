import { describe, expect, it } from "vitest";
import { DEFAULT_PREFS } from "../../../server/src/flashcards/schedule.ts";
import { interviewDateProblem, usablePrefs } from "../../../server/src/flashcards/study-prefs.ts";

describe("interview date range", () => {
  it.each([
    ["today", "2026-12-03"],
    ["tomorrow", "2026-12-04"],
    ["exactly two years ahead", "2028-12-03"],
  ])("when the date is %s, then it can be set", (_, date) => {
    expect(interviewDateProblem(date, "2026-12-03")).toBeUndefined();
  });

  it.each([
    ["yesterday", "2026-12-02"],
    ["two years and a day ahead", "2028-12-04"],
    ["in year 9999", "9999-12-31"],
    ["in year 0", "0000-01-01"],
  ])("when the date is %s, then it is refused with the allowed range", (_, date) => {
    expect(interviewDateProblem(date, "2026-12-03")).toBe("must be between today (2026-12-03) and 2028-12-03");
  });

  it("when today is 29 February, then two years ahead is 1 March", () => {
    expect(interviewDateProblem("2030-03-01", "2028-02-29")).toBeUndefined();
    expect(interviewDateProblem("2030-03-02", "2028-02-29")).toMatch(/and 2030-03-01$/);
  });
});

describe("stored settings read back", () => {
  it("when a row holds values no form could save, then each falls back into its range", () => {
    const odd = { desiredRetention: 1, newCardsPerDay: -3.7, interviewDate: "+10000-01", timeZone: "Mars/Olympus" };
    const fallen = { desiredRetention: 0.97, newCardsPerDay: 0, interviewDate: null, timeZone: "UTC" };
    expect(usablePrefs(odd)).toEqual(fallen);
    expect(usablePrefs({ ...DEFAULT_PREFS, desiredRetention: Number.NaN, newCardsPerDay: 10_000 })).toMatchObject({
      desiredRetention: DEFAULT_PREFS.desiredRetention,
      newCardsPerDay: 500,
    });
  });

  it("when a row is in range, then it comes back unchanged", () => {
    const fine = { desiredRetention: 0.85, newCardsPerDay: 15, interviewDate: "2027-03-01", timeZone: "Europe/Berlin" };
    expect(usablePrefs(fine)).toEqual(fine);
  });
});
