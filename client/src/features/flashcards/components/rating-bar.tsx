import { useEffect, useRef } from "react";
import { RATINGS, type QueueCard, type Rating } from "../api/flashcards";
import { describeInterval, formatInterval } from "../utils/format-interval";

export const RATING_LABELS: Record<Rating, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

type RatingBarProps = { card: QueueCard; suggested: Rating | null; onRate: (rating: Rating) => void };

/**
 * The four ratings, pinned to the bottom of the screen. Each button is named by exactly what it shows ("Good
 * 10 min"; the key hint is hidden from the name), so speech input can say what it sees; the spelled-out interval
 * and the suggestion are its description. Focus goes to the suggested rating — Good by default — as in Anki.
 */
export function RatingBar({ card, suggested, onRate }: RatingBarProps) {
  const refs = useRef<Partial<Record<Rating, HTMLButtonElement | null>>>({});
  useEffect(() => {
    refs.current[suggested ?? "good"]?.focus({ preventScroll: true });
  }, [card.id, suggested]);

  return (
    <div className="fc-ratings fc-bar" role="group" aria-label="How well did you remember it?">
      {RATINGS.map((rating, i) => (
        <button
          key={rating}
          ref={(el) => {
            refs.current[rating] = el;
          }}
          type="button"
          className={`button fc-rate fc-rate-${rating}${suggested === rating ? " fc-rate-suggested" : ""}`}
          aria-keyshortcuts={String(i + 1)}
          aria-describedby={`fc-rate-${rating}-next`}
          onClick={() => onRate(rating)}
        >
          <span className="fc-rate-label">{RATING_LABELS[rating]}</span>{" "}
          <span className="fc-rate-interval">{formatInterval(card.intervals[rating])}</span>
          <kbd aria-hidden="true">{i + 1}</kbd>
          <span id={`fc-rate-${rating}-next`} hidden>
            Next review in {describeInterval(card.intervals[rating])}
            {suggested === rating ? "; suggested" : ""}
          </span>
        </button>
      ))}
    </div>
  );
}
