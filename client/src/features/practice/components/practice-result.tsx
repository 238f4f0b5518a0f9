import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { GradeDetails } from "../../../components/grading/grade-details";
import { VerdictBadge } from "../../../components/grading/verdict-badge";
import { inShownOrder, type AnswerValue } from "../../../lib/questions";
import type { CheckResult } from "../api/check-answer";
import type { Question } from "../api/get-questions";
import { FollowUpOffer } from "./follow-up-offer";
import { NextUnsolved } from "./next-unsolved";

type PracticeResultProps = {
  question: Question;
  answer: AnswerValue;
  result: CheckResult;
  onTryAgain: () => void;
  /** undefined while the list is loading; null after the last question. */
  nextHref: string | null | undefined;
  listHref: string;
  /** The list's filters, kept in the address of a follow-up as of any other question. */
  search: string;
};

export function PracticeResult({
  question,
  answer,
  result,
  onTryAgain,
  nextHref,
  listHref,
  search,
}: PracticeResultProps) {
  const followUps = result.followUps?.map((f) => f.slug) ?? [];
  const ref = useRef<HTMLElement>(null);
  // The check reveals choices in the order it was sent, but a replay answers with the first attempt's: lay them out as
  // this view presented them whatever comes back.
  const choices = result.choices && inShownOrder(result.choices, question.choices);

  // The form the candidate was in has gone; start them (and their screen reader) at the verdict.
  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <section ref={ref} className="card result" tabIndex={-1} aria-labelledby="result-heading">
      <div className="result-head">
        <h2 id="result-heading">Result</h2>
        <VerdictBadge verdict={result.verdict} score={result.score} />
      </div>
      <GradeDetails result={{ ...result, choices, type: question.type, answer }} level={3} />
      {followUps.length > 0 && <FollowUpOffer slugs={followUps} search={search} />}
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onTryAgain}>
          Try again
        </button>
        {nextHref === null ? (
          <Link className="button button-primary" to={listHref}>
            Back to all questions
          </Link>
        ) : (
          nextHref !== undefined && (
            <Link className={`button ${followUps.length ? "button-secondary" : "button-primary"}`} to={nextHref}>
              Next question
            </Link>
          )
        )}
      </div>
      <NextUnsolved slug={question.slug} section={question.section} search={search} />
    </section>
  );
}
