import { Navigate, useParams } from "react-router";
import { useRound } from "../api/get-round";
import { RoundSession } from "../components/round-session";
import { RoundLoadState } from "./round-load-state";
import "../../../components/ui/question.css";
import "../../../components/grading/grading.css";
import "../rounds.css";

export function RoundRoute() {
  const { id = "" } = useParams();
  const round = useRound(id);

  // Data first: a failed background refetch mustn't take the round away from someone answering it.
  if (!round.data) return <RoundLoadState error={round.error} onRetry={() => void round.refetch()} />;
  // However it closed (finished here, on another device, or by the clock), the results are what's left to see.
  if (round.data.status !== "open") return <Navigate to={`/rounds/${encodeURIComponent(id)}/results`} replace />;
  return <RoundSession key={round.data.id} round={round.data} />;
}
