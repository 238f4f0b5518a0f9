import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { emptyAnswer, isBlankAnswer, type AnswerValue } from "../../../lib/questions";
import { useFlagQuestion } from "../api/flag-question";
import { useAnswerSubmission } from "../hooks/use-answer-submission";
import { useDraftSync } from "../hooks/use-draft-sync";
import { useRoundFinisher } from "../hooks/use-round-finisher";
import type { Round, RoundQuestion as Question } from "../types";
import { FinishRoundButton } from "./finish-round-button";
import { QuestionNavigator, type NavigatorItem } from "./question-navigator";
import { RoundQuestion } from "./round-question";
import { RoundSummary } from "./round-summary";
import { RoundTimer } from "./round-timer";
import { SaveStatusIndicator } from "./save-status";

/** An open round being answered. Keyed on the round id by the route, so nothing carries over between rounds. */
export function RoundSession({ round }: { round: Round }) {
  const { sync, restored, status: saveStatus } = useDraftSync(round);
  const submission = useAnswerSubmission(round, sync);
  const finisher = useRoundFinisher(round, sync);
  const flag = useFlagQuestion(round.id);
  const [edits, setEdits] = useState<Record<string, AnswerValue>>(restored);
  const [timeUp, setTimeUp] = useState(false);
  const questions = [...round.questions].sort((a, b) => a.position - b.position);

  // Edits win over the server's copy; questions not touched here show the server's (latest, perhaps from another device).
  const valueOf = (q: (typeof questions)[number]): AnswerValue =>
    q.answer ?? edits[q.slug] ?? q.draft ?? emptyAnswer(q.type);

  const { current, reviewing, select, review } = useQuestionAddress(questions);
  const question = questions[current];
  const headingRef = useFocusOnViewChange(reviewing ? "summary" : `question-${current}`);

  const { finish } = finisher;
  const handleExpire = useCallback(() => {
    setTimeUp(true);
    void finish({ auto: true });
  }, [finish]);

  const items: NavigatorItem[] = questions.map((q) => ({
    slug: q.slug,
    title: q.title,
    state: q.locked ? "locked" : q.answer !== null ? "answered" : isBlankAnswer(valueOf(q)) ? "empty" : "draft",
    followUp: q.followUpOf !== undefined,
    flagged: q.flagged,
  }));
  const stepTo = (slug: string | undefined) => {
    const index = slug === undefined ? -1 : questions.findIndex((q) => q.slug === slug);
    return index < 0 ? undefined : { number: index + 1, onOpen: () => select(index) };
  };
  // A locked follow-up cannot be submitted yet, so it is counted apart from the questions still waiting on the candidate.
  const notSubmitted = items.filter((item) => item.state !== "answered" && item.state !== "locked").length;
  const notReached = items.filter((item) => item.state === "locked").length;
  const finishing = finisher.status.state === "finishing";
  const locked = timeUp || finishing;

  if (!question) {
    return <p className="banner banner-error">This round has no questions.</p>;
  }

  const finishButton = (
    <FinishRoundButton
      notSubmitted={notSubmitted}
      notReached={notReached}
      busy={finishing}
      onConfirm={() => void finisher.finish()}
    />
  );

  return (
    <>
      <title>
        {reviewing
          ? "Summary · Mock round · Watermark"
          : `Question ${current + 1} of ${questions.length} · Mock round · Watermark`}
      </title>
      <div className="round-bar">
        <h1 className="round-title">Mock round</h1>
        <RoundTimer deadline={round.deadline} clockOffsetMs={round.clockOffsetMs} onExpire={handleExpire} />
        <SaveStatusIndicator status={saveStatus} />
        {!reviewing && (
          <button type="button" className="button button-secondary" onClick={review}>
            Finish round
          </button>
        )}
      </div>

      <FinishingStatus
        status={finisher.status}
        timeUp={timeUp}
        onRetry={() => void finisher.finish({ auto: timeUp })}
      />

      {reviewing ? (
        <RoundSummary items={items} headingRef={headingRef} current={current} finish={finishButton} />
      ) : (
        <div className="round-layout">
          <QuestionNavigator items={items} current={current} onSelect={select} />
          <RoundQuestion
            key={question.slug}
            question={question}
            number={current + 1}
            total={questions.length}
            value={valueOf(question)}
            onChange={(value) => {
              setEdits((e) => ({ ...e, [question.slug]: value }));
              sync.edit(question.slug, value);
            }}
            onSubmit={() => submission.send(question.slug, valueOf(question))}
            submission={submission.states[question.slug]}
            locked={locked}
            headingRef={headingRef}
            onPrevious={current > 0 ? () => select(current - 1) : undefined}
            onNext={current < questions.length - 1 ? () => select(current + 1) : undefined}
            onReview={review}
            parent={stepTo(question.followUpOf)}
            followUp={stepTo(question.followUps?.[0]?.slug)}
            onToggleFlag={() => flag.mutate({ slug: question.slug, flagged: !question.flagged })}
          />
        </div>
      )}
    </>
  );
}

/**
 * Which question is shown, and whether the summary before finishing is: both live in the address, so a reload stays
 * where the candidate was.
 */
function useQuestionAddress(questions: Question[]) {
  const [params, setParams] = useSearchParams();
  const requested = Number.parseInt(params.get("q") ?? "", 10) - 1;
  // The address remembers the question on reload; elsewhere (another device) resume at the first one still open.
  // Decided once on arrival: recomputed, submitting an answer would silently jump to the next question.
  const [resumeAt] = useState(() =>
    Math.max(
      0,
      questions.findIndex((q) => q.answer === null),
    ),
  );
  const current = requested >= 0 && requested < questions.length ? requested : resumeAt;
  // The summary before finishing has an address of its own, so a reload stays on it.
  const reviewing = params.get("summary") === "1";
  const select = (index: number) => setParams({ q: String(index + 1) }, { replace: true });
  // A step of its own in the history: Back returns from the summary to the question.
  const review = () => setParams({ q: String(current + 1), summary: "1" });
  return { current, reviewing, select, review };
}

/** Moving between questions isn't a page load, so a screen reader needs to be taken to the new one. */
function useFocusOnViewChange(view: string) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownView = useRef(view);
  useEffect(() => {
    if (shownView.current !== view) headingRef.current?.focus();
    shownView.current = view;
  }, [view]);
  return headingRef;
}

function FinishingStatus({
  status,
  timeUp,
  onRetry,
}: {
  status: ReturnType<typeof useRoundFinisher>["status"];
  timeUp: boolean;
  onRetry: () => void;
}) {
  return (
    <>
      {status.state === "finishing" && (
        <p className="banner banner-info" role="status">
          <span className="spinner" aria-hidden="true" /> {timeUp ? "Time is up. " : ""}Finishing your round and grading
          your answers…
        </p>
      )}
      {status.state === "failed" && (
        <div className="banner banner-error" role="alert">
          <p>
            {timeUp
              ? "Time is up, but we couldn't reach Watermark to finish the round. "
              : "We couldn't finish the round. "}
            {timeUp ? "We'll keep trying; your work is saved on this device meanwhile." : status.message}
          </p>
          <div className="actions">
            <button type="button" className="button button-secondary button-small" onClick={onRetry}>
              Try again now
            </button>
            <Link to="/rounds">Back to your rounds</Link>
          </div>
        </div>
      )}
    </>
  );
}
