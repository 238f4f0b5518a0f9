import { useMutation } from "@tanstack/react-query";
import type { GradedAnswer } from "../../../components/grading/types";
import { api } from "../../../lib/api-client";
import type { AnswerValue } from "../../../lib/questions";

export type CheckInput = { slug: string; answer: AnswerValue; timeSpentSeconds?: number };

export type CheckResult = Omit<GradedAnswer, "type" | "answer" | "verdict"> & {
  question: string;
  answerId: string;
  verdict: "correct" | "partial" | "incorrect";
  choice?: { expected: string[]; committed: string[] };
};

export function checkAnswer({ slug, ...body }: CheckInput): Promise<CheckResult> {
  return api.post<CheckResult>(`/api/questions/${encodeURIComponent(slug)}/check`, body);
}

export function useCheckAnswer() {
  return useMutation({ mutationFn: checkAnswer });
}
