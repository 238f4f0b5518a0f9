import { PastRounds } from "../components/past-rounds";
import { StartRoundForm } from "../components/start-round-form";
import "../../../components/ui/question.css";
import "../../../components/grading/grading.css";
import "../rounds.css";

export function RoundsRoute() {
  return (
    <>
      <title>Mock rounds · Watermark</title>
      <div className="page-heading">
        <h1>Mock rounds</h1>
        <p className="lede">
          A timed set of questions from the bank. Your answers save as you type, and the round finishes by itself when
          time is up.
        </p>
      </div>
      <div className="rounds-layout">
        <section className="card" aria-labelledby="start-heading">
          <h2 id="start-heading">Start a round</h2>
          <StartRoundForm />
        </section>
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">Your rounds</h2>
          <PastRounds />
        </section>
      </div>
    </>
  );
}
