import { useParams } from "react-router";
import { useAnswer } from "../../features/history/api/history";
import { AnswerRoute } from "../../features/history/routes/answer";
import { PhraseSuggester } from "../../features/rubric/components/phrase-suggester";
import { useCurrentUser } from "../../lib/session";

// Lives in app/ because it composes two features: the history feature's answer page and the rubric feature's
// phrase suggester, which a mentor gets on a linked candidate's free-text answer.

export function AnswerPage() {
  const { id = "" } = useParams();
  const user = useCurrentUser();
  const answer = useAnswer(id).data;
  const suggest =
    user.role === "mentor" && answer && answer.candidateId !== user.id && answer.question.type === "free-text";
  return (
    <>
      <AnswerRoute />
      {suggest && <PhraseSuggester key={answer.id} answerId={answer.id} question={answer.question.slug} />}
    </>
  );
}
