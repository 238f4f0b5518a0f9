import { useEffect, useRef, useState, type FormEvent } from "react";
import { SECTION_LABELS, type Section } from "../../../lib/questions";
import { RATINGS, useCheckRecall, type QueueCard, type Rating, type RecallCheck } from "../api/flashcards";
import { describeInterval, formatInterval } from "../utils/format-interval";

export const RATING_LABELS: Record<Rating, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
const STATE_LABELS = { new: "New", learning: "Learning", review: "Review", relearning: "Relearning" } as const;
const VERDICT_TEXT = { correct: "You recalled the key point.", partial: "Partly recalled.", incorrect: "The key point is missing." } as const;

type ReviewCardProps = {
  card: QueueCard;
  revealed: boolean;
  /** "Type your answer first": the front asks for typed recall, graded when it can be. */
  typeMode: boolean;
  onReveal: () => void;
  onRate: (rating: Rating) => void;
};

/** Front first; the answer and the four ratings (each with the interval it would give) once revealed. */
export function ReviewCard({ card, revealed, typeMode, onReveal, onRate }: ReviewCardProps) {
  const showRef = useRef<HTMLButtonElement>(null);
  const recallRef = useRef<HTMLTextAreaElement>(null);
  const ratingRefs = useRef<Partial<Record<Rating, HTMLButtonElement | null>>>({});
  const [typed, setTyped] = useState("");
  const check = useCheckRecall();
  const result: RecallCheck | undefined = revealed && check.data && check.variables?.cardId === card.id ? check.data : undefined;
  const suggested = result?.suggestedRating ?? null;

  useEffect(() => {
    if (!revealed) {
      setTyped("");
      check.reset();
    }
    // Only when the card turns face down (or changes); `check` is a new object on every render.
  }, [revealed, card.id]);

  // Keep focus where the next key press belongs: Space on "Show answer" (or the recall box), then the suggested
  // rating — "Good" by default — so Space/Enter accepts it, as in Anki.
  useEffect(() => {
    if (!revealed) (typeMode ? recallRef : showRef).current?.focus({ preventScroll: true });
    else ratingRefs.current[suggested ?? "good"]?.focus({ preventScroll: true });
  }, [revealed, card.id, typeMode, suggested]);

  const submitRecall = (event: FormEvent) => {
    event.preventDefault();
    if (card.kind === "missed" && typed.trim()) check.mutate({ cardId: card.id, answer: typed });
    onReveal();
  };

  const section = SECTION_LABELS[card.section as Section] ?? card.section;
  return (
    <article className="card fc-card" aria-labelledby="fc-front-heading">
      <div className="fc-meta">
        <span className="badge">{card.kind === "missed" ? "Missed in your answers" : section}</span>
        <span className="badge badge-muted">{STATE_LABELS[card.state]}</span>
      </div>
      <h2 id="fc-front-heading" className="visually-hidden">
        Question
      </h2>
      <div className="fc-text fc-front">{card.front}</div>
      {card.hint && !revealed && (
        <details className="fc-hint">
          <summary>Hint</summary>
          <p>{card.hint}</p>
        </details>
      )}
      {revealed ? (
        <>
          {typed.trim() && (
            <div className="fc-recall-result">
              <h3>Your answer</h3>
              <p className="fc-text">{typed}</p>
              {check.isPending && (
                <p className="inline-status" role="status">
                  <span className="spinner" aria-hidden="true" /> Checking…
                </p>
              )}
              {result?.gradable && result.verdict && (
                <p role="status" className={`fc-verdict fc-verdict-${result.verdict}`}>
                  {VERDICT_TEXT[result.verdict]} Suggested rating: <strong>{RATING_LABELS[result.suggestedRating!]}</strong> — press
                  Enter to accept it, or choose another.
                </p>
              )}
              {result && !result.gradable && <p role="status">Compare your answer with the card and rate yourself.</p>}
              {check.isError && <p role="status">We couldn't check your answer ({check.error.message}); rate yourself.</p>}
            </div>
          )}
          <hr className="fc-divider" />
          <h2 className="visually-hidden">Answer</h2>
          <div className="fc-text fc-back" data-testid="card-back">
            {card.back}
          </div>
          <div className="fc-ratings" role="group" aria-label="How well did you remember it?">
            {RATINGS.map((rating, i) => (
              <button
                key={rating}
                ref={(el) => {
                  ratingRefs.current[rating] = el;
                }}
                type="button"
                className={`button fc-rate fc-rate-${rating}${suggested === rating ? " fc-rate-suggested" : ""}`}
                aria-keyshortcuts={String(i + 1)}
                aria-label={`${RATING_LABELS[rating]} (${i + 1}): next review in ${describeInterval(card.intervals[rating])}${suggested === rating ? ", suggested" : ""}`}
                onClick={() => onRate(rating)}
              >
                <span className="fc-rate-label">
                  <kbd aria-hidden="true">{i + 1}</kbd> {RATING_LABELS[rating]}
                </span>
                <span className="fc-rate-interval" aria-hidden="true">
                  {formatInterval(card.intervals[rating])}
                </span>
              </button>
            ))}
          </div>
        </>
      ) : typeMode ? (
        <form className="fc-recall" onSubmit={submitRecall}>
          <label className="field-label" htmlFor="fc-recall-input">
            Your answer
          </label>
          <p className="field-hint" id="fc-recall-hint">
            Type what you remember, then check it (Ctrl+Enter).{" "}
            {card.kind === "missed" ? "It is graded against the key point." : "You compare it with the card yourself."}
          </p>
          <textarea
            id="fc-recall-input"
            ref={recallRef}
            className="input textarea"
            rows={4}
            maxLength={5000}
            aria-describedby="fc-recall-hint"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submitRecall(e);
            }}
          />
          <div className="fc-reveal">
            <button type="submit" className="button button-primary">
              Check and show answer
            </button>
          </div>
        </form>
      ) : (
        <div className="fc-reveal">
          <button ref={showRef} type="button" className="button button-primary" aria-keyshortcuts="Space" onClick={onReveal}>
            Show answer <kbd aria-hidden="true">Space</kbd>
          </button>
        </div>
      )}
    </article>
  );
}
