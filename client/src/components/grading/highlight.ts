export type Segment = { text: string; concept?: string };

/**
 * Splits `text` into plain and highlighted runs, one highlight per piece of evidence. The grader quotes the answer
 * verbatim, so the search is exact and case-sensitive; evidence it normalised (a corrected typo, say) simply isn't
 * found and goes unhighlighted rather than highlighting the wrong words. Each piece takes its first occurrence that
 * doesn't overlap one already taken, so two concepts citing the same phrase twice mark both places.
 */
export function highlightSegments(text: string, evidence: { concept: string; evidence: string }[]): Segment[] {
  const ranges: { start: number; end: number; concept: string }[] = [];
  const overlaps = (start: number, end: number) => ranges.some((r) => start < r.end && r.start < end);

  for (const { concept, evidence: quote } of evidence) {
    if (!quote) continue;
    let from = 0;
    let found = -1;
    while ((found = text.indexOf(quote, from)) !== -1 && overlaps(found, found + quote.length)) from = found + 1;
    if (found !== -1) ranges.push({ start: found, end: found + quote.length, concept });
  }
  ranges.sort((a, b) => a.start - b.start);

  const segments: Segment[] = [];
  let at = 0;
  for (const { start, end, concept } of ranges) {
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: text.slice(start, end), concept });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
