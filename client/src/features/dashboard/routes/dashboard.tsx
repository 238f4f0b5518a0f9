import { useCurrentUser } from "../../../lib/session";
import { ModeCard } from "../components/mode-card";
import { modesFor } from "../modes";

const LEDES = {
  candidate: "Choose how you want to practise. These modes are being built now; each card says what it will do.",
  mentor: "Keep up with the candidates you coach. These tools are being built now; each card says what it will do.",
};

export function DashboardRoute() {
  const user = useCurrentUser();

  return (
    <>
      <title>Dashboard · Watermark</title>
      <div className="page-heading">
        <h1>Welcome, {user.displayName}</h1>
        <p className="lede">{LEDES[user.role]}</p>
      </div>
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
