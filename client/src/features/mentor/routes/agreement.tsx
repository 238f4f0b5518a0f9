import { Link } from "react-router";
import { useAgreement } from "../api/mentor";
import { LoadError, Loading } from "../../../components/ui/page-status";
import { ConfusionTable } from "../../../components/ui/confusion-table";
import { TableScroll } from "../../../components/ui/table-scroll";
import "../../../components/ui/cards.css";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function AgreementRoute() {
  const agreement = useAgreement();
  const a = agreement.data;
  return (
    <>
      <title>Grader agreement · Watermark</title>
      <div className="page-heading">
        <h1>Grader agreement</h1>
        <p className="lede">
          Your rulings on your linked candidates' answers measure the automatic grader: an override is your verdict, a
          confirmed grade counts as agreement. Kappa corrects for chance (1 = perfect, 0 = chance).
        </p>
      </div>
      {agreement.isPending && <Loading>Loading the agreement figures…</Loading>}
      {agreement.isError && (
        <LoadError what="the agreement figures" error={agreement.error} onRetry={() => void agreement.refetch()} />
      )}
      {a && a.total === 0 && (
        <div className="card empty-state">
          <p>No rulings yet. Confirm or override answers in the review queue and the figures show here.</p>
          <Link to="/mentor/queue">Open the review queue</Link>
        </div>
      )}
      {a && a.total > 0 && (
        <>
          <section className="card progress-card">
            <h2>Overall</h2>
            <p>
              {a.total} {a.total === 1 ? "ruling" : "rulings"} · agreement <strong>{pct(a.agreement)}</strong> · Cohen's
              kappa <strong>{a.kappa.toFixed(2)}</strong>
            </p>
            <ConfusionTable
              label="Mentor against grader, table"
              corner="Mentor ↓ / grader →"
              rows={a.labels}
              columns={a.labels}
              nameOf={(label) => label}
              count={(row, column) => a.matrix[a.labels.indexOf(row)]![a.labels.indexOf(column)]!}
            />
          </section>
          <section className="card progress-card">
            <h2>Rubrics that most often disagree with mentors</h2>
            <TableScroll label="Agreement per question, table">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    <th scope="col">Rulings</th>
                    <th scope="col">Disagreements</th>
                    <th scope="col">Agreement</th>
                    <th scope="col">Kappa</th>
                  </tr>
                </thead>
                <tbody>
                  {a.perQuestion.map((q) => (
                    <tr key={q.question} className={q.disagreements > 0 ? "row-slow" : undefined}>
                      <td className="question-cell">{q.title}</td>
                      <td>{q.rulings}</td>
                      <td>{q.disagreements}</td>
                      <td>{pct(q.agreement)}</td>
                      <td>{q.kappa.toFixed(2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        </>
      )}
      {a && a.selfAssessments.total > 0 && (
        <section className="card progress-card" aria-labelledby="self-assessed-h">
          <h2 id="self-assessed-h">Candidates' self-assessments</h2>
          <p>
            Where the grader was unsure or a grade was disputed, your candidates judged their answers themselves.
            Counted apart from your rulings: {a.selfAssessments.total}{" "}
            {a.selfAssessments.total === 1 ? "self-assessment" : "self-assessments"} · agreement with the grader{" "}
            <strong>{pct(a.selfAssessments.agreement)}</strong> · Cohen's kappa{" "}
            <strong>{a.selfAssessments.kappa.toFixed(2)}</strong>
          </p>
        </section>
      )}
    </>
  );
}
