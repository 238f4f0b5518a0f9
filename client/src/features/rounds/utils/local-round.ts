import { sameAnswer, type AnswerValue } from "../../../lib/questions";
import { localStore } from "../../../lib/storage";
import { newRequestId } from "../../../lib/request-id";
import { isAnswerValue } from "./answers";

/**
 * This device's copy of work the server hasn't confirmed yet, one key per round and question, so a crash, a
 * reload or a dropped connection loses nothing. Entries are removed as soon as the server has the work.
 */
const roundPrefix = (roundId: string) => `watermark:round:${roundId}:`;
const draftKey = (roundId: string, slug: string) => `${roundPrefix(roundId)}draft:${slug}`;
const submissionKey = (roundId: string, slug: string) => `${roundPrefix(roundId)}submission:${slug}`;

export type LocalDraft = { answer: AnswerValue; savedAt: number };
export type PendingSubmission = { answer: AnswerValue; idempotencyKey: string };

export const localDraft = {
  read(roundId: string, slug: string): LocalDraft | undefined {
    // Anything could be in storage (another version of the app, a hand edit): trust only the right shape.
    const entry = localStore.read<Partial<LocalDraft>>(draftKey(roundId, slug));
    if (!entry || !isAnswerValue(entry.answer)) return undefined;
    return { answer: entry.answer, savedAt: typeof entry.savedAt === "number" ? entry.savedAt : 0 };
  },
  write(roundId: string, slug: string, answer: AnswerValue): void {
    localStore.write(draftKey(roundId, slug), { answer, savedAt: Date.now() } satisfies LocalDraft);
  },
  clear(roundId: string, slug: string): void {
    localStore.remove(draftKey(roundId, slug));
  },
};

export const pendingSubmission = {
  read(roundId: string, slug: string): PendingSubmission | undefined {
    const entry = localStore.read<Partial<PendingSubmission>>(submissionKey(roundId, slug));
    if (!entry || !isAnswerValue(entry.answer) || typeof entry.idempotencyKey !== "string") return undefined;
    return { answer: entry.answer, idempotencyKey: entry.idempotencyKey };
  },
  /**
   * Stored before the request is sent. The same answer reuses the stored key, so if an earlier attempt did reach
   * the server (only the response was lost) the server recognises the retry instead of refusing it.
   */
  begin(roundId: string, slug: string, answer: AnswerValue): PendingSubmission {
    const earlier = pendingSubmission.read(roundId, slug);
    if (earlier && sameAnswer(earlier.answer, answer)) return earlier;
    const entry = { answer, idempotencyKey: newRequestId() };
    localStore.write(submissionKey(roundId, slug), entry);
    return entry;
  },
  clear(roundId: string, slug: string): void {
    localStore.remove(submissionKey(roundId, slug));
  },
};

/** Once a round is closed nothing local about it can matter any more. */
export function forgetRound(roundId: string): void {
  localStore.removeAll(roundPrefix(roundId));
}
