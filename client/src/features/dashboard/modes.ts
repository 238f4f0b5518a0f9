import type { Role } from "../../lib/session";

/** Each area of the product a role can reach from the dashboard and the main navigation. */
export type Mode = {
  role: Role;
  path: string;
  title: string;
  navLabel: string;
  /** Card copy: what the mode does for the person using it. */
  description: string;
  /** Completes "Coming soon — …" on the placeholder page; left out once the mode ships. */
  comingSoon?: string;
};

export const MODES: readonly Mode[] = [
  {
    role: "candidate",
    path: "/rounds",
    title: "Mock rounds",
    navLabel: "Mock rounds",
    description: "Timed rounds drawn from the question bank, with a countdown while you answer and a results page at the end.",
  },
  {
    role: "candidate",
    path: "/flashcards",
    title: "Flashcards",
    navLabel: "Flashcards",
    description: "Spaced repetition for the ideas interviews keep returning to. Points you miss in your answers come back as cards.",
  },
  {
    role: "candidate",
    path: "/practice",
    title: "Practice",
    navLabel: "Practice",
    description: "Answer any question from the bank at your own pace and get instant feedback on what you covered and missed.",
  },
  {
    role: "candidate",
    path: "/history",
    title: "History & progress",
    navLabel: "History",
    description: "Every round and answer you have submitted, with your scores over time so you can see where you are improving.",
  },
  {
    role: "mentor",
    path: "/mentor/candidates",
    title: "Your candidates",
    navLabel: "Candidates",
    description: "The candidates you coach, with their recent rounds and how their practice is going.",
  },
  {
    role: "mentor",
    path: "/mentor/queue",
    title: "Review queue",
    navLabel: "Review queue",
    description: "Your candidates' answers waiting for your review, ready for you to score and leave feedback on.",
  },
  {
    role: "mentor",
    path: "/mentor/agreement",
    title: "Grader agreement",
    navLabel: "Grader agreement",
    description: "How closely the automatic grader's scores match yours, question by question, so you know when to trust it.",
  },
];

export function modesFor(role: Role): Mode[] {
  return MODES.filter((mode) => mode.role === role);
}
