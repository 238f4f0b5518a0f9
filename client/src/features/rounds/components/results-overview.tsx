import { VerdictBadge } from "../../../components/grading/verdict-badge";
import { sectionLabel } from "../../../lib/questions";
import type { RoundResultItem } from "../types";
import { formatPoints } from "../utils/format";

/** Where each question's details sit further down the page. */
export const resultAnchor = (number: number) => `question-${number}`;

function bySection(items: RoundResultItem[]) {
  const sections = new Map<string, { score: number; questions: number }>();
  for (const item of items) {
    const s = sections.get(item.section) ?? { score: 0, questions: 0 };
    s.score += item.score;
    s.questions += 1;
    sections.set(item.section, s);
  }
  return [...sections.entries()].map(([section, s]) => ({
    section,
    ...s,
    percent: Math.round((100 * s.score) / s.questions),
  }));
}

export function SectionScores({ items }: { items: RoundResultItem[] }) {
  return (
    <section className="card" aria-labelledby="sections-heading">
      <h3 id="sections-heading">By section</h3>
      <ul className="section-scores">
        {bySection(items).map((s) => (
          <li key={s.section} className="section-score">
            <span className="section-score-label">{sectionLabel(s.section)}</span>
            {/* The bar only draws what the words beside it say. */}
            <span className="section-score-bar" aria-hidden="true">
              <span className="section-score-fill" style={{ width: `${s.percent}%` }} />
            </span>
            <span className="section-score-value">
              {s.percent}%{" "}
              <span className="section-score-detail">
                ({formatPoints(s.score)} of {s.questions})
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One row per question, in round order, each linking to its details below. */
export function QuestionRows({ items }: { items: RoundResultItem[] }) {
  return (
    <section className="card" aria-labelledby="questions-heading">
      <h3 id="questions-heading">Question by question</h3>
      <ol className="result-rows">
        {items.map((item, index) => (
          <li key={item.slug} className={`result-row${item.followUpOf ? " result-row-follow-up" : ""}`}>
            <span className="result-row-number" aria-hidden="true">
              {index + 1}
            </span>
            <a className="result-row-link" href={`#${resultAnchor(index + 1)}`}>
              {item.title}
            </a>
            <VerdictBadge verdict={item.verdict} score={item.score} />
          </li>
        ))}
      </ol>
    </section>
  );
}
