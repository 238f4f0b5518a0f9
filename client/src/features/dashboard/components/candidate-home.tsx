import type { CandidateHome as CandidateHomeData } from "../api/get-home";
import { ActivityCalendar } from "./activity-calendar";
import { FeedbackCard } from "./feedback-card";
import { FlashcardsCard } from "./flashcards-card";
import { InterviewCard } from "./interview-card";
import { RoundCard } from "./round-card";
import { WeakestSectionCard } from "./weakest-section-card";

export function CandidateHome({ home, clockOffsetMs }: { home: CandidateHomeData; clockOffsetMs: number }) {
  return (
    <div className="home-grid">
      {/* A running round cannot wait, so it comes first; news from a mentor next; then the standing tasks. */}
      {home.openRound && <RoundCard round={home.openRound} clockOffsetMs={clockOffsetMs} />}
      <FeedbackCard unread={home.unread} />
      <FlashcardsCard cards={home.flashcards} />
      <InterviewCard interview={home.interview} />
      <WeakestSectionCard weakest={home.weakestSection} />
      {!home.openRound && <RoundCard round={null} clockOffsetMs={clockOffsetMs} />}
      <ActivityCalendar activity={home.activity} />
    </div>
  );
}

/** The lede: one sentence naming the most pressing thing, so the page answers "what now?" before any card does. */
export function nextStep(home: CandidateHomeData): string {
  if (home.openRound) return "Your mock round is still running: pick it up where you left off.";
  const feedback = home.unread.comments + home.unread.overrides + home.unread.disputes;
  if (feedback > 0) return "Your mentor has looked at your answers: see what they said.";
  if (home.flashcards.due > 0)
    return `Start with the flashcards due today, then ${home.weakestSection ? "practise your weakest section" : "answer a few practice questions"}.`;
  if (home.weakestSection) return "No cards due: a good time to work on your weakest section.";
  return "Start anywhere: answer a practice question, review a few cards or take a mock round.";
}
