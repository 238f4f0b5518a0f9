/** One problem found in the content, located precisely enough for an author to jump to it. */
export interface ContentIssue {
  file: string;
  line?: number;
  /** The slug or id of the question, flashcard, concept or option the issue is about. */
  item?: string;
  /** Dotted path inside the item, e.g. "choices.1.feedback". */
  field?: string;
  message: string;
}

/** e.g. "content/questions/flink.yaml:42 flink-latency › choices.1.feedback: must be at least 3 characters" */
export function formatIssue(issue: ContentIssue): string {
  const location = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const subject = [issue.item, issue.field].filter((part) => part !== undefined && part !== "").join(" › ");
  return subject ? `${location} ${subject}: ${issue.message}` : `${location}: ${issue.message}`;
}

/** e.g. "warning: content/questions/flink.yaml:42 flink-latency › choices.0.text: the correct option is …" */
export const formatWarning = (issue: ContentIssue): string => `warning: ${formatIssue(issue)}`;

/** Thrown once with every issue, so an author can fix the whole bank in one pass. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];

  constructor(issues: ContentIssue[]) {
    super(`${issues.length} content issue${issues.length === 1 ? "" : "s"}:\n${issues.map(formatIssue).join("\n")}`);
    this.name = "ContentError";
    this.issues = issues;
  }
}
