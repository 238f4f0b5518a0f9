import { Link } from "react-router";
import { formatDateTime } from "../../../lib/format-time";
import type { CandidateHome } from "../api/get-home";
import { plural } from "../utils/format";
import { HomeCard } from "./home-card";

export function FlashcardsCard({ cards }: { cards: CandidateHome["flashcards"] }) {
  if (cards.due === 0)
    return (
      <HomeCard title="Flashcards">
        <p className="home-figure">Nothing due</p>
        <p className="home-card-text">
          {cards.nextDueAt
            ? `Your next card is due ${formatDateTime(cards.nextDueAt)}.`
            : "You have no cards to study yet."}
        </p>
        <Link to="/flashcards/stats">See your card statistics</Link>
      </HomeCard>
    );
  const parts = [
    cards.review > 0 && `${cards.review} to review`,
    cards.learning > 0 && `${cards.learning} in learning`,
    cards.new > 0 && `${cards.new} new`,
  ].filter(Boolean);
  return (
    <HomeCard title="Flashcards">
      <p className="home-figure">{plural(cards.due, "card")} due today</p>
      <p className="home-card-text">{parts.join(", ")}.</p>
      <Link to="/flashcards" className="button button-primary">
        Start review
      </Link>
    </HomeCard>
  );
}
