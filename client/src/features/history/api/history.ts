import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest } from "../../../lib/api-client";
import type {
  CommentBody,
  ConfirmBody,
  ConfirmResponse,
  DisputeBody,
  DisputeResponse,
  Invite,
  LinkList,
  OverrideBody,
  OverrideResponse,
  SelfAssessmentBody,
  SelfAssessmentResponse,
} from "../../../lib/api-types";
import type { AnswerDetail, Comment, HistoryFilters, HistoryPage, Progress } from "../types";
import { sharedKeys } from "../../../lib/query-keys";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

const historyKeys = {
  all: ["history"] as const,
  list: (candidate: string | undefined, filters: HistoryFilters) =>
    ["history", "list", candidate ?? "me", filters] as const,
  answer: (id: string) => ["history", "answer", id] as const,
  progress: (candidate: string | undefined) => ["history", "progress", candidate ?? "me"] as const,
  links: sharedKeys.links,
};

function historySearch(candidate: string | undefined, filters: HistoryFilters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  if (candidate) params.set("candidate", candidate);
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

export function useHistory(candidate: string | undefined, filters: HistoryFilters) {
  return useInfiniteQuery({
    queryKey: historyKeys.list(candidate, filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<HistoryPage>(
        `/api/answers?${historySearch(candidate, filters, { limit: "20", ...(pageParam ? { cursor: pageParam } : {}) })}`,
        signal,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAnswer(id: string) {
  return useQuery({
    queryKey: historyKeys.answer(id),
    queryFn: ({ signal }) => api.get<AnswerDetail>(`/api/answers/${id}`, signal),
  });
}

export function useProgress(candidate: string | undefined) {
  return useQuery({
    queryKey: historyKeys.progress(candidate),
    queryFn: ({ signal }) =>
      api.get<Progress>(candidate ? `/api/candidates/${candidate}/progress` : "/api/me/progress", signal),
  });
}

export function useAddComment(answerId: string) {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (body: string) =>
      api.post<Comment>(`/api/answers/${answerId}/comments`, { body } satisfies CommentBody),
    onSuccess: () => client.invalidateQueries({ queryKey: historyKeys.all }),
  });
}

export function useOverride(answerId: string) {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (input: OverrideBody) => api.post<OverrideResponse>(`/api/answers/${answerId}/override`, input),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: historyKeys.all }),
        client.invalidateQueries({ queryKey: sharedKeys.review }),
      ]),
  });
}

export function useConfirm(answerId: string) {
  const client = useQueryClient();
  return useSingleFlightMutation({
    // A reply answers the candidate's open dispute, which confirming rejects.
    mutationFn: (reply?: string) =>
      api.post<ConfirmResponse>(`/api/answers/${answerId}/confirm`, (reply ? { reply } : {}) satisfies ConfirmBody),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: historyKeys.answer(answerId) }),
        client.invalidateQueries({ queryKey: sharedKeys.review }),
      ]),
  });
}

export function useDispute(answerId: string) {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (reason: string) =>
      api.post<DisputeResponse>(`/api/answers/${answerId}/dispute`, { reason } satisfies DisputeBody),
    onSuccess: () => client.invalidateQueries({ queryKey: historyKeys.all }),
  });
}

export function useSelfAssessment(answerId: string) {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (verdict: SelfAssessmentBody["verdict"]) =>
      api.put<SelfAssessmentResponse>(`/api/answers/${answerId}/self-assessment`, {
        verdict,
      } satisfies SelfAssessmentBody),
    onSuccess: () => client.invalidateQueries({ queryKey: historyKeys.all }),
  });
}

export function useLinks() {
  return useQuery({
    queryKey: historyKeys.links,
    queryFn: ({ signal }) => api.get<LinkList>("/api/links", signal),
  });
}

export function useCreateInvite() {
  return useSingleFlightMutation({
    mutationFn: () => api.post<Invite>("/api/links/invites", {}),
  });
}

export function useEndLink() {
  const client = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: (id: string) => apiRequest<void>(`/api/links/${id}`, { method: "DELETE" }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: historyKeys.links }),
        client.invalidateQueries({ queryKey: sharedKeys.review }),
      ]),
  });
}
