/**
 * Where an answer page's back link leads: to the page the answer was opened from (history, a candidate's page, the
 * review queue, the audit trail), which links to answers pass as router state; else to the usual list for the role.
 */
export interface OpenedFrom {
  from: string;
}

const PLACES: [prefix: string, label: string][] = [
  ["/mentor/queue", "Review queue"],
  ["/mentor/rubric", "Rubric health"],
  ["/mentor/candidates/", "Candidate"],
  ["/mentor/candidates", "Your candidates"],
  ["/history", "History"],
  ["/flashcards", "Flashcards"],
  ["/rounds", "Round"],
  ["/practice", "Practice"],
];

export function backLinkFor(state: unknown, role: "candidate" | "mentor"): { to: string; label: string } {
  const from =
    typeof state === "object" && state !== null && "from" in state && typeof state.from === "string"
      ? state.from
      : undefined;
  // Only a path inside the app: never a full URL someone put into the history state.
  const place =
    from?.startsWith("/") && !from.startsWith("//") ? PLACES.find(([prefix]) => from.startsWith(prefix)) : undefined;
  if (from && place) return { to: from, label: place[1] };
  return role === "mentor" ? { to: "/mentor/queue", label: "Review queue" } : { to: "/history", label: "History" };
}

/** The router state for a link to an answer from the page at `location` (its path and query). */
export const openedFrom = (location: { pathname: string; search: string }): OpenedFrom => ({
  from: location.pathname + location.search,
});
