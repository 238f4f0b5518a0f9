import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { CandidateHome, Home } from "../../../lib/api-types";

export type { CandidateHome, Home, MentorHome } from "../../../lib/api-types";

export type OpenRound = NonNullable<CandidateHome["openRound"]>;
export type PlanStep = NonNullable<CandidateHome["interview"]>["plan"][number];
export type Activity = CandidateHome["activity"];
export type ActivityDay = Activity["days"][number];

const homeQueryKey = ["home"] as const;

/** One request for the whole page; always fetched afresh, since it sums up what every other page changes. */
export function useHome() {
  return useQuery({ queryKey: homeQueryKey, queryFn: ({ signal }) => api.get<Home>("/api/home", signal) });
}
