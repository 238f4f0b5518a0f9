import { Link } from "react-router";
import type { OpenRound } from "../api/get-home";
import { formatTimeLeft } from "../../../lib/time-left";
import { useTimeLeft } from "../../../lib/use-time-left";
import { spokenTimeLeft } from "../utils/spoken-time";
import { plural } from "../utils/format";
import { HomeCard } from "./home-card";

export function RoundCard({ round, clockOffsetMs }: { round: OpenRound | null; clockOffsetMs: number }) {
  if (!round)
    return (
      <HomeCard title="Mock round">
        <p className="home-card-text">
          No round is running. A timed round is the closest thing to the interview itself.
        </p>
        <Link to="/rounds" className="button button-secondary">
          Start a mock round
        </Link>
      </HomeCard>
    );
  return <OpenRoundCard round={round} clockOffsetMs={clockOffsetMs} />;
}

function OpenRoundCard({ round, clockOffsetMs }: { round: OpenRound; clockOffsetMs: number }) {
  const left = useTimeLeft(round.deadline, clockOffsetMs);
  const over = left <= 0;
  return (
    <HomeCard title="Your round is running" className="home-card-wide home-card-urgent">
      <p className="home-countdown">
        {over ? (
          "Time is up"
        ) : (
          <>
            {/* The digits change every second; screen readers get the rounded minutes instead of a stream of numbers. */}
            <span className="home-countdown-digits" aria-hidden="true">
              {formatTimeLeft(left)}
            </span>
            <span className="visually-hidden">{spokenTimeLeft(left)}</span> left
          </>
        )}
      </p>
      <p className="home-card-text">
        {round.answered} of {plural(round.questions, "question")} answered.
      </p>
      <Link to={`/rounds/${round.id}`} className="button button-primary">
        {over ? "See how you did" : "Continue your round"}
      </Link>
    </HomeCard>
  );
}
