import type { ReactNode } from "react";

type SubmitButtonProps = {
  busy: boolean;
  /** Announced to screen readers while busy; the visible label stays put so the button keeps its name. */
  busyText: string;
  children: ReactNode;
  /** Full width, as in the narrow auth forms; wider pages want a button sized to its label. */
  block?: boolean;
};

/**
 * aria-disabled rather than disabled: a disabled button drops keyboard focus mid-submit.
 * The form's submit handler is what refuses a second submit while busy.
 */
export function SubmitButton({ busy, busyText, children, block = true }: SubmitButtonProps) {
  return (
    <>
      <button
        type="submit"
        className={block ? "button button-primary button-block" : "button button-primary"}
        aria-disabled={busy || undefined}
      >
        {busy && <span className="spinner" aria-hidden="true" />}
        {children}
      </button>
      <p className="visually-hidden" role="status">
        {busy ? busyText : ""}
      </p>
    </>
  );
}
