import { Link } from "react-router";
import { useQuestion } from "../api/get-question";

type FollowUpOfferProps = { slugs: string[]; search: string };

/** After a check: the interviewer's next question, to answer straight away. */
export function FollowUpOffer({ slugs, search }: FollowUpOfferProps) {
  return (
    <section className="follow-up-offer" aria-labelledby="follow-up-heading">
      <h3 id="follow-up-heading">The interviewer follows up</h3>
      <ul className="follow-up-offer-list">
        {slugs.map((slug) => (
          <FollowUpItem key={slug} slug={slug} search={search} />
        ))}
      </ul>
    </section>
  );
}

function FollowUpItem({ slug, search }: { slug: string; search: string }) {
  const question = useQuestion(slug);
  return (
    <li>
      <p className="follow-up-prompt">
        {question.data ? `“${question.data.prompt}”` : question.isError ? "" : "Loading the follow-up…"}
      </p>
      <Link className="button button-primary" to={`/practice/${encodeURIComponent(slug)}${search}`}>
        Answer the follow-up
      </Link>
    </li>
  );
}
