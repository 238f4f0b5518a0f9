import type { AnswerValue } from "../../../lib/questions";

export function isAnswerValue(value: unknown): value is AnswerValue {
  return typeof value === "string" || (Array.isArray(value) && value.every((item) => typeof item === "string"));
}
