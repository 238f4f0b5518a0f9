/**
 * The API's request and response bodies, inferred from the zod schemas the server registers for its routes (the same ones
 * /api/openapi.json is generated from), so the client's view of a response cannot drift from what is documented.
 * Type-only imports: the build erases them, and no server code reaches the bundle.
 */
import type { z } from "zod";
import type * as auth from "../../../server/src/auth/schemas";
import type * as disputes from "../../../server/src/disputes/schemas";
import type * as flashcards from "../../../server/src/flashcards/schemas";
import type * as history from "../../../server/src/history/schemas";
import type * as home from "../../../server/src/home/schemas";
import type * as links from "../../../server/src/links/schemas";
import type * as progress from "../../../server/src/progress/schemas";
import type * as questions from "../../../server/src/questions/schemas";
import type * as review from "../../../server/src/review/schemas";
import type * as rounds from "../../../server/src/rounds/schemas";
import type * as rubric from "../../../server/src/rubric/schemas";

type Body<S extends z.ZodType> = z.output<S>;
/** What the client sends: the shape a body schema accepts, before its defaults and transforms. */
type RequestBody<S extends z.ZodType> = z.input<S>;

export type User = Body<typeof auth.userSchema>;
export type UserResponse = Body<typeof auth.userResponse>;

export type Question = Body<typeof questions.questionSchema>;
export type QuestionPage = Body<typeof questions.questionPage>;
export type AnswerValue = Body<typeof questions.answerValue>;
export type GradeResult = Body<typeof questions.gradeResultSchema>;
export type CheckResult = Body<typeof questions.checkResponse>;
export type CheckAnswerBody = RequestBody<typeof questions.checkBody>;

export type RoundState = Body<typeof rounds.roundState>;
export type RoundQuestion = RoundState["questions"][number];
type RoundResults = NonNullable<RoundState["results"]>;
export type RoundResultItem = RoundResults["items"][number];
export type RoundTotals = RoundResults["totals"];
export type RoundList = Body<typeof rounds.roundList>;
export type RoundSummary = RoundList["items"][number];
export type FlagQuestionResponse = Body<typeof rounds.flagResponse>;
export type SubmitAnswerResponse = Body<typeof rounds.submitResponse>;
export type SubmitAnswerBody = RequestBody<typeof rounds.submitBody>;
/** The list filters are preprocessed (a lone value becomes a list), which leaves their input shape `unknown`: the
 * client sends the lists themselves, their output shape. */
type RoundFilters = "sections" | "types" | "difficulty";
export type CreateRoundBody = Omit<RequestBody<typeof rounds.createRoundBody>, RoundFilters> &
  Pick<Body<typeof rounds.createRoundBody>, RoundFilters>;

export type HistoryItem = Body<typeof history.historyItem>;
export type HistoryPage = Body<typeof history.historyPage>;
export type AnswerDetail = Body<typeof history.answerDetail>;
export type Comment = Body<typeof history.commentSchema>;
export type CommentBody = RequestBody<typeof review.commentBody>;
export type OverrideBody = RequestBody<typeof review.overrideBody>;
export type OverrideResponse = Body<typeof review.overrideResponse>;
export type ConfirmResponse = Body<typeof review.confirmResponse>;
export type ConfirmBody = RequestBody<typeof review.confirmBody>;
export type DisputeBody = RequestBody<typeof disputes.disputeBody>;
export type DisputeResponse = Body<typeof disputes.disputeResponse>;
export type SelfAssessmentBody = RequestBody<typeof disputes.selfAssessmentBody>;
export type SelfAssessmentResponse = Body<typeof disputes.selfAssessmentResponse>;

export type Progress = Body<typeof progress.progressSchema>;

export type Link = Body<typeof links.linkSchema>;
export type LinkList = Body<typeof links.linkList>;
export type Invite = Body<typeof links.inviteResponse>;
export type RedeemBody = RequestBody<typeof links.redeemBody>;

type ReviewQueue = Body<typeof review.queueResponse>;
export type ReviewQueueItem = ReviewQueue["items"][number];
type CandidateList = Body<typeof review.candidateList>;
export type CandidateSummary = CandidateList["items"][number];
export type Agreement = Body<typeof review.agreementResponse>;

export type RubricHealth = Body<typeof rubric.healthResponse>;
export type RubricEntries = Body<typeof rubric.entriesResponse>;
export type RubricPreview = Body<typeof rubric.previewResponse>;
export type PhraseBody = RequestBody<typeof rubric.previewBody>;
export type SuggestionBody = RequestBody<typeof rubric.suggestionBody>;
export type SuggestionCreated = Body<typeof rubric.suggestionCreated>;

export type Home = Body<typeof home.homeResponse>;
export type CandidateHome = Extract<Home, { role: "candidate" }>;
export type MentorHome = Extract<Home, { role: "mentor" }>;

export type FlashcardQueue = Body<typeof flashcards.queueResponse>;
export type QueueCard = Body<typeof flashcards.queueCard>;
export type CramCards = Body<typeof flashcards.cramResponse>;
export type CardState = Body<typeof flashcards.cardStateSchema>;
export type UndoResult = Body<typeof flashcards.undoResponse>;
type CardList = Body<typeof flashcards.cardListResponse>;
export type ListedCard = CardList["cards"][number];
export type StudyStats = Body<typeof flashcards.statsResponse>;
export type StudySettings = Body<typeof flashcards.settingsSchema>;
export type StudySettingsUpdate = RequestBody<typeof flashcards.settingsBody>;
export type RecallCheck = Body<typeof flashcards.checkResponse>;
export type ReviewBody = RequestBody<typeof flashcards.reviewBody>;
export type RecallCheckBody = RequestBody<typeof flashcards.checkBody>;
