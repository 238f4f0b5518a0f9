import { PhraseSuggester } from "../../features/rubric/components/phrase-suggester";
import type { AnswerDetail } from "../../features/history/types";

// Lives in app/ because it hands one feature's tool (the rubric's phrase suggester) to another's page (the history
// feature's answer view), on the answer page and in the review queue alike.

/** What a mentor reviewing a candidate's answer gets beside the grade: for free text, the phrase suggester. */
export function reviewTools(answer: AnswerDetail) {
  if (answer.question.type !== "free-text") return null;
  return <PhraseSuggester key={answer.id} answerId={answer.id} question={answer.question.slug} />;
}
