import { describe, expect, it } from "vitest";
import {
  buildFollowUpIndex,
  chainBelow,
  followUpsField,
  isLocked,
  lockedSlugs,
  parentSlugs,
} from "../../../server/src/questions/follow-ups.ts";

const bank = [
  { slug: "dashboard" },
  { slug: "dashboard-sla", followUpOf: "dashboard" },
  { slug: "dashboard-cost", followUpOf: "dashboard-sla" },
  { slug: "dashboard-backfill", followUpOf: "dashboard" },
  { slug: "fraud" },
  { slug: "orphan", followUpOf: "retired-question" },
];

describe("follow-up index", () => {
  const index = buildFollowUpIndex(bank);

  it("when built, then each parent lists its direct follow-ups by slug and each follow-up names its parent", () => {
    expect(index.followUpsOf.get("dashboard")).toEqual(["dashboard-backfill", "dashboard-sla"]);
    expect(index.followUpsOf.get("dashboard-sla")).toEqual(["dashboard-cost"]);
    expect(index.followUpsOf.has("fraud")).toBe(false);
    expect(index.parentOf.get("dashboard-cost")).toBe("dashboard-sla");
  });

  it("when a follow-up's parent is not among the questions, then it names the parent but no question lists it", () => {
    expect(index.parentOf.get("orphan")).toBe("retired-question");
    expect(index.followUpsOf.has("retired-question")).toBe(false);
    expect(parentSlugs(index).sort()).toEqual(["dashboard", "dashboard-sla", "retired-question"]);
  });

  it("when a chain is walked, then every follow-up comes right after its own parent, depth first", () => {
    expect(chainBelow(index, "dashboard")).toEqual(["dashboard-backfill", "dashboard-sla", "dashboard-cost"]);
    expect(chainBelow(index, "dashboard-sla")).toEqual(["dashboard-cost"]);
    expect(chainBelow(index, "fraud")).toEqual([]);
  });

  it("when nothing is answered, then every follow-up is locked and parents stay visible", () => {
    const none = new Set<string>();
    expect(lockedSlugs(index, none).sort()).toEqual([
      "dashboard-backfill",
      "dashboard-cost",
      "dashboard-sla",
      "orphan",
    ]);
    expect(isLocked(index, "dashboard", none)).toBe(false);
  });

  it("when a parent is answered, then only its direct follow-ups unlock, not the next step of the chain", () => {
    const answered = new Set(["dashboard"]);
    expect(lockedSlugs(index, answered).sort()).toEqual(["dashboard-cost", "orphan"]);
    expect(isLocked(index, "dashboard-sla", answered)).toBe(false);
    expect(isLocked(index, "dashboard-cost", answered)).toBe(true);
  });

  it("when followUps is asked for, then it is absent before the question is answered and for questions without follow-ups", () => {
    expect(followUpsField(index, "dashboard", false)).toEqual({});
    expect(followUpsField(index, "fraud", true)).toEqual({});
    expect(followUpsField(index, "dashboard", true)).toEqual({
      followUps: [{ slug: "dashboard-backfill" }, { slug: "dashboard-sla" }],
    });
  });
});
