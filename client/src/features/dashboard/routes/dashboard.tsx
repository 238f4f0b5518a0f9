import { LoadError } from "../../../components/ui/page-status";
import { useCurrentUser } from "../../../lib/session";
import { useHome } from "../api/get-home";
import { CandidateHome, nextStep } from "../components/candidate-home";
import { HomeSkeleton } from "../components/home-skeleton";
import { MentorHome } from "../components/mentor-home";
import "../dashboard.css";

const MENTOR_LEDE = "What waits for you: answers to review, your candidates, and how the grader agrees with you.";

export function DashboardRoute() {
  const user = useCurrentUser();
  const home = useHome();
  const data = home.data;

  return (
    <>
      <title>Home · Watermark</title>
      <div className="page-heading">
        <h1>Welcome, {user.displayName}</h1>
        {data && <p className="lede">{data.role === "mentor" ? MENTOR_LEDE : nextStep(data)}</p>}
      </div>
      {data ? (
        data.role === "mentor" ? (
          <MentorHome home={data} />
        ) : (
          // The server's clock against this device's, taken when the reply arrived, keeps the countdown honest.
          <CandidateHome home={data} clockOffsetMs={Date.parse(data.serverNow) - home.dataUpdatedAt} />
        )
      ) : home.isError ? (
        <LoadError what="your home page" error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <HomeSkeleton />
      )}
    </>
  );
}
