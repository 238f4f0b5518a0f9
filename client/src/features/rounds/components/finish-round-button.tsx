import { useRef } from "react";

type FinishRoundButtonProps = {
  unanswered: number;
  busy: boolean;
  onConfirm: () => void;
};

/** A native modal dialog: it traps focus, closes on Escape and hands focus back to the button by itself. */
export function FinishRoundButton({ unanswered, busy, onConfirm }: FinishRoundButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keepAnswering = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        aria-disabled={busy || undefined}
        onClick={() => {
          if (busy) return;
          dialog.current?.showModal();
          // Start on the safe choice. (React's autoFocus doesn't set the attribute the dialog would look for.)
          keepAnswering.current?.focus();
        }}
      >
        {busy && <span className="spinner" aria-hidden="true" />}
        Finish round
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="finish-title" aria-describedby="finish-text">
        <h2 id="finish-title">Finish the round now?</h2>
        <p id="finish-text">
          {unanswered > 0
            ? `${unanswered} question${unanswered === 1 ? " hasn't" : "s haven't"} been submitted. Saved drafts are graded as they stand; anything blank scores nothing. `
            : "Every question has an answer. "}
          You can't change anything afterwards.
        </p>
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
