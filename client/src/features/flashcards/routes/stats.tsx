import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { useStats, type Stats } from "../api/flashcards";
import { FlashcardsNav } from "../components/flashcards-nav";
import "../flashcards.css";
import { LoadError, Loading } from "../../../components/ui/page-status";

// recharts is big: only this page loads it.
const BarChartBox = lazy(() => import("../components/bar-chart-box"));
const chartFallback = <div className="fc-chart-box" aria-hidden="true" />;

const shortDay = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { weekday: "short", day: "numeric", timeZone: "UTC" });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);

export function StatsRoute() {
  const stats = useStats();
  return (
    <>
      <title>Flashcard stats · Watermark</title>
      <FlashcardsNav />
      <div className="page-heading">
        <h1>Stats</h1>
        <p className="lede">What is due over the next two weeks and how well you remember what you study.</p>
      </div>
      {stats.isPending ? (
        <Loading>Loading your stats…</Loading>
      ) : stats.isError ? (
        <LoadError what="your stats" error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <StatsView stats={stats.data} />
      )}
    </>
  );
}

function StatsView({ stats }: { stats: Stats }) {
  const { counts, trueRetention } = stats;
  const forecast = stats.forecast.map((d, i) => ({ ...d, label: i === 0 ? "Today" : shortDay(d.date) }));
  const reviews = stats.reviewsPerDay.map((d) => ({ ...d, label: shortDay(d.date) }));
  const tiles = [
    {
      label: "True retention (30 days)",
      value: percent(trueRetention.rate),
      note: `${trueRetention.passed} of ${trueRetention.reviews} mature reviews passed`,
    },
    { label: "New", value: counts.new },
    { label: "Learning", value: counts.learning + counts.relearning },
    { label: "Review", value: counts.review },
    { label: "Suspended", value: counts.suspended },
    { label: "Leeches", value: counts.leeches },
  ];
  const reviewed = reviews.some((d) => d.count > 0);
  return (
    <>
      {!reviewed && (
        <div className="card empty-state fc-stats-empty">
          <p>
            No reviews in the last 30 days yet. Review the cards that are due and this page shows how well you remember
            them.
          </p>
          <Link className="button button-primary button-small" to="/flashcards">
            Review your due cards
          </Link>
        </div>
      )}
      <ul className="fc-stats-grid" aria-label="Your cards">
        {tiles.map((t) => (
          <li key={t.label} className="fc-stat">
            <span className="fc-stat-value">{t.value}</span>
            <span className="fc-stat-label">{t.label}</span>
            {t.note && <span className="fc-stat-label"> — {t.note}</span>}
          </li>
        ))}
      </ul>

      <section className="card fc-chart" aria-labelledby="fc-forecast-heading">
        <h2 id="fc-forecast-heading">Due in the next 14 days</h2>
        <Suspense fallback={chartFallback}>
          <BarChartBox
            data={forecast.map((d) => ({ label: d.label, value: d.due }))}
            name="Cards due"
            color="#0b5e73"
          />
        </Suspense>
        <details>
          <summary>As a table</summary>
          <table className="fc-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Cards due</th>
              </tr>
            </thead>
            <tbody>
              {forecast.map((d) => (
                <tr key={d.date}>
                  <td>{d.label === "Today" ? "Today (and overdue)" : d.date}</td>
                  <td>{d.due}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section className="card fc-chart" aria-labelledby="fc-reviews-heading">
        <h2 id="fc-reviews-heading">Reviews per day (last 30 days)</h2>
        <p className="lede">
          {plural(
            reviews.reduce((n, d) => n + d.count, 0),
            "review",
          )}{" "}
          in the last 30 days. True retention is the share of reviews of mature cards (interval of 21 days or more) you
          did not rate Again: {percent(trueRetention.rate)}.
        </p>
        <Suspense fallback={chartFallback}>
          <BarChartBox data={reviews.map((d) => ({ label: d.label, value: d.count }))} name="Reviews" color="#17683a" />
        </Suspense>
      </section>
    </>
  );
}
