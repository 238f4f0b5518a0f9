import type { SaveStatus } from "../utils/draft-sync";

const TEXT: Record<Exclude<SaveStatus["state"], "rejected">, string> = {
  idle: "Drafts save as you type",
  saved: "Saved",
  saving: "Saving…",
  offline: "Offline — will retry",
  retrying: "Couldn't save — will retry",
};

/** Says exactly where the work is: on the server, on its way, or only on this device for now. */
export function SaveStatusIndicator({ status }: { status: SaveStatus }) {
  const text = status.state === "rejected" ? `Not saved: ${status.message}` : TEXT[status.state];
  return (
    <p className={`save-status save-status-${status.state}`} data-testid="save-status" role="status" aria-live="polite">
      <span className="save-status-icon" aria-hidden="true" />
      {text}
    </p>
  );
}
