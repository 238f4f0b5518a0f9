import { Link } from "react-router";
import { formatScore } from "../../../components/grading/verdict-badge";
import { formatDuration } from "../../../lib/format-time";
import { sectionLabel } from "../../../lib/questions";
import { useProgress } from "../api/history";
import type { Progress } from "../types";
import { LoadError, Loading } from "../../../components/ui/page-status";
import { ConfusionTable } from "../../../components/ui/confusion-table";
import { TableScroll } from "../../../components/ui/table-scroll";
import "../../../components/ui/cards.css";
import "../history.css";

export function ProgressView({ candidate }: { candidate?: string }) {
  const progress = useProgress(candidate);
  if (progress.isPending) return <Loading>Loading progress…</Loading>;
  if (progress.isError) {
    return <LoadError what="progress" error={progress.error} onRetry={() => void progress.refetch()} />;
  }
  const p = progress.data;
  return (
    <div className="progress-grid">
      <section className="card progress-card" aria-labelledby="mastery-h">
        <h2 id="mastery-h">Mastery by section</h2>
        <p className="grade-note">
          From the 30 most recent answers per section; an answer two weeks old counts half as much as today's.
        </p>
        <MasteryBars mastery={p.mastery} />
      </section>
      <section className="card progress-card" aria-labelledby="rounds-h">
        <h2 id="rounds-h">Score by round</h2>
        <ScoreChart rounds={p.rounds} own={candidate === undefined} />
      </section>
      <section className="card progress-card progress-wide" aria-labelledby="matrix-h">
        <h2 id="matrix-h">Which framework: called for vs chosen</h2>
        <DecisionMatrixTable matrix={p.decisionMatrix} own={candidate === undefined} />
      </section>
      <section className="card progress-card progress-wide" aria-labelledby="time-h">
        <h2 id="time-h">Time against budget</h2>
        <TimeTable time={p.time} />
      </section>
    </div>
  );
}

function MasteryBars({ mastery }: { mastery: Progress["mastery"] }) {
  if (mastery.length === 0) return <p className="empty-state-text">No answers yet.</p>;
  return (
    <ul className="mastery-list">
      {mastery.map((m) => (
        <li key={m.section} className="mastery-row">
          <span className="mastery-label">{sectionLabel(m.section)}</span>
          <span className="mastery-bar" role="img" aria-label={`${formatScore(m.mastery)}, ${m.level}`}>
            <span className={`mastery-fill mastery-${m.level}`} style={{ width: `${Math.round(m.mastery * 100)}%` }} />
          </span>
          <span className="mastery-value">
            {formatScore(m.mastery)} <span className="mastery-level">{m.level}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

const shortDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: "numeric", month: "short" });

/** Which rounds get a date under the axis: the first and the last, and the middle one when there are enough. */
export const dateTicks = (n: number): number[] =>
  n <= 1 ? [0] : n < 5 ? [0, n - 1] : [0, Math.floor((n - 1) / 2), n - 1];

/** A small SVG line chart: one point per finished round, oldest to newest, with a table for screen readers. */
export function ScoreChart({ rounds, own = false }: { rounds: Progress["rounds"]; own?: boolean }) {
  if (rounds.length === 0) {
    return (
      <p className="empty-state-text">
        No finished rounds yet.{" "}
        {own && (
          <>
            Each timed round you finish adds its score here. <Link to="/rounds">Start a mock round</Link>
          </>
        )}
      </p>
    );
  }
  const W = 480;
  const H = 180;
  const pad = 28;
  const x = (i: number) => (rounds.length === 1 ? W / 2 : pad + (i * (W - 2 * pad)) / (rounds.length - 1));
  const y = (s: number) => H - pad - s * (H - 2 * pad);
  const path = rounds.map((r, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(r.score).toFixed(1)}`).join(" ");
  return (
    <figure className="score-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Scores of ${rounds.length} rounds, latest ${formatScore(rounds[rounds.length - 1]!.score)}`}
      >
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line x1={pad} x2={W - pad} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={4} y={y(t) + 4} className="chart-axis">
              {t * 100}%
            </text>
          </g>
        ))}
        {dateTicks(rounds.length).map((i) => (
          <text
            key={`date-${i}`}
            x={x(i)}
            y={H - 6}
            className="chart-axis"
            textAnchor={rounds.length === 1 ? "middle" : i === 0 ? "start" : i === rounds.length - 1 ? "end" : "middle"}
          >
            {shortDate(rounds[i]!.startedAt)}
          </text>
        ))}
        <path d={path} className="chart-line" fill="none" />
        {rounds.map((r, i) => (
          <circle key={r.roundId} cx={x(i)} cy={y(r.score)} r={4} className="chart-point">
            <title>{`${new Date(r.startedAt).toLocaleDateString()}: ${formatScore(r.score)} (${r.answered}/${r.questions} answered)`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="visually-hidden">
        <table>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.roundId}>
                <td>{new Date(r.startedAt).toLocaleDateString()}</td>
                <td>{formatScore(r.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}

function DecisionMatrixTable({ matrix, own }: { matrix: Progress["decisionMatrix"]; own: boolean }) {
  if (matrix.total === 0) {
    return (
      <p className="empty-state-text">
        No "which framework" answers yet.{" "}
        {own && (
          <>
            Scenario questions ask you to pick a framework; this table shows which you chose against which each scenario
            called for. <Link to="/practice?section=scenarios">Practise a scenario</Link>
          </>
        )}
      </p>
    );
  }
  const count = (r: string, c: string) => matrix.cells.find((x) => x.expected === r && x.committed === c)?.count ?? 0;
  return (
    <>
      <p className="grade-note">
        Rows: what the scenario called for. Columns: what the answer committed to. {matrix.correct} of {matrix.total} on
        the diagonal.
      </p>
      <ConfusionTable
        label="Decision matrix, table"
        corner="Called for ↓ / chose →"
        rows={matrix.rows}
        columns={matrix.columns}
        nameOf={(id) => matrix.labels[id] ?? id}
        count={count}
      />
    </>
  );
}

function TimeTable({ time }: { time: Progress["time"] }) {
  if (time.questions.length === 0) return <p className="empty-state-text">No timed answers yet.</p>;
  return (
    <TableScroll label="Time per question, table">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Section</th>
            <th scope="col">Answers</th>
            <th scope="col">Median time</th>
            <th scope="col">Budget</th>
          </tr>
        </thead>
        <tbody>
          {time.questions.slice(0, 15).map((q) => (
            <tr key={q.slug} className={q.slow ? "row-slow" : undefined}>
              <td className="question-cell">{q.title}</td>
              <td>{sectionLabel(q.section)}</td>
              <td>{q.answers}</td>
              <td>
                {formatDuration(q.medianSeconds)}
                {q.slow && <span className="tag tag-wrong"> over budget</span>}
              </td>
              <td>{formatDuration(q.budgetSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
