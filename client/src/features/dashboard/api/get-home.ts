import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";

export type PlanStep =
  | { kind: "review-cards"; cards: number }
  | { kind: "practise-section"; section: string; questions: number }
  | { kind: "practise-any"; questions: number }
  | { kind: "mock-round" };

export type ActivityDay = { date: string; answers: number; reviews: number };

export type Activity = {
  from: string;
  to: string;
  days: ActivityDay[];
  streak: number;
  activeDays: number;
  answers: number;
  reviews: number;
};

export type OpenRound = { id: string; startedAt: string; deadline: string; timeLimitSeconds: number; questions: number; answered: number };

export type FeedbackItem = {
  kind: "comment" | "override";
  id: string;
  answerId: string;
  title: string;
  by: string;
  text: string;
  verdict: string | null;
  at: string;
};

export type CandidateHome = {
  role: "candidate";
  serverNow: string;
  today: string;
  openRound: OpenRound | null;
  flashcards: { due: number; learning: number; review: number; new: number; nextDueAt: string | null };
  interview: { date: string; daysLeft: number; plan: PlanStep[] } | null;
  weakestSection: { section: string; mastery: number; level: string; answers: number } | null;
  unread: { comments: number; overrides: number; items: FeedbackItem[] };
  activity: Activity;
};

export type MentorHome = {
  role: "mentor";
  candidates: {
    total: number;
    items: { id: string; displayName: string; unreviewed: number; answersLastWeek: number; lastAnswerAt: string | null }[];
  };
  queue: { total: number };
  agreement: {
    rulings: number;
    agreement: number;
    kappa: number;
    mostDisagreed: { title: string; rulings: number; disagreements: number } | null;
  };
};

export type Home = CandidateHome | MentorHome;

export const homeQueryKey = ["home"] as const;

/** One request for the whole page; always fetched afresh, since it sums up what every other page changes. */
export function useHome() {
  return useQuery({ queryKey: homeQueryKey, queryFn: ({ signal }) => api.get<Home>("/api/home", signal) });
}
