import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type {
  PhraseBody,
  RubricEntries,
  RubricHealth,
  RubricPreview,
  SuggestionBody,
  SuggestionCreated,
} from "../../../lib/api-types";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

export type { RubricPreview } from "../../../lib/api-types";

const rubricKeys = {
  health: ["rubric", "health"] as const,
  entries: (slug: string) => ["rubric", "entries", slug] as const,
};

export function useRubricHealth() {
  return useQuery({
    queryKey: rubricKeys.health,
    queryFn: ({ signal }) => api.get<RubricHealth>("/api/rubric/health", signal),
  });
}

export function useRubricEntries(slug: string) {
  return useQuery({
    queryKey: rubricKeys.entries(slug),
    queryFn: ({ signal }) => api.get<RubricEntries>(`/api/rubric/questions/${slug}`, signal),
  });
}

/** Nothing is stored, so a preview is a plain mutation: the latest one is what the page shows. */
export function usePreviewPhrase() {
  return useMutation({
    mutationFn: (body: PhraseBody) => api.post<RubricPreview>("/api/rubric/preview", body),
  });
}

export function useSaveSuggestion() {
  return useSingleFlightMutation({
    mutationFn: (body: SuggestionBody) => api.post<SuggestionCreated>("/api/rubric/suggestions", body),
  });
}
