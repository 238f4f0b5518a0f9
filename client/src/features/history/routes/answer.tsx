import { Link, useParams } from "react-router";
import { useCurrentUser } from "../../../lib/session";
import { AnswerView } from "../components/answer-view";

export function AnswerRoute() {
  const { id = "" } = useParams();
  const user = useCurrentUser();
  return (
    <>
      <title>Answer · Watermark</title>
      <p>
        <Link className="back-link" to={user.role === "mentor" ? "/mentor/queue" : "/history"}>
          ← {user.role === "mentor" ? "Review queue" : "History"}
        </Link>
      </p>
      <h1 className="visually-hidden">Answer</h1>
      <AnswerView id={id} />
    </>
  );
}
