import { Link } from "react-router";
import { formatDateTime } from "../../../lib/format-time";
import type { MentorHome as MentorHomeData } from "../api/get-home";
import { percent, plural } from "../utils/format";
import { HomeCard } from "./home-card";

export function MentorHome({ home }: { home: MentorHomeData }) {
  return (
    <div className="home-grid">
      {/* Without a candidate the only thing to do is link one, so that card leads. */}
      {home.candidates.total === 0 && <CandidatesCard candidates={home.candidates} />}
      <QueueCard waiting={home.queue.total} linked={home.candidates.total} />
      {home.candidates.total > 0 && <CandidatesCard candidates={home.candidates} />}
      <AgreementCard agreement={home.agreement} />
    </div>
  );
}

function QueueCard({ waiting, linked }: { waiting: number; linked: number }) {
  return (
    <HomeCard title="Review queue" className={waiting > 0 ? "home-card-urgent" : ""}>
      <p className="home-figure" data-testid="queue-notice">
        {waiting === 0 ? "Nothing waiting" : `${plural(waiting, "answer")} waiting for review`}
      </p>
      <p className="home-card-text">
        {waiting > 0
          ? "Least certain grades come first: your ruling there teaches the most."
          : linked > 0
            ? "New answers from your candidates show up here."
            : "Once a candidate links with you, their answers wait here for your review."}
      </p>
      {waiting > 0 && (
        <Link to="/mentor/queue" className="button button-primary">
          Open the review queue
        </Link>
      )}
    </HomeCard>
  );
}

function CandidatesCard({ candidates }: { candidates: MentorHomeData["candidates"] }) {
  if (candidates.total === 0)
    return (
      <HomeCard title="Your candidates">
        <p className="home-figure">No candidates yet</p>
        <p className="home-card-text">
          Ask a candidate for an invite code (they make one on their History page), then redeem it on Your candidates.
        </p>
        <Link to="/mentor/candidates" className="button button-secondary">
          Redeem an invite code
        </Link>
      </HomeCard>
    );
  return (
    <HomeCard title="Your candidates">
      <p className="home-figure">{plural(candidates.total, "candidate")} linked</p>
      <ul className="home-list">
        {candidates.items.map((c) => (
          <li key={c.id}>
            <Link to={`/mentor/candidates/${c.id}`}>{c.displayName}</Link>
            <span className="home-list-meta">
              {c.unreviewed > 0 ? `${c.unreviewed} to review` : "all reviewed"} · {plural(c.answersLastWeek, "answer")}{" "}
              this week
              {c.lastAnswerAt && (
                <span className="visually-hidden">, last answer {formatDateTime(c.lastAnswerAt)}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
      {candidates.total > candidates.items.length && (
        <Link to="/mentor/candidates">All {candidates.total} candidates</Link>
      )}
    </HomeCard>
  );
}

const disputed = ({ disagreements, rulings }: { disagreements: number; rulings: number }) =>
  `${disagreements} of ${plural(rulings, "ruling")} ${disagreements === 1 ? "differs" : "differ"}`;

function AgreementCard({ agreement }: { agreement: MentorHomeData["agreement"] }) {
  if (agreement.rulings === 0)
    return (
      <HomeCard title="Grader agreement">
        <p className="home-figure">No rulings yet</p>
        <p className="home-card-text">
          Confirm or override answers in the review queue and you see here how often the grader agrees with you.
        </p>
      </HomeCard>
    );
  return (
    <HomeCard title="Grader agreement">
      <p className="home-figure">{percent(agreement.agreement)} agreement</p>
      <p className="home-card-text">
        Over {plural(agreement.rulings, "ruling")} of yours; Cohen's kappa {agreement.kappa.toFixed(2)}.
      </p>
      {agreement.mostDisagreed && (
        <p className="home-card-text">
          Most disputed: <q>{agreement.mostDisagreed.title}</q> ({disputed(agreement.mostDisagreed)})
        </p>
      )}
      <Link to="/mentor/agreement">See grader agreement</Link>
    </HomeCard>
  );
}
