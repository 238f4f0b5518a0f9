import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RoundList } from "../../../lib/api-types";
import { api } from "../../../lib/api-client";

export type { RoundList } from "../../../lib/api-types";

export const roundListQueryKey = ["rounds", "list"] as const;

function listRounds(page: number, pageSize: number, signal?: AbortSignal): Promise<RoundList> {
  return api.get<RoundList>(`/api/rounds?page=${page}&pageSize=${pageSize}`, signal);
}

export function useRounds(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...roundListQueryKey, page, pageSize],
    queryFn: ({ signal }) => listRounds(page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}
