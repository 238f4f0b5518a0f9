import { Link } from "react-router";
import { sectionLabel } from "../../../lib/questions";
import type { CandidateHome, PlanStep } from "../api/get-home";
import { formatCalendarDay, plural } from "../utils/format";
import { HomeCard } from "./home-card";

export function InterviewCard({ interview }: { interview: CandidateHome["interview"] }) {
  if (!interview || interview.daysLeft < 0)
    return (
      <HomeCard title="Your interview">
        <p className="home-card-text">
          {interview
            ? `Your interview date, ${formatCalendarDay(interview.date)}, has passed. Set the next one to get a plan for each day.`
            : "When is your interview? Set the date and you get a plan for each day until then."}
        </p>
        <Link to="/flashcards/settings" className="button button-secondary">
          Set your interview date
        </Link>
      </HomeCard>
    );
  const { daysLeft, date, plan } = interview;
  return (
    <HomeCard title="Your interview">
      <p className="home-figure">{daysLeft === 0 ? "It is today" : `${plural(daysLeft, "day")} to go`}</p>
      <p className="home-card-text">
        {formatCalendarDay(date)}. <Link to="/flashcards/settings">Change the date</Link>
      </p>
      <h3 className="home-plan-title">Today's plan</h3>
      {plan.length === 0 ? (
        <p className="home-card-text">Nothing left to do today. Rest well.</p>
      ) : (
        <ol className="home-plan">
          {plan.map((step) => (
            <li key={step.kind}>
              <PlanStepLink step={step} />
            </li>
          ))}
        </ol>
      )}
      {daysLeft === 0 && <p className="home-card-text">A light review only: you know this. Good luck!</p>}
    </HomeCard>
  );
}

function PlanStepLink({ step }: { step: PlanStep }) {
  switch (step.kind) {
    case "review-cards":
      return <Link to="/flashcards">Review your {plural(step.cards, "due card")}</Link>;
    case "practise-section":
      return (
        <Link to={`/practice?section=${encodeURIComponent(step.section)}`}>
          Answer {step.questions} {sectionLabel(step.section)} questions
        </Link>
      );
    case "practise-any":
      return <Link to="/practice">Answer {step.questions} practice questions</Link>;
    case "mock-round":
      return <Link to="/rounds">Take a mock round</Link>;
  }
}
