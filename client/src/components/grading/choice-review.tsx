import type { AnswerValue } from "../../lib/questions";
import { pickedChoices } from "../../lib/questions";
import type { RevealedChoice } from "./types";
import "./grading.css";

/** Every choice, marked right or wrong in words as well as colour, with what the candidate picked and why each is so. */
export function ChoiceReview({ choices, answer }: { choices: RevealedChoice[]; answer: AnswerValue | null }) {
  const picked = pickedChoices(answer);
  return (
    <ul className="choice-review">
      {choices.map((choice) => {
        const chosen = picked.has(choice.id);
        const tone = choice.correct ? "right" : chosen ? "wrong" : "neutral";
        return (
          <li key={choice.id} className={`choice-review-item choice-review-${tone}`}>
            <div className="choice-review-head">
              <span className="choice-review-mark" aria-hidden="true">
                {choice.correct ? "✓" : "✗"}
              </span>
              <span className="choice-review-text">{choice.text}</span>
            </div>
            <p className="choice-review-tags">
              <span className={choice.correct ? "tag tag-right" : "tag tag-wrong"}>
                {choice.correct ? "Right answer" : "Wrong answer"}
              </span>
              {chosen && <span className="tag tag-chosen">Your choice</span>}
            </p>
            <p className="choice-review-feedback">{choice.feedback}</p>
          </li>
        );
      })}
    </ul>
  );
}
