import { useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "react-router";
import { api } from "../../../lib/api-client";
import { formatDateTime } from "../../../lib/format-time";
import { openedFrom } from "../back-link";

type AuditEvent = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; displayName: string } | null;
  data: Record<string, unknown>;
  at: string;
};

const ACTIONS: Record<string, string> = {
  "invite.created": "created a mentor invite",
  "link.created": "linked as your mentor",
  "link.ended": "ended a mentor link",
  "comment.created": "commented on an answer",
  "grade.overridden": "overrode a grade",
  "answer.reviewed": "confirmed a grade",
  "answer.disputed": "disputed a grade",
  "dispute.resolved": "ruled on a dispute",
};

/** Everything anyone did to the candidate's data, newest first: the audit log is theirs to read. */
export function AuditPanel() {
  const location = useLocation();
  const audit = useQuery({
    queryKey: ["history", "audit"],
    queryFn: ({ signal }) => api.get<{ items: AuditEvent[] }>("/api/me/audit", signal),
  });
  const items = audit.data?.items ?? [];
  return (
    <details className="card audit-panel">
      <summary>Activity on your data ({items.length})</summary>
      {items.length === 0 ? (
        <p className="grade-note">Nothing yet.</p>
      ) : (
        <ol className="audit-list">
          {items.map((e) => {
            const data = e.data as { from?: { verdict: string }; to?: { verdict: string }; reason?: string };
            return (
              <li key={e.id}>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{" "}
                <strong>{e.actor?.displayName ?? "Someone"}</strong> {ACTIONS[e.action] ?? e.action}
                {e.action === "grade.overridden" &&
                  data.from &&
                  data.to &&
                  ` (${data.from.verdict} → ${data.to.verdict}: ${data.reason ?? ""})`}
                {e.action === "dispute.resolved" && typeof e.data.resolution === "string" && ` (${e.data.resolution})`}
                {(e.entityType === "Answer" || typeof e.data.answerId === "string") && (
                  <>
                    {" "}
                    ·{" "}
                    <Link
                      to={`/answers/${typeof e.data.answerId === "string" ? e.data.answerId : e.entityId}`}
                      state={openedFrom(location)}
                    >
                      answer
                    </Link>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
