import { useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { CheckAnswerBody, CheckResult } from "../../../lib/api-types";
import { useSingleFlightMutation } from "../../../lib/single-flight-mutation";

/**
 * `idempotencyKey` names one attempt: resending it (double click, retry) gets the first reply, never a second answer;
 * optional for the API, this client always sends one.
 * `choiceOrder` is the choice ids as displayed, kept with the answer so History and a mentor see them that way too.
 */
type CheckInput = CheckAnswerBody & { slug: string; idempotencyKey: string };

export type { CheckResult } from "../../../lib/api-types";

function checkAnswer({ slug, ...body }: CheckInput): Promise<CheckResult> {
  return api.post<CheckResult>(`/api/questions/${encodeURIComponent(slug)}/check`, body);
}

export function useCheckAnswer() {
  const queryClient = useQueryClient();
  return useSingleFlightMutation({
    mutationFn: checkAnswer,
    // Every answer changes the list's progress marks. One can also unlock follow-ups: the list shows them now, and an
    // earlier "answer the parent first" is stale.
    onSuccess: (result) => {
      void queryClient.invalidateQueries({
        queryKey: result.followUps?.length ? ["questions"] : ["questions", "list"],
      });
    },
  });
}
