import { Link, useLocation, useParams } from "react-router";
import { useCurrentUser } from "../../../lib/session";
import { backLinkFor } from "../back-link";
import type { ReactNode } from "react";
import { AnswerView } from "../components/answer-view";
import type { AnswerDetail } from "../types";

export function AnswerRoute({ reviewTools }: { reviewTools?: (answer: AnswerDetail) => ReactNode }) {
  const { id = "" } = useParams();
  const user = useCurrentUser();
  const back = backLinkFor(useLocation().state, user.role);
  return (
    <>
      <title>Answer · Watermark</title>
      <p>
        <Link className="back-link" to={back.to}>
          ← {back.label}
        </Link>
      </p>
      <h1 className="visually-hidden">Answer</h1>
      <AnswerView id={id} reviewTools={reviewTools} />
    </>
  );
}
