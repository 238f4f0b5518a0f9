/**
 * The "which framework" decision matrix: rows are what the scenario called for, columns what the candidate
 * committed to. Only frameworks and architectures (vocabulary.yaml) have rows and columns: a free-text answer counts
 * through its grade's `choice`, a choice question through the options its choices map to (`option` in the bank), and
 * anything else not at all. When a question accepts several options the row is the one the candidate picked if it
 * was acceptable, else the first accepted one. Columns "none" (no commitment) and "several" (hedged between options,
 * some of them wrong) are kept apart so "never commits" is as visible as "picks Flink when Spark batch would do".
 */
const NONE = "none";
const SEVERAL = "several";

export interface ChoiceCount {
  /** Option ids. */
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

/** The parts of a question version that say how its answers map to options. */
export type MappedQuestion =
  | { type: "free-text" }
  | { type: "single-choice" | "multi-choice"; choices: { id: string; correct: boolean; option?: string }[] };

const unique = (ids: (string | undefined)[]) => [...new Set(ids.filter((id): id is string => id !== undefined))];

/**
 * A stored grade's `choice` in option terms, or undefined when the answer does not count: a free-text question
 * that does not ask for a framework or architecture, a choice question whose choices map to none, or picks that map
 * to none.
 */
export function inOptionTerms(
  question: MappedQuestion,
  stored: ChoiceCount,
  isOption: (id: string) => boolean,
): ChoiceCount | undefined {
  if (question.type === "free-text") {
    if (stored.expected.length === 0 || !stored.expected.every(isOption)) return undefined;
    return { ...stored, committed: stored.committed.filter(isOption) };
  }
  const optionOf = new Map<string, string>();
  for (const c of question.choices) if (c.option && isOption(c.option)) optionOf.set(c.id, c.option);
  const expected = unique(question.choices.filter((c) => c.correct).map((c) => optionOf.get(c.id)));
  const committed = unique(stored.committed.map((id) => optionOf.get(id)));
  if (expected.length === 0 || committed.length === 0) return undefined;
  return { expected, committed, count: stored.count };
}

/** The column an answer lands in: committing only to acceptable options is right, however many it names. */
function columnOf({ expected, committed }: ChoiceCount): string {
  if (committed.length === 0) return NONE;
  if (committed.every((o) => expected.includes(o))) return expected.find((o) => committed.includes(o))!;
  return committed.length > 1 ? SEVERAL : committed[0]!;
}

/** `counts` in option terms (see inOptionTerms); `options` are the frameworks and architectures, with labels. */
export function decisionMatrix(
  counts: readonly ChoiceCount[],
  options: readonly { id: string; label: string }[],
): DecisionMatrix {
  const known = new Set(options.map((o) => o.id));
  const countable = (c: ChoiceCount) =>
    c.expected.length > 0 && c.expected.every((o) => known.has(o)) && c.committed.every((o) => known.has(o));
  const cells = new Map<string, number>();
  const rows = new Set<string>();
  const columns = new Set<string>();
  let total = 0;
  let correct = 0;
  for (const c of counts) {
    if (!countable(c)) continue;
    const picked = columnOf(c);
    const row = c.expected.includes(picked) ? picked : c.expected[0]!;
    rows.add(row);
    columns.add(picked);
    const key = `${row}\u0000${picked}`;
    cells.set(key, (cells.get(key) ?? 0) + c.count);
    total += c.count;
    if (row === picked) correct += c.count;
  }
  const order = (ids: Set<string>) =>
    [...ids].sort(
      (a, b) => Number(a === NONE || a === SEVERAL) - Number(b === NONE || b === SEVERAL) || a.localeCompare(b),
    );
  return {
    rows: order(rows),
    columns: order(columns),
    labels: {
      ...Object.fromEntries(options.map((o) => [o.id, o.label])),
      [NONE]: "no commitment",
      [SEVERAL]: "several",
    },
    cells: [...cells.entries()].map(([k, count]) => {
      const [expected, committed] = k.split("\u0000") as [string, string];
      return { expected, committed, count };
    }),
    total,
    correct,
  };
}
