import { useRef } from "react";

/** What finishing now leaves behind, in words: open questions not submitted apart from follow-ups never reached. */
function finishText(notSubmitted: number, notReached: number): string {
  const parts: string[] = [];
  if (notSubmitted > 0) {
    parts.push(
      `${notSubmitted} question${notSubmitted === 1 ? " hasn't" : "s haven't"} been submitted. Saved drafts are graded as they stand; anything blank scores nothing.`,
    );
  }
  if (notReached > 0) {
    parts.push(
      notReached === 1
        ? "1 follow-up hasn't been reached yet (it opens when you submit the question before it) and will score nothing."
        : `${notReached} follow-ups haven't been reached yet (they open when you submit the question before them) and will score nothing.`,
    );
  }
  if (parts.length === 0) parts.push("Every question has an answer.");
  return `${parts.join(" ")} You can't change anything afterwards.`;
}

type FinishRoundButtonProps = {
  /** Questions open to answer that have not been submitted. */
  notSubmitted: number;
  /** Follow-ups still locked behind a question not yet submitted. */
  notReached: number;
  busy: boolean;
  onConfirm: () => void;
};

/** A native modal dialog: it traps focus, closes on Escape and hands focus back to the button by itself. */
export function FinishRoundButton({ notSubmitted, notReached, busy, onConfirm }: FinishRoundButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keepAnswering = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        type="button"
        className="button button-primary"
        aria-disabled={busy || undefined}
        onClick={() => {
          if (busy) return;
          dialog.current?.showModal();
          // Start on the safe choice. (React's autoFocus doesn't set the attribute the dialog would look for.)
          keepAnswering.current?.focus();
        }}
      >
        {busy && <span className="spinner" aria-hidden="true" />}
        Submit all and finish
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="finish-title" aria-describedby="finish-text">
        <h2 id="finish-title">Finish the round now?</h2>
        <p id="finish-text">{finishText(notSubmitted, notReached)}</p>
        <form method="dialog" className="actions">
          <button
            type="submit"
            className="button button-primary"
            value="finish"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            Finish now
          </button>
          <button ref={keepAnswering} type="submit" className="button button-secondary" value="cancel">
            Keep answering
          </button>
        </form>
      </dialog>
    </>
  );
}
