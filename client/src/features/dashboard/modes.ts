import type { Role } from "../../lib/session";

/** Each area of the product a role can reach from the main navigation. */
export type Mode = {
  role: Role;
  path: string;
  title: string;
  navLabel: string;
  /** Completes "Coming soon — …" on the placeholder page; left out once the mode ships. */
  comingSoon?: string;
};

export const MODES: readonly Mode[] = [
  {
    role: "candidate",
    path: "/rounds",
    title: "Mock rounds",
    navLabel: "Mock rounds",
  },
  {
    role: "candidate",
    path: "/flashcards",
    title: "Flashcards",
    navLabel: "Flashcards",
  },
  {
    role: "candidate",
    path: "/practice",
    title: "Practice",
    navLabel: "Practice",
  },
  {
    role: "candidate",
    path: "/history",
    title: "History & progress",
    navLabel: "History",
  },
  {
    role: "mentor",
    path: "/mentor/candidates",
    title: "Your candidates",
    navLabel: "Candidates",
  },
  {
    role: "mentor",
    path: "/mentor/queue",
    title: "Review queue",
    navLabel: "Review queue",
  },
  {
    role: "mentor",
    path: "/mentor/agreement",
    title: "Grader agreement",
    navLabel: "Grader agreement",
  },
  {
    role: "mentor",
    path: "/mentor/rubric",
    title: "Rubric health",
    navLabel: "Rubric health",
  },
];

export function modesFor(role: Role): Mode[] {
  return MODES.filter((mode) => mode.role === role);
}
