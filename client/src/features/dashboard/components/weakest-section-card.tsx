import { Link } from "react-router";
import { sectionLabel } from "../../../lib/questions";
import type { CandidateHome } from "../api/get-home";
import { percent, plural } from "../utils/format";
import { HomeCard } from "./home-card";

export function WeakestSectionCard({ weakest }: { weakest: CandidateHome["weakestSection"] }) {
  if (!weakest)
    return (
      <HomeCard title="Weakest section">
        <p className="home-card-text">
          Answer a few practice questions and the section that needs you most shows here.
        </p>
        <Link to="/practice" className="button button-secondary">
          Go to practice
        </Link>
      </HomeCard>
    );
  const label = sectionLabel(weakest.section);
  return (
    <HomeCard title="Weakest section">
      <p className="home-figure">{label}</p>
      <p className="home-card-text">
        {percent(weakest.mastery)} mastery ({weakest.level}) from your last {plural(weakest.answers, "answer")} there,
        recent ones counting most.
      </p>
      <Link to={`/practice?section=${encodeURIComponent(weakest.section)}`} className="button button-secondary">
        Practise {label}
      </Link>
    </HomeCard>
  );
}
