import { AnswerRoute } from "../../features/history/routes/answer";
import { reviewTools } from "./review-tools";

export function AnswerPage() {
  return <AnswerRoute reviewTools={reviewTools} />;
}
