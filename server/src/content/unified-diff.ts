const CONTEXT = 3;

type Op = { kind: " " | "-" | "+"; line: string };

/**
 * A unified diff of two texts (git-apply-able, 3 lines of context) under `a/<file>` / `b/<file>`; "" when they are
 * equal. A plain longest-common-subsequence over lines: content files are a few hundred lines.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return "";
  const ops = lineOps(lines(before), lines(after));
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    const change = ops.findIndex((op, k) => k >= i && op.kind !== " ");
    if (change < 0) break;
    const start = Math.max(i, change - CONTEXT);
    let end = change;
    // Extend over changes whose context would touch or overlap this hunk's.
    for (let k = change; k < ops.length; k++) {
      if (ops[k]!.kind !== " ") end = k;
      else if (k - end > 2 * CONTEXT) break;
    }
    const stop = Math.min(ops.length, end + CONTEXT + 1);
    const oldStart = ops.slice(0, start).filter((op) => op.kind !== "+").length + 1;
    const newStart = ops.slice(0, start).filter((op) => op.kind !== "-").length + 1;
    const body = ops.slice(start, stop);
    const oldLen = body.filter((op) => op.kind !== "+").length;
    const newLen = body.filter((op) => op.kind !== "-").length;
    hunks.push(`@@ -${oldStart},${oldLen} +${newStart},${newLen} @@`, ...body.map((op) => `${op.kind}${op.line}`));
    i = stop;
  }
  return [`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`, ...hunks, ""].join("\n");
}

/** Content files end with a newline (prettier keeps them so); the last empty piece is not a line. */
const lines = (text: string) => (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");

function lineOps(a: string[], b: string[]): Op[] {
  const w = b.length + 1;
  const lcs = new Int32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * w + j] =
        a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: " ", line: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
      ops.push({ kind: "-", line: a[i++]! });
    } else {
      ops.push({ kind: "+", line: b[j++]! });
    }
  }
  return ops;
}
