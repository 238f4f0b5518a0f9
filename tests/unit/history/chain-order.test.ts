import { describe, expect, it } from "vitest";
import { groupChains, type ChainItem } from "../../../server/src/history/chain-order.ts";

const item = (id: string, slug: string, minute: number, extra: Partial<ChainItem> = {}) => ({
  id,
  question: { slug },
  roundId: null,
  submittedAt: `2026-12-01T10:${String(minute).padStart(2, "0")}:00.000Z`,
  ...extra,
});
const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe("history grouped by chain", () => {
  it("when a practice follow-up is newer than its parent, then it is listed right after the parent answer", () => {
    const page = [
      item("other", "x", 9),
      item("f", "follow", 8, { followUpOf: "parent" }),
      item("unrelated", "y", 7),
      item("p", "parent", 6),
    ];
    expect(ids(groupChains(page))).toEqual(["other", "unrelated", "p", "f"]);
  });

  it("when a chain is two deep, then each step follows its own parent in order", () => {
    const page = [
      item("g", "step2", 9, { followUpOf: "step1" }),
      item("f", "step1", 8, { followUpOf: "parent" }),
      item("p", "parent", 7),
    ];
    expect(ids(groupChains(page))).toEqual(["p", "f", "g"]);
  });

  it("when the parent was answered twice, then the follow-up joins the latest answer before it", () => {
    const page = [item("p2", "parent", 9), item("f", "follow", 8, { followUpOf: "parent" }), item("p1", "parent", 7)];
    expect(ids(groupChains(page))).toEqual(["p2", "p1", "f"]);
  });

  it("when the follow-up was answered in a round, then only the parent answer in that round is its parent", () => {
    const page = [
      item("f", "follow", 9, { followUpOf: "parent", roundId: "r1" }),
      item("practice", "parent", 8),
      item("p", "parent", 7, { roundId: "r1" }),
    ];
    expect(ids(groupChains(page))).toEqual(["practice", "p", "f"]);
  });

  it("when the parent answer is not on the page, then the follow-up stays where it was", () => {
    const page = [item("a", "x", 9), item("f", "follow", 8, { followUpOf: "parent" }), item("b", "y", 7)];
    expect(ids(groupChains(page))).toEqual(["a", "f", "b"]);
  });
});
