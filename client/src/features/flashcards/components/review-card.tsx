import { useEffect, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from "react";
import { Loading } from "../../../components/ui/page-status";
import { SECTION_LABELS, type Section } from "../../../lib/questions";
import { useCheckRecall, type CardStateName, type CramCard, type Rating, type RecallCheck } from "../api/flashcards";
import { RATING_LABELS } from "./rating-bar";

const STATE_LABELS = { new: "New", learning: "Learning", review: "Review", relearning: "Relearning" } as const;
const VERDICT_TEXT = {
  correct: "You recalled the key point.",
  partial: "Partly recalled.",
  incorrect: "The key point is missing.",
} as const;
/** A tap on one of these does its own thing; a tap anywhere else on a face-down card turns it over. */
const OWN_CLICK = "a, button, input, textarea, select, summary, label, details";

type ReviewCardProps = {
  card: CramCard & { state?: CardStateName };
  revealed: boolean;
  /** "Type your answer first": the front asks for typed recall, graded when it can be. */
  typeMode: boolean;
  onReveal: () => void;
  /** What to rate the card with once it is revealed, told which rating typed recall suggests. */
  actions: (suggested: Rating | null) => ReactNode;
  /** Per-card tools (bury, suspend, open the question) under the card. */
  tools?: ReactNode;
};

/** Front first; tapping the card (or Space, or the button) shows the answer and the rating bar. */
export function ReviewCard({ card, revealed, typeMode, onReveal, actions, tools }: ReviewCardProps) {
  const showRef = useRef<HTMLButtonElement>(null);
  const recallRef = useRef<HTMLTextAreaElement>(null);
  const [typed, setTyped] = useState("");
  const check = useCheckRecall();
  const result: RecallCheck | undefined =
    revealed && check.data && check.variables?.cardId === card.id ? check.data : undefined;

  // A card that turns face down (or a new card) starts with an empty recall box and no earlier verdict.
  const face = `${card.id}:${revealed}`;
  const [shownFace, setShownFace] = useState(face);
  if (face !== shownFace) {
    setShownFace(face);
    if (!revealed) setTyped("");
  }
  const { reset: resetCheck } = check;
  useEffect(() => {
    if (!revealed) resetCheck();
  }, [revealed, card.id, resetCheck]);

  // Keep focus where the next key press belongs: Space on "Show answer" (or the recall box); once revealed, the
  // rating bar takes it.
  useEffect(() => {
    if (!revealed) (typeMode ? recallRef : showRef).current?.focus({ preventScroll: true });
  }, [revealed, card.id, typeMode]);

  const submitRecall = (event: FormEvent) => {
    event.preventDefault();
    if (card.kind === "missed" && typed.trim()) check.mutate({ cardId: card.id, answer: typed });
    onReveal();
  };

  const tapToReveal = (event: MouseEvent) => {
    if (revealed || typeMode) return;
    if (event.target instanceof Element && event.target.closest(OWN_CLICK)) return;
    onReveal();
  };

  const section = SECTION_LABELS[card.section as Section] ?? card.section;
  return (
    <>
      <article
        className={`card fc-card${revealed || typeMode ? "" : " fc-card-tappable"}`}
        aria-labelledby="fc-front-heading"
        onClick={tapToReveal}
      >
        <div className="fc-meta">
          <span className="badge">{card.kind === "missed" ? "Missed in your answers" : section}</span>
          {card.state && <span className="badge badge-muted">{STATE_LABELS[card.state]}</span>}
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
                {check.isPending && <Loading>Checking…</Loading>}
                {result?.gradable && result.verdict && (
                  <p role="status" className={`fc-verdict fc-verdict-${result.verdict}`}>
                    {VERDICT_TEXT[result.verdict]} Suggested rating:{" "}
                    <strong>{RATING_LABELS[result.suggestedRating!]}</strong> — press Enter to accept it, or choose
                    another.
                  </p>
                )}
                {result && !result.gradable && (
                  <p role="status">Compare your answer with the card and rate yourself.</p>
                )}
                {check.isError && (
                  <p role="status">We couldn't check your answer ({check.error.message}); rate yourself.</p>
                )}
              </div>
            )}
            <hr className="fc-divider" />
            <h2 className="visually-hidden">Answer</h2>
            <div className="fc-text fc-back" data-testid="card-back">
              {card.back}
            </div>
            {actions(result?.suggestedRating ?? null)}
          </>
        ) : typeMode ? (
          <form className="fc-recall" onSubmit={submitRecall}>
            <label className="field-label" htmlFor="fc-recall-input">
              Your answer
            </label>
            <p className="field-hint" id="fc-recall-hint">
              Type what you remember, then check it (Ctrl+Enter).{" "}
              {card.kind === "missed"
                ? "It is graded against the key point."
                : "You compare it with the card yourself."}
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
            <button
              ref={showRef}
              type="button"
              className="button button-primary"
              aria-keyshortcuts="Space"
              onClick={onReveal}
            >
              Show answer <kbd aria-hidden="true">Space</kbd>
            </button>
            <span className="fc-tap-hint" aria-hidden="true">
              or tap the card
            </span>
          </div>
        )}
      </article>
      {tools}
    </>
  );
}
