export type { AnswerDetail, Comment, HistoryItem, HistoryPage, Progress } from "../../lib/api-types";

export type HistoryFilters = {
  section?: string;
  type?: string;
  verdict?: string;
  source?: string;
  from?: string;
  to?: string;
};
