import { useRef, useState, type FormEvent } from "react";
import { ErrorSummary } from "../../../components/ui/error-summary";
import { AnswerField } from "../../../components/ui/answer-field";
import { SubmitButton } from "../../../components/ui/submit-button";
import { ApiError } from "../../../lib/api-client";
import { formErrorsFromDetails, useFormFailure, type FormErrors } from "../../../lib/form-errors";
import { emptyAnswer, isBlankAnswer, sameAnswer, type AnswerValue } from "../../../lib/questions";
import { newRequestId } from "../../../lib/request-id";
import { useCheckAnswer } from "../api/check-answer";
import type { Question } from "../api/get-questions";
import { useNextQuestion } from "../hooks/use-next-question";
import { filterSearch, type PracticeFilters } from "../utils/filters";
import { PracticeResult } from "./practice-result";

const ANSWER_ID = "practice-answer";

/** Answer, check, read the feedback, go again. Keyed on the slug by the route, so each question starts clean. */
export function PracticeQuestion({ question, filters }: { question: Question; filters: PracticeFilters }) {
  const [answer, setAnswer] = useState<AnswerValue>(() => emptyAnswer(question.type));
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const check = useCheckAnswer();
  const { failure, fail, fieldError } = useFormFailure();
  const next = useNextQuestion(question.slug, filters);
  // Sending the same answer again (a retry after an error) is the same attempt, under the same key and time.
  const attempt = useRef<{ answer: AnswerValue; idempotencyKey: string; timeSpentSeconds: number } | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (check.isPending) return;
    if (isBlankAnswer(answer)) {
      const message =
        question.type === "free-text" ? "Write an answer before checking it" : "Choose an answer before checking it";
      fail({ fields: { answer: message } });
      return;
    }
    if (!attempt.current || !sameAnswer(attempt.current.answer, answer)) {
      const timeSpentSeconds = Math.min(86_400, Math.round((Date.now() - startedAt) / 1000));
      attempt.current = { answer, idempotencyKey: newRequestId(), timeSpentSeconds };
    }
    const choiceOrder = question.choices?.map((c) => c.id);
    check.mutate(
      { slug: question.slug, ...attempt.current, ...(choiceOrder ? { choiceOrder } : {}) },
      { onError: (error) => fail(checkErrors(error)) },
    );
  }

  function tryAgain() {
    check.reset();
    attempt.current = null;
    // Free text is kept to improve on; with the right choices now revealed, keeping the picks would make it a formality.
    if (question.type !== "free-text") setAnswer(emptyAnswer(question.type));
    setStartedAt(Date.now());
    // The form comes back on the next render; put the caret back in it.
    requestAnimationFrame(() => document.getElementById(ANSWER_ID)?.focus());
  }

  if (check.data) {
    return (
      <PracticeResult
        question={question}
        answer={answer}
        result={check.data}
        onTryAgain={tryAgain}
        nextHref={next && `/practice/${encodeURIComponent(next.slug)}${filterSearch(next.filters)}`}
        listHref={`/practice${filterSearch(filters)}`}
        search={filterSearch(filters)}
      />
    );
  }

  return (
    <form className="form card" noValidate onSubmit={handleSubmit}>
      {failure && <ErrorSummary key={failure.attempt} errors={failure.errors} fieldIds={{ answer: ANSWER_ID }} />}
      <AnswerField
        id={ANSWER_ID}
        type={question.type}
        choices={question.choices}
        value={answer}
        onChange={setAnswer}
        hint={
          question.type === "free-text" ? "Explain it as you would to an interviewer: a few full sentences." : undefined
        }
        error={fieldError("answer")}
      />
      <div className="actions">
        <SubmitButton busy={check.isPending} busyText="Checking your answer…" block={false}>
          Check answer
        </SubmitButton>
      </div>
    </form>
  );
}

function checkErrors(error: Error): FormErrors {
  if (!(error instanceof ApiError)) return { message: "Something went wrong. Please try again.", fields: {} };
  if (error.code === "rate_limited") {
    const wait = error.retryAfterSeconds;
    const when = wait === undefined ? "in a minute" : `in ${wait} second${wait === 1 ? "" : "s"}`;
    return { message: `You've checked a lot of answers in the last minute. Try again ${when}.`, fields: {} };
  }
  if (error.code === "validation_failed" && error.details.length > 0) {
    return formErrorsFromDetails(error.details, { answer: "Your answer" });
  }
  return { message: error.message, fields: {} };
}
