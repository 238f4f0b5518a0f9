import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../../lib/session";
import { localStore } from "../../../lib/storage";
import { RATINGS } from "../api/flashcards";
import { CardTools } from "../components/card-tools";
import { FlashcardsNav } from "../components/flashcards-nav";
import { KeyboardHelp } from "../components/keyboard-help";
import { RatingBar } from "../components/rating-bar";
import { ReviewCard } from "../components/review-card";
import { SectionPicker } from "../components/section-picker";
import { useReviewSession } from "../hooks/use-review-session";
import { useSectionChoice } from "../hooks/use-section-choice";
import "../flashcards.css";
import { LoadError, Loading } from "../../../components/ui/page-status";

const TYPING = "input, textarea, select, [contenteditable='true']";
const ACTIVATABLE = "button, a, summary, [role='button']";
const TYPE_MODE_KEY = "wm.flashcards.typeMode";

export function ReviewRoute() {
  const user = useCurrentUser();
  const [sections, setSections] = useSectionChoice();
  const session = useReviewSession(user.id, sections);
  const { current, revealed, reveal, rate, undo, canUndoSetAside, undoSetAside } = session;
  const [typeMode, setTypeMode] = useState(() => localStore.read<boolean>(TYPE_MODE_KEY) === true);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TYPING)) return;
      if (event.key === " ") {
        // A focused button does its own thing with Space (Show answer reveals, Good rates).
        if (target?.closest(ACTIVATABLE)) return;
        if (current && !revealed) {
          event.preventDefault();
          reveal();
        }
        return;
      }
      const index = ["1", "2", "3", "4"].indexOf(event.key);
      if (index >= 0 && revealed) {
        event.preventDefault();
        rate(RATINGS[index]!);
      } else if (event.key === "u" || event.key === "U") {
        event.preventDefault();
        // U undoes whatever happened last: the bury or suspend while its message offers it, else the last rating.
        (canUndoSetAside ? undoSetAside : undo)();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, revealed, reveal, rate, undo, canUndoSetAside, undoSetAside]);

  const total = session.done + session.left;
  return (
    <>
      <title>Flashcards · Watermark</title>
      <FlashcardsNav />
      <div className="page-heading fc-heading">
        <h1>Review</h1>
        <div className="fc-progress">
          <p className="fc-progress-text">
            <strong>{session.done}</strong> done · <strong>{session.left}</strong> left today
            <span className="fc-counts">
              {" "}
              ({session.counts.learning} learning, {session.counts.review} review, {session.counts.new} new)
            </span>
          </p>
          <progress
            className="fc-progress-bar"
            max={Math.max(total, 1)}
            value={session.done}
            aria-label="Today's progress"
          />
        </div>
      </div>
      <SectionPicker sections={sections} onChange={setSections} />

      <div aria-live="polite" className="fc-live">
        {!session.online || session.pending.length > 0 ? (
          <p className="banner banner-info fc-offline" role="status">
            {offlineText(session.online, session.pending.length)}
          </p>
        ) : null}
        {session.message && !(session.message.tone === "info" && session.pending.length > 0) && (
          <p className={session.message.tone === "error" ? "banner banner-error" : "banner banner-info fc-message"}>
            {session.message.text}
            {session.message.undo && (
              <button
                type="button"
                className="button button-secondary button-small"
                aria-keyshortcuts="U"
                onClick={undoSetAside}
              >
                Undo <kbd aria-hidden="true">U</kbd>
              </button>
            )}
          </p>
        )}
      </div>

      {session.queue.isPending ? (
        <Loading>Loading your cards…</Loading>
      ) : session.queue.isError && !session.queue.data ? (
        <LoadError what="your cards" error={session.queue.error} onRetry={() => void session.queue.refetch()} />
      ) : current ? (
        <ReviewCard
          card={current}
          revealed={revealed}
          typeMode={typeMode}
          onReveal={reveal}
          actions={(suggested) => <RatingBar card={current} suggested={suggested} onRate={rate} />}
          tools={
            <CardTools
              questionSlug={current.questionSlug}
              onBury={() => session.setAside("bury")}
              onSuspend={() => session.setAside("suspend")}
            />
          }
        />
      ) : (
        <div className="card empty-state fc-done">
          <h2>All done for now</h2>
          <p>
            {session.done > 0 ? `You reviewed ${session.done} card${session.done === 1 ? "" : "s"} today. ` : ""}
            Nothing else is due{sections.length ? " in the sections you chose" : ""}. Come back later, see what is
            coming on the <Link to="/flashcards/stats">stats page</Link>, or <Link to="/flashcards/cram">cram</Link>{" "}
            without changing your schedule.
          </p>
        </div>
      )}
      <div className="fc-toolbar">
        {/* While the message offers to take back a bury or suspend, U is its Undo button's. */}
        <button
          type="button"
          className="button button-secondary button-small"
          aria-keyshortcuts={canUndoSetAside ? undefined : "U"}
          onClick={undo}
        >
          Undo last rating {!canUndoSetAside && <kbd aria-hidden="true">U</kbd>}
        </button>
        <label className="fc-toggle">
          <input
            type="checkbox"
            checked={typeMode}
            onChange={(e) => {
              setTypeMode(e.target.checked);
              localStore.write(TYPE_MODE_KEY, e.target.checked);
            }}
          />
          Type your answer first
        </label>
      </div>
      <KeyboardHelp />
    </>
  );
}

function offlineText(online: boolean, pending: number): string {
  const ratings = `${pending} rating${pending === 1 ? "" : "s"}`;
  if (online) return `Back online: sending ${ratings} made while offline…`;
  if (pending === 0)
    return "You're offline. Ratings you make now are kept on this device and sent when the connection is back.";
  return `Offline — ${ratings} kept on this device; ${pending === 1 ? "it" : "they"} will be sent when the connection is back.`;
}
