import type { GradedAnswer } from "../../../components/grading/types";
import { api } from "../../../lib/api-client";
import type { AnswerValue } from "../../../lib/questions";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

/** `idempotencyKey` names one attempt: resending it (double click, retry) gets the first reply, never a second answer. */
export type CheckInput = { slug: string; answer: AnswerValue; timeSpentSeconds?: number; idempotencyKey: string };

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
  return useSingleFlightMutation({ mutationFn: checkAnswer });
}
