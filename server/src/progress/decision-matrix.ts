/**
 * The "which framework" decision matrix: rows are what the scenario called for, columns what the candidate
 * committed to (the grade's `choice`). When a question accepts several options the row is the one the candidate
 * picked if it was acceptable, else the first accepted one. Columns "none" (no commitment) and "several"
 * (hedged between options) are kept apart so "never commits" is as visible as "picks Flink when Spark batch would do".
 */
export const NONE = "none";
export const SEVERAL = "several";

export interface ChoiceCount {
  expected: string[];
  committed: string[];
  count: number;
}

export interface DecisionMatrix {
  rows: string[];
  columns: string[];
  labels: Record<string, string>;
  cells: { expected: string; committed: string; count: number }[];
  total: number;
  correct: number;
}

export function decisionMatrix(counts: readonly ChoiceCount[], optionLabels: Record<string, string>): DecisionMatrix {
  const cells = new Map<string, number>();
  const rows = new Set<string>();
  const columns = new Set<string>();
  let total = 0;
  let correct = 0;
  for (const c of counts) {
    if (c.expected.length === 0) continue;
    const picked = c.committed.length === 0 ? NONE : c.committed.length > 1 ? SEVERAL : c.committed[0]!;
    const row = c.expected.includes(picked) ? picked : c.expected[0]!;
    rows.add(row);
    columns.add(picked);
    const key = `${row}\u0000${picked}`;
    cells.set(key, (cells.get(key) ?? 0) + c.count);
    total += c.count;
    if (row === picked) correct += c.count;
  }
  const order = (ids: Set<string>) =>
    [...ids].sort((a, b) => Number(a === NONE || a === SEVERAL) - Number(b === NONE || b === SEVERAL) || a.localeCompare(b));
  return {
    rows: order(rows),
    columns: order(columns),
    labels: { ...optionLabels, [NONE]: "no commitment", [SEVERAL]: "several" },
    cells: [...cells.entries()].map(([k, count]) => {
      const [expected, committed] = k.split("\u0000") as [string, string];
      return { expected, committed, count };
    }),
    total,
    correct,
  };
}
