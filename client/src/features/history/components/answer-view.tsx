import { useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import { GradeDetails } from "../../../components/grading/grade-details";
import { formatScore, verdictLabel } from "../../../components/grading/verdict-badge";
import { ApiError } from "../../../lib/api-client";
import { formatDateTime, formatDuration } from "../../../lib/format-time";
import { sectionLabel, typeLabel } from "../../../lib/questions";
import { useCurrentUser } from "../../../lib/session";
import { useAddComment, useAnswer, useConfirm, useOverride } from "../api/history";
import type { OverrideBody } from "../../../lib/api-types";
import type { AnswerDetail } from "../types";
import { DisputeBadges, DisputePanel } from "./dispute-panel";
import { GradeSummary } from "./grade-summary";
import "../history.css";
import { LoadError, Loading } from "../../../components/ui/page-status";

/** The select offers exactly the verdicts an override accepts. */
type Verdict = OverrideBody["verdict"];

const COMMENT_MAX = 2000;

/**
 * `reviewTools` lets the page add what other features offer a reviewing mentor (the rubric's phrase suggester); they
 * sit with the grade they concern, above the mentor's review.
 */
export function AnswerView({
  id,
  onReviewed,
  reviewTools,
}: {
  id: string;
  onReviewed?: () => void;
  reviewTools?: (answer: AnswerDetail) => ReactNode;
}) {
  const answer = useAnswer(id);
  const user = useCurrentUser();
  if (answer.isPending) return <Loading>Loading the answer…</Loading>;
  if (answer.isError && answer.error instanceof ApiError && answer.error.status === 404)
    return (
      <div className="banner banner-error" role="alert">
        <p>There is no such answer, or you can't see it.</p>
      </div>
    );
  if (answer.isError) return <LoadError what="the answer" error={answer.error} onRetry={() => void answer.refetch()} />;
  const a = answer.data;
  const mentor = user.role === "mentor" && a.candidateId !== user.id;
  const followUpAnswers = a.followUpAnswers ?? [];
  return (
    <article className="answer-view" aria-labelledby="answer-h">
      <header className="answer-head">
        <p className="history-row-meta">
          {mentor ? `${a.candidate.displayName} · ` : ""}
          {sectionLabel(a.question.section)} · {typeLabel(a.question.type)} · {a.question.title} (version{" "}
          {a.question.version}) · {a.source === "round" ? "Mock round" : "Practice"} · {formatDateTime(a.submittedAt)}
          {a.timeSpentSeconds !== null &&
            ` · took ${formatDuration(a.timeSpentSeconds)} of ${formatDuration(a.timeBudgetSeconds)}`}
        </p>
        {a.followUpOf && (
          <p className="history-row-label">
            <span className="badge badge-follow-up">Follow-up</span>{" "}
            {a.parentAnswer && <Link to={`/answers/${a.parentAnswer.id}`}>See the answer it follows up</Link>}
          </p>
        )}
        <h2 id="answer-h" className="answer-prompt">
          {a.question.prompt}
        </h2>
        <div className="answer-grade-line">
          <GradeSummary item={a} />
          <DisputeBadges item={a} />
        </div>
        {followUpAnswers.length > 0 && (
          <p className="history-row-meta">
            The interviewer followed up:{" "}
            {followUpAnswers.map((f, i) => (
              <span key={f.id}>
                {i > 0 && ", "}
                <Link to={`/answers/${f.id}`}>
                  {followUpAnswers.length > 1 ? `follow-up answer ${i + 1}` : "see your follow-up answer"}
                </Link>
              </span>
            ))}
          </p>
        )}
      </header>
      <Overrides answer={a} />
      <GradeDetails
        level={3}
        reader={mentor ? "reviewer" : "self"}
        result={{
          type: a.question.type,
          answer: a.answer,
          verdict: a.autoGrade.verdict,
          score: a.autoGrade.score,
          matched: a.autoGrade.matched,
          missed: a.autoGrade.missed,
          flags: a.autoGrade.flags,
          explanation: a.reveal.explanation,
          modelAnswer: a.reveal.modelAnswer,
          concepts: a.reveal.concepts,
          choices: a.reveal.choices,
          choice: a.autoGrade.choice,
          options: a.reveal.options,
          // Once a mentor's override stands, or a dispute was ruled on, the grade is no longer provisional.
          confidence: a.effectiveGrade.overridden || a.dispute?.status === "resolved" ? "high" : a.autoGrade.confidence,
          confidenceReasons: a.autoGrade.confidenceReasons,
        }}
      />
      <DisputePanel answer={a} owner={a.candidateId === user.id} />
      {mentor && reviewTools?.(a)}
      {mentor && <MentorActions answer={a} onReviewed={onReviewed} />}
      <Comments answer={a} />
    </article>
  );
}

function Overrides({ answer }: { answer: AnswerDetail }) {
  if (answer.overrides.length === 0) return null;
  return (
    <section className="grade-section" aria-labelledby="overrides-h">
      <h3 id="overrides-h">Mentor rulings</h3>
      <ol className="override-list">
        {answer.overrides.map((o) => (
          <li key={o.id} className="override-item">
            <p>
              <strong>{o.by.displayName}</strong> changed the grade from {verdictLabel(o.fromVerdict as "correct")} (
              {formatScore(o.fromScore)}) to{" "}
              <strong>
                {verdictLabel(o.verdict)} ({formatScore(o.score)})
              </strong>{" "}
              · <time dateTime={o.at}>{formatDateTime(o.at)}</time>
            </p>
            <p className="override-reason">{o.reason}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function MentorActions({ answer, onReviewed }: { answer: AnswerDetail; onReviewed?: () => void }) {
  const override = useOverride(answer.id);
  const confirm = useConfirm(answer.id);
  const [verdict, setVerdict] = useState<Verdict>(answer.effectiveGrade.verdict);
  const [score, setScore] = useState<string>(String(Math.round(answer.effectiveGrade.score * 100)));
  const [reason, setReason] = useState("");
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string>();
  const disputeOpen = answer.dispute?.status === "open";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (override.isPending) return;
    const n = Number(score);
    if (!Number.isFinite(n) || n < 0 || n > 100) return setError("Enter a score from 0 to 100.");
    if (reason.trim().length < 3) return setError("Give a reason: the candidate and the grader learn from it.");
    setError(undefined);
    override.mutate(
      { verdict, score: n / 100, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason("");
          onReviewed?.();
        },
        onError: (err) => setError(err.message),
      },
    );
  };

  return (
    <section className="grade-section mentor-actions" aria-labelledby="review-h">
      <h3 id="review-h">Your review</h3>
      <p>
        {answer.reviewed ? "You have reviewed this answer." : "Not reviewed yet."}{" "}
        {disputeOpen && "Confirming the grade rejects the dispute; overriding it to another verdict upholds it."}
      </p>
      {disputeOpen && (
        <div className="field">
          <label className="field-label" htmlFor="dispute-reply">
            Reply to the dispute (optional, sent with Confirm grade)
          </label>
          <textarea
            id="dispute-reply"
            className="textarea"
            rows={2}
            maxLength={1000}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
          />
        </div>
      )}
      <p>
        <button
          type="button"
          className="button button-secondary button-small"
          aria-disabled={confirm.isPending || undefined}
          onClick={() =>
            !confirm.isPending &&
            confirm.mutate(disputeOpen ? reply.trim() || undefined : undefined, {
              onSuccess: () => {
                setReply("");
                onReviewed?.();
              },
            })
          }
        >
          Confirm grade
        </button>
      </p>
      <form className="override-form" onSubmit={submit} aria-labelledby="override-h" noValidate>
        <h4 id="override-h">Override the grade</h4>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-row">
          <div className="field">
            <label className="field-label" htmlFor="override-verdict">
              Verdict
            </label>
            <select
              id="override-verdict"
              className="input"
              value={verdict}
              onChange={(e) => setVerdict(e.target.value as Verdict)}
            >
              <option value="correct">Correct</option>
              <option value="partial">Partly correct</option>
              <option value="incorrect">Incorrect</option>
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="override-score">
              Score (%)
            </label>
            <input
              id="override-score"
              className="input"
              type="number"
              min={0}
              max={100}
              value={score}
              onChange={(e) => setScore(e.target.value)}
            />
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="override-reason">
            Reason (required)
          </label>
          <textarea
            id="override-reason"
            className="textarea"
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary" aria-disabled={override.isPending || undefined}>
          Save override
        </button>
      </form>
    </section>
  );
}

function Comments({ answer }: { answer: AnswerDetail }) {
  const add = useAddComment(answer.id);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending) return;
    if (body.trim() === "") return setError("Write a comment first.");
    setError(undefined);
    add.mutate(body.trim(), { onSuccess: () => setBody(""), onError: (err) => setError(err.message) });
  };
  return (
    <section className="grade-section" aria-labelledby="comments-h">
      <h3 id="comments-h">Comments</h3>
      {answer.comments.length === 0 ? (
        <p className="grade-note">No comments yet.</p>
      ) : (
        <ol className="comment-list">
          {answer.comments.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment-meta">
                <strong>{c.author.displayName}</strong> ({c.author.role}) ·{" "}
                <time dateTime={c.at}>{formatDateTime(c.at)}</time>
              </p>
              {/* Text node only: comments are untrusted plain text. */}
              <p className="comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="comment-form" noValidate>
        <div className="field">
          <label className="field-label" htmlFor="comment-body">
            Add a comment
          </label>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <textarea
            id="comment-body"
            className="textarea"
            rows={3}
            maxLength={COMMENT_MAX}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <p className="field-hint">
            {body.length}/{COMMENT_MAX}
          </p>
        </div>
        <button type="submit" className="button button-secondary" aria-disabled={add.isPending || undefined}>
          Post comment
        </button>
      </form>
    </section>
  );
}
