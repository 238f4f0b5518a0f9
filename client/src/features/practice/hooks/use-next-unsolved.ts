import type { Section } from "../../../lib/questions";
import { useQuestions } from "../api/get-questions";

// The API's largest page; every section is far smaller.
const WINDOW = 100;

/**
 * The question after `slug` in its section (the list's order, wrapping round to the start) that the candidate has
 * not solved. Reads the section's list with its progress marks, so the order is the one the list shows.
 * undefined while loading; null when every other question in the section is solved.
 */
export function useNextUnsolved(slug: string, section: Section): string | null | undefined {
  const list = useQuestions({ section: [section], type: [], difficulty: [], page: 1 }, WINDOW);
  if (!list.data) return undefined;
  const items = list.data.items;
  const index = items.findIndex((q) => q.slug === slug);
  const after = [...items.slice(index + 1), ...items.slice(0, Math.max(index, 0))];
  return after.find((q) => q.slug !== slug && q.progress !== "solved")?.slug ?? null;
}
