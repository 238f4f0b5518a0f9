import type { EffectiveGrade, Override } from "../../lib/api-types";

export type {
  AnswerDetail,
  Comment,
  GradeResult as AutoGrade,
  HistoryItem,
  HistoryPage,
  Link,
  Override,
  Progress,
} from "../../lib/api-types";

export type GradeVerdict = EffectiveGrade["verdict"];
/** Who wrote a comment or an override, as answers name them. */
export type Person = Override["by"];

export type HistoryFilters = {
  section?: string;
  type?: string;
  verdict?: string;
  source?: string;
  from?: string;
  to?: string;
};
