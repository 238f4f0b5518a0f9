import { describe, expect, it } from "vitest";
import { activityCalendar, activityStart } from "../../../server/src/home/activity.ts";
import { planForToday, roundEveryDays } from "../../../server/src/home/plan.ts";

describe("plan for today", () => {
  it("when the interview is weeks away, then due cards, three questions in the weakest section and a weekly round", () => {
    const base = { daysLeft: 30, dueCards: 12, weakestSection: "flink" };
    expect(planForToday({ ...base, daysSinceLastRound: 7 })).toEqual([
      { kind: "review-cards", cards: 12 },
      { kind: "practise-section", section: "flink", questions: 3 },
      { kind: "mock-round" },
    ]);
    expect(planForToday({ ...base, daysSinceLastRound: 6 }).map((s) => s.kind)).toEqual([
      "review-cards",
      "practise-section",
    ]);
  });

  it("when it is the final week, then five questions and a round every day; no cards due leaves the cards out", () => {
    expect(planForToday({ daysLeft: 3, dueCards: 0, weakestSection: null, daysSinceLastRound: 1 })).toEqual([
      { kind: "practise-any", questions: 5 },
      { kind: "mock-round" },
    ]);
  });

  it("when the interview is today, then only the cards", () => {
    expect(planForToday({ daysLeft: 0, dueCards: 4, weakestSection: "faq", daysSinceLastRound: null })).toEqual([
      { kind: "review-cards", cards: 4 },
    ]);
  });

  it("when no round was ever taken, then one is planned; rounds come more often as the day nears", () => {
    expect(planForToday({ daysLeft: 60, dueCards: 0, weakestSection: "faq", daysSinceLastRound: null }).at(-1)).toEqual(
      { kind: "mock-round" },
    );
    expect([60, 21, 8, 7, 1].map(roundEveryDays)).toEqual([7, 3, 3, 1, 1]);
  });
});

describe("activity calendar", () => {
  it("when asked for the start, then it is the Monday nine weeks before today's week", () => {
    expect(activityStart("2026-12-04")).toBe("2026-09-28"); // a Friday → Monday 30 Nov, minus 63 days
    expect(activityStart("2026-11-30")).toBe("2026-09-28"); // a Monday
    expect(activityStart("2026-12-06")).toBe("2026-09-28"); // a Sunday
  });

  it("when today is still empty, then the streak counts back from yesterday; a gap ends it", () => {
    const counts = [
      { date: "2026-12-01", answers: 1, reviews: 0 },
      { date: "2026-12-02", answers: 0, reviews: 3 },
      { date: "2026-12-03", answers: 2, reviews: 1 },
      { date: "2026-11-29", answers: 5, reviews: 0 },
    ];
    const cal = activityCalendar("2026-11-23", "2026-12-04", counts);
    expect(cal.days).toHaveLength(12);
    expect(cal.days[0]).toEqual({ date: "2026-11-23", answers: 0, reviews: 0 });
    expect(cal).toMatchObject({ streak: 3, activeDays: 4, answers: 8, reviews: 4 });
    expect(activityCalendar("2026-11-23", "2026-12-03", counts).streak).toBe(3);
    expect(activityCalendar("2026-11-23", "2026-12-05", counts).streak).toBe(0);
  });
});
