import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { Question } from "./get-questions";

function getQuestion(slug: string, signal?: AbortSignal): Promise<Question> {
  return api.get<Question>(`/api/questions/${encodeURIComponent(slug)}`, signal);
}

export function useQuestion(slug: string) {
  return useQuery({
    queryKey: ["questions", "detail", slug],
    queryFn: ({ signal }) => getQuestion(slug, signal),
    // Every fetch shuffles the choices afresh; a refetch (window focus, remount) must not reorder them under the
    // candidate, so the first order stays for as long as the question is cached.
    staleTime: Infinity,
  });
}
