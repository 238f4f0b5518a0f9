import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { dateTicks, ScoreChart } from "../../client/src/features/history/components/progress-view";

const round = (day: number, score: number) => ({
  roundId: `r${day}`,
  startedAt: `2026-11-${String(day).padStart(2, "0")}T10:00:00.000Z`,
  questions: 10,
  answered: 10,
  score,
});

describe("the score-by-round chart", () => {
  it("when there are several rounds, then the first, middle and last are dated under the axis", () => {
    const { container } = render(
      <ScoreChart rounds={[round(2, 0.4), round(5, 0.5), round(9, 0.6), round(12, 0.7), round(20, 0.8)]} />,
    );
    const dates = [...container.querySelectorAll("svg text")]
      .map((t) => t.textContent)
      .filter((t) => !t?.endsWith("%"));
    const label = (day: number) =>
      new Date(round(day, 0).startedAt).toLocaleDateString(undefined, { day: "numeric", month: "short" });
    expect(dates).toEqual([label(2), label(9), label(20)]);
  });

  it("when there are one to four rounds, then every date shown is an end's, never repeated", () => {
    expect(dateTicks(1)).toEqual([0]);
    expect(dateTicks(2)).toEqual([0, 1]);
    expect(dateTicks(4)).toEqual([0, 3]);
    expect(dateTicks(5)).toEqual([0, 2, 4]);
    expect(dateTicks(50)).toEqual([0, 24, 49]);
  });

  it("when there are no rounds, then the candidate is told how to get one and a mentor reads only the fact", () => {
    const own = render(<ScoreChart rounds={[]} own />, { wrapper: MemoryRouter });
    expect(screen.getByRole("link", { name: "Start a mock round" }).getAttribute("href")).toBe("/rounds");
    own.unmount();
    render(<ScoreChart rounds={[]} />, { wrapper: MemoryRouter });
    expect(screen.getByText("No finished rounds yet.")).toBeTruthy();
    expect(screen.queryByRole("link")).toBeNull();
  });
});
