import { useEffect, useRef, useState, type FormEvent, type ReactNode, type Ref } from "react";
import { AnswerField } from "../../../components/ui/answer-field";
import { SubmitButton } from "../../../components/ui/submit-button";
import { formatDuration, formatTime } from "../../../lib/format-time";
import { difficultyLabel, isBlankAnswer, sectionLabel, typeLabel, type AnswerValue } from "../../../lib/questions";
import type { SubmissionState } from "../hooks/use-answer-submission";
import type { RoundQuestion as Question } from "../types";

type RoundQuestionProps = {
  question: Question;
  number: number;
  total: number;
  value: AnswerValue;
  onChange: (value: AnswerValue) => void;
  onSubmit: () => void;
  submission: SubmissionState | undefined;
  /** Time is up or the round is being finished: nothing more can be changed. */
  locked: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onPrevious?: () => void;
  onNext?: () => void;
  /** For a follow-up: the question it follows up. */
  parent?: StepLink;
  /** For an answered question with follow-ups: the first of them. */
  followUp?: StepLink;
  onToggleFlag: () => void;
  /** On the last question: the summary before finishing, where "Next question" would be. */
  onReview?: () => void;
};

/** Another question of the round, by its number, with a way to go there. */
type StepLink = { number: number; onOpen: () => void };

export function RoundQuestion(props: RoundQuestionProps) {
  const {
    question,
    number,
    total,
    value,
    onChange,
    onSubmit,
    submission,
    locked,
    headingRef,
    onPrevious,
    onNext,
    parent,
    followUp,
    onToggleFlag,
    onReview,
  } = props;
  const answered = question.answer !== null;
  const [blankError, setBlankError] = useState(false);
  const inputId = `round-answer-${question.slug}`;
  const headingId = `round-question-${question.slug}`;
  const noteRef = useFocusWhenAnswered(answered);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (answered || locked || submission?.state === "sending") return;
    if (isBlankAnswer(value)) {
      setBlankError(true);
      document.getElementById(inputId)?.focus();
      return;
    }
    setBlankError(false);
    onSubmit();
  }

  const steps = <QuestionSteps onPrevious={onPrevious} onNext={onNext} onReview={onReview} />;
  const heading = (
    <QuestionHeading id={headingId} headingRef={headingRef} number={number} total={total} title={question.title} />
  );

  if (question.locked) {
    return <LockedFollowUp question={question} headingId={headingId} heading={heading} parent={parent} steps={steps} />;
  }

  const blankMessage =
    question.type === "free-text" ? "Write an answer before submitting it" : "Choose an answer before submitting it";
  const failed = submission?.state === "failed" ? submission : undefined;

  return (
    <section className="card round-question" aria-labelledby={headingId}>
      <div className="round-question-head">
        {heading}
        {!locked && <FlagToggle flagged={question.flagged} onToggle={onToggleFlag} />}
      </div>
      <QuestionMeta question={question} />
      {parent && <p className="follow-up-of">The interviewer follows up on your answer to question {parent.number}.</p>}
      <p className="question-prompt">{question.prompt}</p>

      <form className="form" noValidate onSubmit={handleSubmit}>
        <AnswerField
          id={inputId}
          type={question.type}
          choices={question.choices}
          value={value}
          onChange={(next) => {
            if (blankError) setBlankError(false);
            onChange(next);
          }}
          readOnly={answered || locked}
          hint={
            answered
              ? undefined
              : question.type === "free-text"
                ? "Saved as you type. Submit when you're happy with it: a submitted answer is final."
                : undefined
          }
          error={blankError ? blankMessage : undefined}
        />
        {answered ? (
          <p ref={noteRef} tabIndex={-1} className="answered-note">
            <span aria-hidden="true">✓ </span>
            Submitted{question.answeredAt ? ` at ${formatTime(question.answeredAt)}` : ""}. A submitted answer can't be
            changed.
          </p>
        ) : (
          !locked && (
            <div className="actions">
              <SubmitButton busy={submission?.state === "sending"} busyText="Submitting your answer…" block={false}>
                Submit answer
              </SubmitButton>
            </div>
          )
        )}
        {answered && followUp && <FollowUpOffer followUp={followUp} />}
        {failed && (
          <p className="banner banner-error" role="alert">
            {failed.message}
          </p>
        )}
      </form>

      {steps}
    </section>
  );
}

/** Submitting removes the button that had focus; land on the confirmation instead of the top of the page. */
function useFocusWhenAnswered(answered: boolean) {
  const noteRef = useRef<HTMLParagraphElement>(null);
  const wasAnswered = useRef(answered);
  useEffect(() => {
    if (answered && !wasAnswered.current) noteRef.current?.focus();
    wasAnswered.current = answered;
  }, [answered]);
  return noteRef;
}

function QuestionHeading({
  id,
  headingRef,
  number,
  total,
  title,
}: {
  id: string;
  headingRef: Ref<HTMLHeadingElement>;
  number: number;
  total: number;
  title: Question["title"];
}) {
  return (
    <h2 id={id} ref={headingRef} tabIndex={-1} className="round-question-number">
      Question {number} <span className="round-question-total">of {total}</span>
      {/* A block of its own, so screen readers pause between the number and the title as the eye does. */}
      {title && <span className="round-question-title">{title}</span>}
    </h2>
  );
}

function QuestionSteps({
  onPrevious,
  onNext,
  onReview,
}: Pick<RoundQuestionProps, "onPrevious" | "onNext" | "onReview">) {
  return (
    <div className="question-steps">
      {onPrevious ? (
        <button type="button" className="button button-secondary button-small" onClick={onPrevious}>
          <span aria-hidden="true">← </span>Previous question
        </button>
      ) : (
        <span />
      )}
      {onNext ? (
        <button type="button" className="button button-secondary button-small" onClick={onNext}>
          Next question<span aria-hidden="true"> →</span>
        </button>
      ) : (
        onReview && (
          <button type="button" className="button button-secondary button-small" onClick={onReview}>
            Review before finishing<span aria-hidden="true"> →</span>
          </button>
        )
      )}
    </div>
  );
}

/** A follow-up whose parent is not submitted yet: what it is, but not what it asks. */
function LockedFollowUp(props: {
  question: Question;
  headingId: string;
  heading: ReactNode;
  parent: StepLink | undefined;
  steps: ReactNode;
}) {
  const { question, parent } = props;
  return (
    <section className="card round-question round-question-locked" aria-labelledby={props.headingId}>
      {props.heading}
      <p className="question-meta">
        <span className="badge badge-follow-up">Follow-up</span>
        <span>{typeLabel(question.type)}</span>
        <span aria-hidden="true">·</span>
        <span>About {formatDuration(question.timeBudgetSeconds)}</span>
      </p>
      <p className="follow-up-locked">
        The interviewer asks this once you have submitted{" "}
        {parent ? `question ${parent.number}` : "the question it follows up"}.
      </p>
      {parent && (
        <div className="actions">
          <button type="button" className="button button-primary button-small" onClick={parent.onOpen}>
            Go to question {parent.number}
          </button>
        </div>
      )}
      {props.steps}
    </section>
  );
}

function FollowUpOffer({ followUp }: { followUp: StepLink }) {
  return (
    <div className="follow-up-offer">
      <p className="follow-up-prompt">The interviewer follows up: question {followUp.number} is open now.</p>
      <button type="button" className="button button-primary button-small" onClick={followUp.onOpen}>
        Answer the follow-up
      </button>
    </div>
  );
}

/** The words change with the state, as Moodle's do; a pressed-state toggle would read the same either way. */
function FlagToggle({ flagged, onToggle }: { flagged: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className={`button button-small flag-toggle${flagged ? " flag-toggle-on" : ""}`}
      onClick={onToggle}
    >
      <span aria-hidden="true">⚑ </span>
      {flagged ? "Remove flag" : "Flag for review"}
    </button>
  );
}

function QuestionMeta({ question }: { question: Question }) {
  return (
    <p className="question-meta">
      {question.followUpOf && <span className="badge badge-follow-up">Follow-up</span>}
      <span className="badge">{sectionLabel(question.section)}</span>
      <span>{typeLabel(question.type)}</span>
      <span aria-hidden="true">·</span>
      <span className={`difficulty difficulty-${question.difficulty}`}>{difficultyLabel(question.difficulty)}</span>
      <span aria-hidden="true">·</span>
      <span>About {formatDuration(question.timeBudgetSeconds)}</span>
    </p>
  );
}
