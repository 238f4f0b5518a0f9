import { useEffect, useRef } from "react";
import { useSectionChoice } from "../hooks/use-section-choice";
import { useCramSession } from "../hooks/use-cram-session";
import { FlashcardsNav } from "../components/flashcards-nav";
import { ReviewCard } from "../components/review-card";
import { SectionPicker } from "../components/section-picker";
import "../flashcards.css";
import { LoadError, Loading } from "../../../components/ui/page-status";

const TYPING = "input, textarea, select, [contenteditable='true']";
const ACTIVATABLE = "button, a, summary, [role='button']";

export function CramRoute() {
  const [sections, setSections] = useSectionChoice();
  const session = useCramSession(sections);
  const { current, revealed, reveal, answer } = session;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TYPING)) return;
      if (event.key === " " && !target?.closest(ACTIVATABLE) && current && !revealed) {
        event.preventDefault();
        reveal();
      } else if ((event.key === "1" || event.key === "2") && revealed) {
        event.preventDefault();
        answer(event.key === "2");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, revealed, reveal, answer]);

  return (
    <>
      <title>Cram · Flashcards · Watermark</title>
      <FlashcardsNav />
      <div className="page-heading fc-heading">
        <h1>Cram</h1>
        <p className="fc-progress-text">
          <strong>{session.known}</strong> known · <strong>{session.left}</strong> to go of {session.total}. Your
          schedule is not changed.
        </p>
      </div>
      <SectionPicker sections={sections} onChange={setSections} />

      {session.cram.isPending ? (
        <Loading>Loading your cards…</Loading>
      ) : session.cram.isError ? (
        <LoadError what="your cards" error={session.cram.error} onRetry={() => void session.cram.refetch()} />
      ) : current ? (
        <ReviewCard
          card={current}
          revealed={revealed}
          typeMode={false}
          onReveal={reveal}
          actions={() => <CramBar cardId={current.id} onAnswer={answer} />}
        />
      ) : (
        <div className="card empty-state fc-done">
          <h2>{session.total ? "You went through every card" : "No cards to cram"}</h2>
          <p>{session.total ? `All ${session.total} cards known this time.` : "Choose other sections above."}</p>
          {session.total > 0 && (
            <button type="button" className="button button-primary" onClick={session.restart}>
              Start over
            </button>
          )}
        </div>
      )}
    </>
  );
}

function CramBar({ cardId, onAnswer }: { cardId: string; onAnswer: (gotIt: boolean) => void }) {
  const gotIt = useRef<HTMLButtonElement>(null);
  useEffect(() => gotIt.current?.focus({ preventScroll: true }), [cardId]);
  return (
    <div className="fc-cram-bar fc-bar" role="group" aria-label="Did you know it?">
      <button
        type="button"
        className="button fc-rate fc-rate-again"
        aria-keyshortcuts="1"
        aria-describedby="fc-cram-again"
        onClick={() => onAnswer(false)}
      >
        <span className="fc-rate-label">Again</span>
        <kbd aria-hidden="true">1</kbd>
        <span id="fc-cram-again" hidden>
          Shows this card again later in this session
        </span>
      </button>
      <button
        ref={gotIt}
        type="button"
        className="button fc-rate fc-rate-good"
        aria-keyshortcuts="2"
        onClick={() => onAnswer(true)}
      >
        <span className="fc-rate-label">Got it</span>
        <kbd aria-hidden="true">2</kbd>
      </button>
    </div>
  );
}
