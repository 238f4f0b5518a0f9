import type { Activity, ActivityDay } from "../api/get-home";
import { formatMonthDay, formatShortDay, plural } from "../utils/format";
import { HomeCard } from "./home-card";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** 0 for an empty day, then 1–4 by how much was done; the shade is backed by each cell's words and the summary. */
function activityLevel(day: ActivityDay): number {
  const n = day.answers + day.reviews;
  if (n === 0) return 0;
  if (n <= 2) return 1;
  if (n <= 5) return 2;
  if (n <= 10) return 3;
  return 4;
}

function describe(day: ActivityDay): string {
  const what =
    day.answers + day.reviews === 0 ? "nothing" : `${plural(day.answers, "answer")}, ${plural(day.reviews, "review")}`;
  return `${formatShortDay(day.date)}: ${what}`;
}

/** Days (starting on a Monday) into week columns of seven, the last week cut short at today. */
function weeks(days: readonly ActivityDay[]): (ActivityDay | undefined)[][] {
  const out: (ActivityDay | undefined)[][] = [];
  for (let i = 0; i < days.length; i += 7) out.push(Array.from({ length: 7 }, (_, d) => days[i + d]));
  return out;
}

export function ActivityCalendar({ activity }: { activity: Activity }) {
  const columns = weeks(activity.days);
  const summary =
    activity.activeDays === 0
      ? "No answers or reviews in the last ten weeks yet. Answer a question or review a card and today fills in."
      : `Active on ${plural(activity.activeDays, "day")} of the last ten weeks: ${plural(activity.answers, "answer")} and ${plural(activity.reviews, "card review")}.`;
  return (
    <HomeCard title="Your activity" className="home-card-wide">
      <p className="home-figure">
        {activity.streak > 0 ? `${plural(activity.streak, "day")} in a row` : "No current streak"}
      </p>
      <p className="home-card-text">{summary}</p>
      <div className="activity-scroll">
        <table className="activity">
          <caption className="visually-hidden">Answers and card reviews per day, a column per week</caption>
          <thead>
            <tr>
              <td />
              {columns.map((week, i) => (
                <th key={week[0]!.date} scope="col">
                  <span className="visually-hidden">Week of </span>
                  {/* Every other label is shown, or they collide on a phone; all of them are read out. */}
                  <span className={i % 2 === 1 ? "visually-hidden" : undefined}>{formatMonthDay(week[0]!.date)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((name, d) => (
              <tr key={name}>
                <th scope="row" className="activity-weekday">
                  {name}
                </th>
                {columns.map((week) => {
                  const day = week[d];
                  if (!day) return <td key={`${week[0]!.date}-${d}`} />;
                  return (
                    <td key={day.date}>
                      <span className={`activity-cell activity-level-${activityLevel(day)}`} title={describe(day)}>
                        <span className="visually-hidden">{describe(day)}</span>
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="activity-legend" aria-hidden="true">
        Less
        {[0, 1, 2, 3, 4].map((level) => (
          <span key={level} className={`activity-cell activity-level-${level}`} />
        ))}
        More
      </p>
    </HomeCard>
  );
}
