import { useCurrentUser } from "../../../lib/session";
import { DashboardNotice } from "../../history/components/dashboard-notice";
import { ModeCard } from "../components/mode-card";
import { modesFor } from "../modes";

const LEDES = {
  candidate: "Choose how you want to practise.",
  mentor: "Keep up with the candidates you coach: review their answers, override grades and see how the grader agrees with you.",
};

export function DashboardRoute() {
  const user = useCurrentUser();

  return (
    <>
      <title>Dashboard · Watermark</title>
      <div className="page-heading">
        <h1>Welcome, {user.displayName}</h1>
        <p className="lede">
          {LEDES[user.role]}
          {modesFor(user.role).some((mode) => mode.comingSoon) && " Modes marked “Coming soon” are being built now; their cards say what they will do."}
        </p>
      </div>
      <DashboardNotice role={user.role} />
      <ul className="card-grid" aria-label={user.role === "candidate" ? "Practice modes" : "Mentor tools"}>
        {modesFor(user.role).map((mode) => (
          <li key={mode.path}>
            <ModeCard mode={mode} />
          </li>
        ))}
      </ul>
    </>
  );
}
