import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  isValidTimeZone,
  localDate,
  startOfLocalDay,
  userDay,
} from "../../../server/src/flashcards/local-day.ts";
import { restoreFrom, snapshot, type CardRow } from "../../../server/src/flashcards/present.ts";
import {
  DEFAULT_PREFS,
  interviewCap,
  isLeechLapse,
  newCardState,
  orderQueue,
  previewIntervals,
  retrievability,
  reviewCard,
  type QueueCandidate,
  type Rating,
  type SchedState,
  type StudyPrefs,
} from "../../../server/src/flashcards/schedule.ts";

const T0 = new Date("2026-11-25T10:00:00.000Z");
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const prefs = (p: Partial<StudyPrefs> = {}): StudyPrefs => ({ ...DEFAULT_PREFS, ...p });

/** Reviews a card through `ratings`, each when it falls due. */
function walk(ratings: Rating[], p = prefs(), start = T0): SchedState {
  let s = newCardState(start);
  let now = start;
  for (const r of ratings) {
    now = s.due > now ? s.due : now;
    s = reviewCard(s, r, now, p).after;
  }
  return s;
}

let seq = 0;
const candidate = (over: Partial<QueueCandidate>): QueueCandidate => ({
  ...newCardState(T0),
  id: `00000000-0000-0000-0000-${String(++seq).padStart(12, "0")}`,
  kind: "bank",
  createdAt: T0,
  ...over,
});

describe("the FSRS wrapper", () => {
  it("when a new card is rated, then each rating gives a longer or equal interval (again ≤ hard ≤ good ≤ easy)", () => {
    const iv = previewIntervals(newCardState(T0), T0, prefs());
    expect(iv.again).toBe(60);
    expect(iv.again).toBeLessThanOrEqual(iv.hard);
    expect(iv.hard).toBeLessThanOrEqual(iv.good);
    expect(iv.good).toBeLessThan(iv.easy);
    expect(iv.easy).toBeGreaterThanOrEqual(DAY / 1000);
  });

  it("when the same card is reviewed with the same rating at the same time, then the outcome is identical (no fuzz)", () => {
    const s = walk(["good", "good", "good"]);
    expect(reviewCard(s, "good", at(30 * DAY), prefs())).toEqual(reviewCard(s, "good", at(30 * DAY), prefs()));
  });

  it("when the preview says an interval, then rating that way schedules exactly that interval", () => {
    const s = walk(["good", "good", "good"]);
    const now = at(40 * DAY);
    const iv = previewIntervals(s, now, prefs());
    for (const r of ["again", "hard", "good", "easy"] as const) {
      const { after } = reviewCard(s, r, now, prefs());
      expect((after.due.getTime() - now.getTime()) / 1000).toBe(iv[r]);
    }
  });

  it("when a review card is forgotten, then it relearns and counts a lapse", () => {
    const s = walk(["good", "good", "good"]);
    expect(s.state).toBe(2);
    const { after } = reviewCard(s, "again", s.due, prefs());
    expect(after.state).toBe(3);
    expect(after.lapses).toBe(s.lapses + 1);
    expect(after.lastReview).toEqual(s.due);
  });

  it("when a higher retention is desired, then intervals get shorter", () => {
    const s = walk(["good", "good", "good"]);
    const now = s.due;
    expect(previewIntervals(s, now, prefs({ desiredRetention: 0.97 })).good).toBeLessThan(
      previewIntervals(s, now, prefs({ desiredRetention: 0.8 })).good,
    );
  });

  it("when a card has been reviewed, then its predicted recall falls as time passes", () => {
    const s = walk(["good", "good"]);
    expect(retrievability(newCardState(T0), T0)).toBe(0);
    const r1 = retrievability(s, at(5 * DAY));
    const r2 = retrievability(s, at(50 * DAY));
    expect(r1).toBeGreaterThan(r2);
    expect(r1).toBeLessThanOrEqual(1);
  });
});

describe("undo snapshot", () => {
  it("when a card's state is snapshotted and restored, then every scheduling field comes back exactly", () => {
    const s = walk(["good", "again", "good", "hard"]);
    const row: CardRow = { ...s, id: "c", kind: "bank", suspended: false, leech: true };
    const json = JSON.parse(JSON.stringify(snapshot(row)));
    expect(restoreFrom(json)).toEqual({ ...s, suspended: false, leech: true });
  });

  it("when a never-reviewed card is snapshotted, then lastReview stays null", () => {
    const row: CardRow = { ...newCardState(T0), id: "c", kind: "missed", suspended: false, leech: false };
    expect(restoreFrom(JSON.parse(JSON.stringify(snapshot(row)))).lastReview).toBeNull();
  });
});

describe("the leech rule", () => {
  it("when a card lapses for the 8th time, then it is a leech; the 7th is not; again at the 12th", () => {
    expect(isLeechLapse({ lapses: 6 }, { lapses: 7 })).toBe(false);
    expect(isLeechLapse({ lapses: 7 }, { lapses: 8 })).toBe(true);
    expect(isLeechLapse({ lapses: 8 }, { lapses: 8 })).toBe(false);
    expect(isLeechLapse({ lapses: 8 }, { lapses: 9 })).toBe(false);
    expect(isLeechLapse({ lapses: 11 }, { lapses: 12 })).toBe(true);
  });

  it("when a real card is forgotten eight times, then the eighth review reports a leech", () => {
    let s = walk(["good", "good"]);
    let leechAt = -1;
    for (let i = 1; i <= 8; i++) {
      // Back in review, so that the next "again" is a lapse.
      while (s.state !== 2) s = reviewCard(s, "good", s.due, prefs()).after;
      const outcome = reviewCard(s, "again", s.due, prefs());
      if (outcome.leech) leechAt = i;
      s = outcome.after;
    }
    expect(leechAt).toBe(8);
    expect(s.lapses).toBe(8);
  });
});

describe("the interview-date cap", () => {
  const mature = () => walk(["easy", "easy", "easy", "easy"]);

  it("when no interview is set, then a mature card can go out for months", () => {
    const s = mature();
    expect(previewIntervals(s, s.due, prefs()).easy).toBeGreaterThan(60 * 86_400);
  });

  it("when an interview is 5 days away, then no rating schedules the card past the interview day", () => {
    const s = mature();
    const now = s.due;
    const interviewDate = addDays(localDate(now, "Europe/Berlin"), 5);
    const p = prefs({ interviewDate, timeZone: "Europe/Berlin" });
    for (const r of ["hard", "good", "easy"] as const) {
      const { after } = reviewCard(s, r, now, p);
      expect(localDate(after.due, "Europe/Berlin") <= interviewDate).toBe(true);
      expect(after.scheduledDays).toBeLessThanOrEqual(5);
    }
    const iv = previewIntervals(s, now, p);
    expect(iv.easy).toBeLessThanOrEqual(5 * 86_400 + 86_400);
  });

  it("when the interview is nearer, then the maximum interval shrinks, down to the interview day itself", () => {
    const tz = "America/New_York";
    const today = localDate(T0, tz);
    expect(interviewCap(T0, prefs({ interviewDate: addDays(today, 10), timeZone: tz }))!.maxDays).toBe(10);
    expect(interviewCap(T0, prefs({ interviewDate: addDays(today, 2), timeZone: tz }))!.maxDays).toBe(2);
    const sameDay = interviewCap(T0, prefs({ interviewDate: today, timeZone: tz }))!;
    expect(sameDay.maxDays).toBe(1);
    const s = mature();
    const now = s.due;
    const interviewDate = localDate(now, tz);
    const { after } = reviewCard(s, "easy", now, prefs({ interviewDate, timeZone: tz }));
    expect(localDate(after.due, tz)).toBe(interviewDate);
    expect(after.due > now).toBe(true);
  });

  it("when the interview is over, then scheduling is back to normal", () => {
    const s = mature();
    const past = prefs({ interviewDate: addDays(localDate(s.due, "UTC"), -1) });
    expect(interviewCap(s.due, past)).toBeUndefined();
    expect(previewIntervals(s, s.due, past)).toEqual(previewIntervals(s, s.due, prefs()));
  });

  it("when a far-future interview date was stored (9999-12-31), then it caps nothing and scheduling still works", () => {
    const s = mature();
    const far = prefs({ interviewDate: "9999-12-31", timeZone: "Europe/Berlin" });
    expect(interviewCap(s.due, far)).toBeUndefined();
    expect(previewIntervals(s, s.due, far)).toEqual(previewIntervals(s, s.due, prefs({ timeZone: "Europe/Berlin" })));
    expect(reviewCard(s, "good", s.due, far).after.due > s.due).toBe(true);
    expect(orderQueue([candidate({ ...s })], s.due, far, 0).cards).toHaveLength(1);
  });
});

describe("the queue order", () => {
  it("when cards of every kind are waiting, then learning due now, then reviews by lowest recall, then new (personal first)", () => {
    const strong = { ...walk(["easy", "easy", "easy"]) };
    const weak = { ...walk(["good", "good"]) };
    expect([strong.state, weak.state]).toEqual([2, 2]);
    const now = new Date(Math.max(strong.due.getTime(), weak.due.getTime()) + DAY);
    const learningLater = candidate({ ...walk(["again"]), due: new Date(now.getTime() - 1000) });
    const learningEarlier = candidate({ ...walk(["again"]), due: new Date(now.getTime() - 5000) });
    const relearning = candidate({
      ...reviewCard(strong, "again", strong.due, prefs()).after,
      due: new Date(now.getTime() - 3000),
    });
    const reviewStrong = candidate(strong);
    const reviewWeak = candidate(weak);
    const newBank = candidate({ kind: "bank", createdAt: at(-2 * DAY) });
    const newMissed = candidate({ kind: "missed", createdAt: at(-DAY) });
    const notYet = candidate({ ...walk(["good"]), due: new Date(now.getTime() + 2 * 3600_000) });
    const reviewTomorrow = candidate({ ...strong, due: new Date(userDay(now, "UTC").end.getTime() + 1000) });
    const q = orderQueue(
      [
        newBank,
        reviewStrong,
        notYet,
        learningLater,
        newMissed,
        reviewWeak,
        relearning,
        learningEarlier,
        reviewTomorrow,
      ],
      now,
      prefs(),
      0,
    );
    expect(q.cards.map((c) => c.id)).toEqual([
      learningEarlier.id,
      relearning.id,
      learningLater.id,
      reviewWeak.id,
      reviewStrong.id,
      newMissed.id,
      newBank.id,
    ]);
    expect(q.counts).toEqual({ learning: 3, review: 2, new: 2 });
  });

  it("when today's new-card limit is partly used, then only what is left is offered", () => {
    const fresh = Array.from({ length: 10 }, (_, i) => candidate({ createdAt: at(i) }));
    expect(orderQueue(fresh, T0, prefs({ newCardsPerDay: 5 }), 2).cards).toHaveLength(3);
    expect(orderQueue(fresh, T0, prefs({ newCardsPerDay: 5 }), 7).counts.new).toBe(0);
  });

  it("when only learning cards due within 20 minutes are left, then they are shown early; later ones are not", () => {
    const soon = candidate({ ...walk(["again"]), due: at(10 * 60_000) });
    const later = candidate({ ...walk(["again"]), due: at(30 * 60_000) });
    expect(orderQueue([soon, later], T0, prefs(), 0).cards.map((c) => c.id)).toEqual([soon.id]);
    const fresh = candidate({});
    expect(orderQueue([soon, fresh], T0, prefs(), 0).cards.map((c) => c.id)).toEqual([fresh.id]);
  });

  it("when an interview is set, then reviews are ordered by predicted recall on the interview day", () => {
    // A: reviewed long ago with high stability; B: recent, low stability. Now, A is weaker; in 30 days, B is.
    const now = at(100 * DAY);
    const a = candidate({
      ...newCardState(T0),
      state: 2,
      stability: 60,
      difficulty: 5,
      lastReview: at(20 * DAY),
      due: at(99 * DAY),
      reps: 5,
    });
    const b = candidate({
      ...newCardState(T0),
      state: 2,
      stability: 3,
      difficulty: 5,
      lastReview: at(97 * DAY),
      due: at(99 * DAY),
      reps: 3,
    });
    expect(retrievability(a, now)).toBeLessThan(retrievability(b, now));
    expect(orderQueue([b, a], now, prefs(), 0).cards.map((c) => c.id)).toEqual([a.id, b.id]);
    const interviewDate = addDays(localDate(now, "UTC"), 30);
    expect(orderQueue([a, b], now, prefs({ interviewDate }), 0).cards.map((c) => c.id)).toEqual([b.id, a.id]);
  });

  it("when a review falls due late in the user's evening, then it belongs to their today, not the server's", () => {
    // 2026-11-25 23:30 in Los Angeles is 07:30 UTC on the 26th.
    const now = new Date("2026-11-26T06:00:00Z"); // 22:00 on the 25th in LA
    const dueLateEvening = candidate({ ...walk(["good", "good", "good"]), due: new Date("2026-11-26T07:30:00Z") });
    const dueNextMorning = candidate({
      ...dueLateEvening,
      id: "ffffffff-0000-0000-0000-000000000001",
      due: new Date("2026-11-26T16:00:00Z"),
    });
    const la = orderQueue([dueLateEvening, dueNextMorning], now, prefs({ timeZone: "America/Los_Angeles" }), 0);
    expect(la.cards.map((c) => c.id)).toEqual([dueLateEvening.id]);
    // In UTC the day is the 26th until midnight, so both are due today.
    expect(orderQueue([dueLateEvening, dueNextMorning], now, prefs(), 0).cards).toHaveLength(2);
  });
});

describe("the user's day", () => {
  it("when it is evening in Los Angeles, then the local date is a day behind UTC", () => {
    const now = new Date("2026-11-26T06:00:00Z");
    expect(localDate(now, "UTC")).toBe("2026-11-26");
    expect(localDate(now, "America/Los_Angeles")).toBe("2026-11-25");
    expect(localDate(now, "Asia/Tokyo")).toBe("2026-11-26");
  });

  it("when a day starts, then the boundary is local midnight, also across a DST change", () => {
    expect(startOfLocalDay("2026-11-25", "America/Los_Angeles").toISOString()).toBe("2026-11-25T08:00:00.000Z");
    expect(startOfLocalDay("2026-11-25", "Asia/Kolkata").toISOString()).toBe("2026-11-24T18:30:00.000Z");
    // Europe/Berlin leaves summer time on 2026-10-25: that day is 25 hours long.
    const d = userDay(new Date("2026-10-25T12:00:00Z"), "Europe/Berlin");
    expect(d.start.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(d.end.toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("when new cards were studied before local midnight, then they count against yesterday, not today", () => {
    const tz = "Asia/Tokyo";
    const justBefore = new Date("2026-11-25T14:59:00Z"); // 23:59 in Tokyo
    const justAfter = new Date("2026-11-25T15:01:00Z"); // 00:01 on the 26th
    expect(userDay(justAfter, tz).start > justBefore).toBe(true);
    expect(userDay(justBefore, tz).date).toBe("2026-11-25");
    expect(userDay(justAfter, tz).date).toBe("2026-11-26");
  });

  it("validates zones and counts calendar days", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(daysBetween("2026-11-25", "2026-12-02")).toBe(7);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
