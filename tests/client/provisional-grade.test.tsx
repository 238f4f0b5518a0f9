import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { GradeDetails } from "../../client/src/components/grading/grade-details";
import type { GradedAnswer } from "../../client/src/components/grading/types";

const graded = (change: Partial<GradedAnswer> = {}): GradedAnswer => ({
  type: "free-text",
  answer: "Flink, since each payment has to be judged the moment it shows up.",
  verdict: "partial",
  score: 0.45,
  matched: [{ concept: "event-at-a-time", evidence: "the moment it shows up" }],
  missed: [{ concept: "exactly-once", hint: "Say how state stays correct after a failure." }],
  flags: [],
  explanation: "Flink handles each event on arrival.",
  modelAnswer: "I would pick Flink …",
  concepts: {
    "event-at-a-time": { label: "Events are handled one at a time", explanation: "…" },
    "exactly-once": { label: "Exactly-once state", explanation: "…" },
  },
  ...change,
});

describe("provisional grades", () => {
  afterEach(cleanup);

  it("when the grader is not sure, then the grade says so and offers a self-check of every key point", () => {
    render(<GradeDetails level={3} result={graded({ confidence: "low", confidenceReasons: ["near-threshold"] })} />);
    screen.getByText("We're not sure about this one");
    screen.getByText(/close to the line between two grades/);
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes).toHaveLength(2);
    fireEvent.click(screen.getByRole("checkbox", { name: "Exactly-once state" }));
    screen.getByText("1 of 2 key points ticked");
  });

  it("when the grade is high confidence or was stored before confidence existed, then no note is shown", () => {
    const { rerender } = render(
      <GradeDetails level={3} result={graded({ confidence: "high", confidenceReasons: [] })} />,
    );
    expect(screen.queryByText("We're not sure about this one")).toBeNull();
    rerender(<GradeDetails level={3} result={graded()} />);
    expect(screen.queryByText("We're not sure about this one")).toBeNull();
  });

  it("when the answer states a wrong fact, then the note says so in plain words", () => {
    render(<GradeDetails level={3} result={graded({ flags: ["wrong-fact:micro-batch"], verdict: "incorrect" })} />);
    screen.getByText(/true of another one/);
  });
});
