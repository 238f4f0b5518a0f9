import { Link } from "react-router";
import { verdictLabel } from "../../../components/grading/verdict-badge";
import { LoadError, Loading } from "../../../components/ui/page-status";
import { useRubricHealth } from "../api/rubric";
import "../../../components/ui/cards.css";
import "../rubric.css";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Per question: the grader against the mentor's rulings, with what each disagreeing answer said that no phrase caught. */
export function RubricHealthRoute() {
  const health = useRubricHealth();
  const questions = health.data?.questions;
  return (
    <>
      <title>Rubric health · Watermark</title>
      <div className="page-heading">
        <h1>Rubric health</h1>
        <p className="lede">
          Where the grader and your rulings part ways, question by question. Each disagreement shows the answer's
          unmatched text — the words no rubric phrase recognised — which is where a missing phrase hides. Open the
          answer to select a span and preview a phrase.
        </p>
      </div>
      {health.isPending && <Loading>Loading rubric health…</Loading>}
      {health.isError && <LoadError what="rubric health" error={health.error} onRetry={() => void health.refetch()} />}
      {questions && questions.length === 0 && (
        <div className="card empty-state">
          <p>No rulings yet. Confirm or override answers in the review queue and each question shows here.</p>
          <Link to="/mentor/queue">Open the review queue</Link>
        </div>
      )}
      {questions?.map((q) => (
        <section key={q.slug} className="card rubric-question" aria-labelledby={`rq-${q.slug}`}>
          <h2 id={`rq-${q.slug}`}>{q.title}</h2>
          <p className="rubric-figures">
            {q.rulings} {q.rulings === 1 ? "ruling" : "rulings"} · agreement <strong>{pct(q.agreement)}</strong> · kappa{" "}
            <strong>{q.kappa.toFixed(2)}</strong> · {q.disagreements.length}{" "}
            {q.disagreements.length === 1 ? "disagreement" : "disagreements"}
          </p>
          {q.disagreements.length > 0 && (
            <ul className="disagreement-list">
              {q.disagreements.map((d) => (
                <li key={d.answerId}>
                  <p>
                    Grader <strong>{verdictLabel(d.automatic)}</strong>, you <strong>{verdictLabel(d.ruling)}</strong> ·{" "}
                    <Link to={`/answers/${d.answerId}`} state={{ from: "/mentor/rubric" }}>
                      Open the answer<span className="visually-hidden"> ({q.title})</span>
                    </Link>
                  </p>
                  {d.unmatchedText ? (
                    <blockquote className="unmatched-text">
                      <span className="visually-hidden">Unmatched text: </span>
                      {d.unmatchedText}
                    </blockquote>
                  ) : (
                    <p className="grade-note">Every word matched a rubric phrase.</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
