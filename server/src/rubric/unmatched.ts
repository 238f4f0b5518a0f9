/**
 * The answer's text outside every matched evidence span: what the rubric did not recognise, which is where a
 * missing phrase hides. Evidence is a slice of the answer (grading/match.ts), so it is found verbatim; a span
 * that is not (a grade stored by an older grader) is simply not cut out.
 */
export function unmatchedText(answer: string, evidence: readonly string[]): string {
  const covered = new Array<boolean>(answer.length).fill(false);
  for (const span of evidence) {
    const at = span ? answer.indexOf(span) : -1;
    if (at >= 0) covered.fill(true, at, at + span.length);
  }
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i <= answer.length; i++) {
    if (i < answer.length && !covered[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      parts.push(answer.slice(start, i).trim());
      start = -1;
    }
  }
  return parts.filter((p) => /[\p{L}\p{N}]/u.test(p)).join(" … ");
}
