import { describe, expect, it } from "vitest";
import { chainViews, type ChainSlot } from "../../../server/src/rounds/chain-state.ts";

const slot = (slug: string, followUpOf?: string, state: "open" | "submitted" | "draft" = "open"): ChainSlot => ({
  slug,
  followUpOf,
  answered: state !== "open",
  submitted: state === "submitted",
});

describe("a round's chain state", () => {
  it("when the parent is unanswered, then its follow-up is locked and the parent lists no follow-ups", () => {
    const [parent, follow] = chainViews([slot("p"), slot("f", "p")]);
    expect(parent).toEqual({ locked: false, notReached: false });
    expect(follow).toEqual({ followUpOf: "p", locked: true, notReached: true });
  });

  it("when the parent is answered, then the follow-up unlocks and the parent names it; the next step stays locked", () => {
    const [parent, follow, next] = chainViews([slot("p", undefined, "submitted"), slot("f", "p"), slot("g", "f")]);
    expect(parent).toEqual({ locked: false, followUps: [{ slug: "f" }], notReached: false });
    expect(follow).toEqual({ followUpOf: "p", locked: false, notReached: false });
    expect(next).toMatchObject({ followUpOf: "f", locked: true, notReached: true });
  });

  it("when the parent only got an answer from its draft at closing, then the unanswered follow-up was never reached", () => {
    const [, follow] = chainViews([slot("p", undefined, "draft"), slot("f", "p")]);
    expect(follow).toMatchObject({ locked: false, notReached: true });
  });

  it("when a follow-up is answered, then it is neither locked nor not-reached", () => {
    const [, follow] = chainViews([slot("p", undefined, "submitted"), slot("f", "p", "submitted")]);
    expect(follow).toEqual({ followUpOf: "p", locked: false, notReached: false });
  });

  it("when a follow-up's parent is not in the round, then nothing locks it", () => {
    const [follow] = chainViews([slot("f", "elsewhere")]);
    expect(follow).toEqual({ followUpOf: "elsewhere", locked: false, notReached: false });
  });
});
