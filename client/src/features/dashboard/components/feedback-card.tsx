import { Link } from "react-router";
import { verdictLabel } from "../../../components/grading/verdict-badge";
import { formatDateTime } from "../../../lib/format-time";
import type { CandidateHome } from "../api/get-home";
import { plural } from "../utils/format";
import { HomeCard } from "./home-card";

type Item = CandidateHome["unread"]["items"][number];

/** A verdict as the rest of the app words it ("partly correct"). */
const gradeWords = (verdict: string | null | undefined) =>
  verdict === "correct" || verdict === "partial" || verdict === "incorrect"
    ? verdictLabel(verdict).toLowerCase()
    : verdict;

/** What the mentor did, as the lead-in to their words. */
function noteOf(item: Item): string {
  if (item.kind === "comment") return `${item.by} commented: `;
  if (item.kind === "override") return `${item.by} changed the grade to ${gradeWords(item.verdict)}: `;
  const end = item.text ? ": " : ".";
  if (item.grade === undefined) return `${item.by} ${item.verdict} your dispute${end}`;
  // A ruling made by overriding the grade says what the grade now is.
  return item.verdict === "upheld"
    ? `${item.by} upheld your dispute and changed the grade to ${gradeWords(item.grade)}${end}`
    : `${item.by} rejected your dispute and kept the grade at ${gradeWords(item.grade)}${end}`;
}

/** Unread mentor comments and grade changes; shown only when there are some, as it is news, not a standing task. */
export function FeedbackCard({ unread }: { unread: CandidateHome["unread"] }) {
  const { comments, overrides, disputes, items } = unread;
  const total = comments + overrides + disputes;
  if (total === 0) return null;
  const parts = [
    comments > 0 && plural(comments, "new comment"),
    overrides > 0 && plural(overrides, "grade change"),
    disputes > 0 && plural(disputes, "ruling on your dispute", "rulings on your disputes"),
  ].filter(Boolean);
  return (
    <HomeCard title="From your mentor" className="home-card-wide">
      <div data-testid="unread-notice">
        <p className="home-card-text">
          Your mentor left {parts.join(" and ")}. <Link to="/history">See your history</Link>
        </p>
        <ul className="home-feedback">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/answers/${item.answerId}`} className="home-feedback-prompt">
                {item.title}
              </Link>
              <p className="home-feedback-note">
                {noteOf(item)}
                {(item.kind !== "dispute" || item.text) && <q>{item.text}</q>}
              </p>
              <p className="home-feedback-time">{formatDateTime(item.at)}</p>
            </li>
          ))}
        </ul>
        {total > items.length && <p className="home-card-text">And {total - items.length} more in your history.</p>}
      </div>
    </HomeCard>
  );
}
