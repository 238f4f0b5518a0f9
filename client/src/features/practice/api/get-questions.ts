import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { QuestionPage } from "../../../lib/api-types";
import { filterParams, type PracticeFilters } from "../utils/filters";

export type { Question, QuestionPage } from "../../../lib/api-types";

function getQuestions(filters: PracticeFilters, pageSize: number, signal?: AbortSignal): Promise<QuestionPage> {
  const params = filterParams(filters);
  params.set("page", String(filters.page));
  params.set("pageSize", String(pageSize));
  return api.get<QuestionPage>(`/api/questions?${params}`, signal);
}

export function useQuestions(filters: PracticeFilters, pageSize: number) {
  return useQuery({
    queryKey: ["questions", "list", filters, pageSize],
    queryFn: ({ signal }) => getQuestions(filters, pageSize, signal),
    // Keep showing the last page while the next one loads, so paging and filtering don't flash an empty list.
    placeholderData: keepPreviousData,
    // The bank changes only when content is deployed.
    staleTime: 5 * 60_000,
  });
}
