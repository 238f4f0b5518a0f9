import {
  DIFFICULTIES,
  QUESTION_TYPES,
  SECTIONS,
  type Difficulty,
  type QuestionType,
  type Section,
} from "../../../lib/questions";

/** What the list shows, kept in the address so a filtered page can be reloaded, shared and returned to. */
export type PracticeFilters = {
  section: Section[];
  type: QuestionType[];
  difficulty: Difficulty[];
  tag?: string;
  /** Words searched for in titles and prompts, as typed. */
  q?: string;
  /** The signed-in candidate's own progress; absent means all questions. */
  progress?: ProgressFilter;
  page: number;
};

export const PROGRESS_FILTERS = ["unsolved", "solved"] as const;
export type ProgressFilter = (typeof PROGRESS_FILTERS)[number];

/** The longest search the API takes. */
export const MAX_SEARCH_LENGTH = 100;

export const PAGE_SIZE = 20;

function listParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const wanted = new Set((params.get(name) ?? "").split(","));
  // Unknown values (an old bookmark, a typo) are dropped rather than sent: the server would 400 the whole list.
  return allowed.filter((value) => wanted.has(value));
}

export function readFilters(params: URLSearchParams): PracticeFilters {
  const page = Number.parseInt(params.get("page") ?? "", 10);
  const tag = params.get("tag")?.trim();
  const q = params.get("q")?.trim().slice(0, MAX_SEARCH_LENGTH);
  const [progress] = listParam(params, "progress", PROGRESS_FILTERS);
  return {
    section: listParam(params, "section", SECTIONS),
    type: listParam(params, "type", QUESTION_TYPES),
    difficulty: listParam(params, "difficulty", DIFFICULTIES),
    ...(tag ? { tag } : {}),
    ...(q ? { q } : {}),
    ...(progress ? { progress } : {}),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The filters as query parameters, the same for the page's address and the API; empty lists are left out. */
export function filterParams(filters: Omit<PracticeFilters, "page">): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.section.length) params.set("section", filters.section.join(","));
  if (filters.type.length) params.set("type", filters.type.join(","));
  if (filters.difficulty.length) params.set("difficulty", filters.difficulty.join(","));
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.q) params.set("q", filters.q);
  if (filters.progress) params.set("progress", filters.progress);
  return params;
}

/** The query string for `filters`; page 1 is left out too, so the plain list has the plain address. */
export function filterSearch(filters: PracticeFilters): string {
  const params = filterParams(filters);
  if (filters.page > 1) params.set("page", String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The panel's filters; the search has its own box. */
export const activeFilterCount = (filters: PracticeFilters) =>
  filters.section.length +
  filters.type.length +
  filters.difficulty.length +
  (filters.tag ? 1 : 0) +
  (filters.progress ? 1 : 0);
