import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/format-time";
import { useCandidates, useQueue, useRedeemInvite } from "../api/mentor";
import { LoadError } from "../../../components/ui/page-status";
import { SkeletonList } from "../../../components/ui/skeleton";
import "../../../components/ui/cards.css";
import "../mentor.css";

export function CandidatesRoute() {
  const candidates = useCandidates();
  const queue = useQueue();
  return (
    <>
      <title>Your candidates · Watermark</title>
      <div className="page-heading">
        <h1>Your candidates</h1>
        <p className="lede">
          {queue.data ? (
            <>
              <Link to="/mentor/queue">
                {queue.data.total} answer{queue.data.total === 1 ? "" : "s"} waiting for review
              </Link>
              .
            </>
          ) : (
            "The candidates you coach and their recent activity."
          )}
        </p>
      </div>
      <RedeemForm />
      {candidates.isPending && <SkeletonList words="Loading your candidates…" rows={2} />}
      {candidates.isError && (
        <LoadError what="your candidates" error={candidates.error} onRetry={() => void candidates.refetch()} />
      )}
      {candidates.data && candidates.data.items.length === 0 && (
        <div className="card empty-state">
          <p>
            No candidates yet. A candidate makes an invite code on their History page; ask them for it and enter it
            above.
          </p>
          <a href="#invite-code">Enter an invite code</a>
        </div>
      )}
      {candidates.data && candidates.data.items.length > 0 && (
        <ul className="history-list" aria-label="Linked candidates">
          {candidates.data.items.map((c) => (
            <li key={c.id} className="card history-row">
              <div className="history-row-main">
                <Link className="history-row-title" to={`/mentor/candidates/${c.id}`}>
                  {c.displayName}
                </Link>
                <p className="history-row-meta">
                  {c.email} · linked {formatDateTime(c.linkedAt)} · {c.answerCount} answers, {c.answersLastWeek} this
                  week
                  {c.lastAnswerAt ? ` · last ${formatDateTime(c.lastAnswerAt)}` : ""}
                </p>
              </div>
              <span className="badge">{c.unreviewed} to review</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RedeemForm() {
  const redeem = useRedeemInvite();
  const [code, setCode] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (redeem.isPending || code.trim() === "") return;
    redeem.mutate(code.trim(), { onSuccess: () => setCode("") });
  };
  return (
    <form className="card redeem-form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field-label" htmlFor="invite-code">
          Invite code from a candidate
        </label>
        {redeem.isError && (
          <p className="field-error" role="alert">
            {redeem.error.message}
          </p>
        )}
        <input
          id="invite-code"
          className="input"
          autoComplete="off"
          placeholder="ABCD-EFGH-JKMN"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" aria-disabled={redeem.isPending || undefined}>
        Link candidate
      </button>
      <p role="status" className="grade-note">
        {redeem.data ? `Linked to ${redeem.data.candidate.displayName}.` : ""}
      </p>
    </form>
  );
}
