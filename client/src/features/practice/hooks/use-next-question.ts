import { useQuestions } from "../api/get-questions";
import { PAGE_SIZE, type PracticeFilters } from "../utils/filters";

// The API's largest page. The whole bank fits in it today; past that, "next" from a question beyond it falls back
// to the first question of the filtered list rather than paging through the bank to find its place.
const WINDOW = 100;

/**
 * Where "Next question" goes: the question after `slug` in the list the candidate came from (same filters), with
 * the list page that question sits on so "All questions" from there returns to the right page.
 * undefined while loading; null when this was the last one.
 */
export function useNextQuestion(
  slug: string,
  filters: PracticeFilters,
): { slug: string; filters: PracticeFilters } | null | undefined {
  const list = useQuestions({ ...filters, page: 1 }, WINDOW);
  if (!list.data) return undefined;
  const items = list.data.items;
  const index = items.findIndex((q) => q.slug === slug);
  const nextIndex = index === -1 ? items.findIndex((q) => q.slug !== slug) : index + 1;
  const next = items[nextIndex];
  if (!next) return null;
  return { slug: next.slug, filters: { ...filters, page: Math.floor(nextIndex / PAGE_SIZE) + 1 } };
}
