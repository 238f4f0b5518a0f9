import { describe, expect, it } from "vitest";
import { backLinkFor } from "../../client/src/features/history/back-link.ts";

describe("an answer page's back link", () => {
  it("when the answer was opened from a page of the app, then it leads back there with that page's name", () => {
    expect(backLinkFor({ from: "/history?verdict=incorrect" }, "candidate")).toEqual({
      to: "/history?verdict=incorrect",
      label: "History",
    });
    expect(backLinkFor({ from: "/mentor/candidates/c1" }, "mentor")).toEqual({
      to: "/mentor/candidates/c1",
      label: "Candidate",
    });
    expect(backLinkFor({ from: "/mentor/candidates" }, "mentor")).toEqual({
      to: "/mentor/candidates",
      label: "Your candidates",
    });
    expect(backLinkFor({ from: "/mentor/queue" }, "mentor")).toEqual({ to: "/mentor/queue", label: "Review queue" });
  });

  it("when there is no usable origin, then it leads to the role's usual list", () => {
    for (const state of [
      undefined,
      null,
      "x",
      {},
      { from: 3 },
      { from: "https://evil.example/history" },
      { from: "//evil.example/history" },
      { from: "/answers/a2" },
    ]) {
      expect(backLinkFor(state, "mentor")).toEqual({ to: "/mentor/queue", label: "Review queue" });
      expect(backLinkFor(state, "candidate")).toEqual({ to: "/history", label: "History" });
    }
  });
});
