import { useState, type FormEvent } from "react";
import { verdictLabel } from "../../../components/grading/verdict-badge";
import { formatDateTime } from "../../../lib/format-time";
import { useDispute, useSelfAssessment } from "../api/history";
import type { AnswerDetail, HistoryItem } from "../types";

const REASON_MIN = 10;
const REASON_MAX = 1000;
const VERDICTS = ["correct", "partial", "incorrect"] as const;

const disputeLabel = (resolution: "upheld" | "rejected" | undefined, open: string) =>
  resolution === "upheld" ? "Dispute upheld" : resolution === "rejected" ? "Dispute rejected" : open;

/** The dispute's state in a few words, for history rows and the queue ("Dispute upheld", "Self-assessed: partial"). */
export function DisputeBadges({ item }: { item: Pick<HistoryItem, "dispute" | "selfAssessment"> }) {
  const { dispute, selfAssessment } = item;
  if (!dispute && !selfAssessment) return null;
  return (
    <span className="dispute-badges">
      {dispute && (
        <span className={`badge badge-dispute badge-dispute-${dispute.resolution ?? "open"}`}>
          {disputeLabel(dispute.resolution, "Disputed")}
        </span>
      )}
      {selfAssessment && (
        <span className="badge badge-self">Self-assessed: {verdictLabel(selfAssessment.verdict).toLowerCase()}</span>
      )}
    </span>
  );
}

/**
 * The candidate's side of a grade they doubt: the dispute (open it once, then follow it) and their own verdict, which
 * stays beside the automatic grade. A mentor reading the answer sees the dispute, with its reason first.
 */
export function DisputePanel({ answer, owner }: { answer: AnswerDetail; owner: boolean }) {
  const freeText = answer.question.type === "free-text";
  const { dispute } = answer;
  const assessable = owner && freeText && (answer.autoGrade.confidence === "low" || dispute !== null);
  if (!dispute && !(owner && freeText)) return null;
  return (
    <section className="grade-section dispute-panel" aria-labelledby="dispute-h">
      <h3 id="dispute-h">
        {owner
          ? dispute
            ? "Your dispute"
            : "Think the grade is wrong?"
          : dispute?.status === "open"
            ? "The candidate disputes this grade"
            : "The candidate's dispute"}
      </h3>
      {dispute ? <DisputeState dispute={dispute} /> : <DisputeForm answerId={answer.id} />}
      {assessable && <SelfAssessment answer={answer} />}
    </section>
  );
}

function DisputeState({ dispute }: { dispute: NonNullable<AnswerDetail["dispute"]> }) {
  return (
    <div className="dispute-state" data-testid="dispute">
      <p>
        <span className={`badge badge-dispute badge-dispute-${dispute.resolution ?? "open"}`}>
          {disputeLabel(dispute.resolution, "Disputed: waiting for a mentor")}
        </span>{" "}
        <span className="history-row-meta">
          sent <time dateTime={dispute.createdAt}>{formatDateTime(dispute.createdAt)}</time>
        </span>
      </p>
      <blockquote className="dispute-reason">{dispute.reason}</blockquote>
      {dispute.resolvedAt && (
        <p className="dispute-resolution">
          {dispute.resolution === "upheld" ? "Upheld" : "Rejected"}
          {dispute.resolvedBy && ` by ${dispute.resolvedBy.name}`} on{" "}
          <time dateTime={dispute.resolvedAt}>{formatDateTime(dispute.resolvedAt)}</time>
          {dispute.reply ? ": " : "."}
          {dispute.reply && <q className="dispute-reply">{dispute.reply}</q>}
        </p>
      )}
    </div>
  );
}

function DisputeForm({ answerId }: { answerId: string }) {
  const dispute = useDispute(answerId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const length = reason.trim().length;

  if (!open)
    return (
      <p>
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          Dispute this grade
        </button>{" "}
        <span className="field-hint">Once per answer; a mentor linked to you rules on it.</span>
      </p>
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (dispute.isPending) return;
    if (length < REASON_MIN) return setError(`Say why in at least ${REASON_MIN} characters.`);
    if (length > REASON_MAX) return setError(`Keep it to ${REASON_MAX} characters.`);
    setError(undefined);
    dispute.mutate(reason.trim(), { onError: (err) => setError(err.message) });
  };
  return (
    <form className="dispute-form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field-label" htmlFor="dispute-reason">
          Why is the grade wrong?
        </label>
        {error && (
          <p className="field-error" role="alert" id="dispute-error">
            {error}
          </p>
        )}
        <textarea
          id="dispute-reason"
          className="textarea"
          rows={4}
          autoFocus
          value={reason}
          aria-describedby={`dispute-count${error ? " dispute-error" : ""}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        <p className="field-hint" id="dispute-count" aria-live="polite">
          {length}/{REASON_MAX} characters (at least {REASON_MIN})
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={dispute.isPending || undefined}>
          Submit dispute
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SelfAssessment({ answer }: { answer: AnswerDetail }) {
  const assess = useSelfAssessment(answer.id);
  const current = answer.selfAssessment?.verdict;
  return (
    <div className="self-assessment" role="group" aria-labelledby="self-h">
      <h4 id="self-h">Assess it yourself</h4>
      <p className="field-hint">
        Compare your answer with the model answer's key points. Your verdict is kept beside the grader's, never over it,
        and does not change your mastery.
      </p>
      <div className="form-actions">
        {VERDICTS.map((v) => (
          <button
            key={v}
            type="button"
            className={`button button-small ${current === v ? "button-primary" : "button-secondary"}`}
            aria-pressed={current === v}
            aria-disabled={assess.isPending || undefined}
            onClick={() => !assess.isPending && assess.mutate(v)}
          >
            {verdictLabel(v)}
          </button>
        ))}
      </div>
      {current && (
        <p className="history-row-meta" role="status">
          You assessed it as {verdictLabel(current).toLowerCase()}.
        </p>
      )}
    </div>
  );
}
