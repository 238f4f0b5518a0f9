import { ChoiceReview } from "./choice-review";
import { CoveredList, MissedList, rightChoiceOf } from "./concept-lists";
import { FlagNotes } from "./flag-notes";
import { Heading } from "./heading";
import { HighlightedAnswer } from "./highlighted-answer";
import { ProvisionalNote } from "./provisional-note";
import { WORDING, type GradedAnswer, type HeadingLevel, type Reader } from "./types";
import "./grading.css";

/**
 * Everything below the verdict: the answer as graded and what to learn from it. Flags and the covered/missed
 * lists only mean something for free text; for a choice question the marked choices already say it all.
 */
type GradeDetailsProps = {
  result: GradedAnswer;
  level: HeadingLevel;
  reader?: Reader;
  /** Says why there is no answer when "didn't answer" would be wrong (a round follow-up that never opened). */
  noAnswerText?: string;
};

export function GradeDetails({ result, level, reader = "self", noAnswerText }: GradeDetailsProps) {
  const words = { ...WORDING[reader], ...(noAnswerText ? { none: noAnswerText } : {}) };
  const conceptLabel = (id: string) => result.concepts?.[id]?.label ?? id;
  const unanswered = result.answer === null;
  const chosen = rightChoiceOf(result);

  if (result.type !== "free-text") {
    return (
      <div className="grade-details">
        <section className="grade-section">
          <Heading level={level}>{unanswered ? "The choices" : words.answer}</Heading>
          {unanswered && <p className="answer-empty">{words.none}</p>}
          {result.choices ? (
            <ChoiceReview choices={result.choices} answer={result.answer} />
          ) : (
            <p className="grade-note">The choices aren't available for this question.</p>
          )}
        </section>
        <Explanation text={result.explanation} level={level} />
      </div>
    );
  }

  return (
    <div className="grade-details">
      <ProvisionalNote result={result} conceptLabel={conceptLabel} reader={reader} />
      <section className="grade-section">
        <Heading level={level}>{words.answer}</Heading>
        {unanswered || typeof result.answer !== "string" ? (
          <p className="answer-empty">{words.none}</p>
        ) : (
          <HighlightedAnswer answer={result.answer} matched={result.matched} conceptLabel={conceptLabel} />
        )}
        <FlagNotes flags={result.flags} title={words.notes} />
      </section>
      {!unanswered && (
        <CoveredList
          items={result.matched}
          conceptLabel={conceptLabel}
          level={level}
          title={words.covered}
          rightChoice={
            chosen.length > 0
              ? `${words.rightChoice} ${chosen.join(" or ")}, the right call for this scenario`
              : undefined
          }
        />
      )}
      <MissedList items={result.missed} conceptLabel={conceptLabel} level={level} title={words.missed} />
      {result.modelAnswer && (
        <section className="grade-section">
          <Heading level={level}>Model answer</Heading>
          <p className="model-answer">{result.modelAnswer}</p>
        </section>
      )}
      <Explanation text={result.explanation} level={level} />
    </div>
  );
}

function Explanation({ text, level }: { text: string; level: HeadingLevel }) {
  return (
    <section className="grade-section">
      <Heading level={level}>Explanation</Heading>
      <p>{text}</p>
    </section>
  );
}
