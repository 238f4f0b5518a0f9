/**
 * Agreement between two raters (a human and the engine, or a mentor and the engine) over the same
 * items. Pure statistics, generic over the label set.
 */

/** matrix[i][j] = items the reference rater labelled labels[i] and the other rater labels[j]. */
export interface Confusion<L extends string> {
  labels: readonly L[];
  matrix: number[][];
  total: number;
}

export function confusionMatrix<L extends string>(
  labels: readonly L[],
  pairs: Iterable<readonly [L, L]>,
): Confusion<L> {
  const matrix = labels.map(() => labels.map(() => 0));
  let total = 0;
  for (const [reference, other] of pairs) {
    const i = labels.indexOf(reference);
    const j = labels.indexOf(other);
    if (i < 0 || j < 0) throw new RangeError(`unknown label pair: ${reference} / ${other}`);
    matrix[i]![j]!++;
    total++;
  }
  return { labels, matrix, total };
}

/** Share of items both raters labelled the same (0 when there are no items). */
export function observedAgreement(c: Confusion<string>): number {
  if (c.total === 0) return 0;
  return c.matrix.reduce((sum, row, i) => sum + row[i]!, 0) / c.total;
}

/**
 * Cohen's kappa (unweighted): agreement corrected for what two raters with the same label frequencies
 * would reach by chance. 1 is perfect, 0 is chance level. When chance agreement is already total
 * (both raters use one label only) kappa is 1 if they agree and 0 otherwise.
 */
export function cohensKappa(c: Confusion<string>): number {
  if (c.total === 0) return 0;
  const observed = observedAgreement(c);
  let chance = 0;
  for (let k = 0; k < c.labels.length; k++) {
    const rowShare = c.matrix[k]!.reduce((a, b) => a + b, 0) / c.total;
    const colShare = c.matrix.reduce((a, row) => a + row[k]!, 0) / c.total;
    chance += rowShare * colShare;
  }
  if (chance === 1) return observed === 1 ? 1 : 0;
  return (observed - chance) / (1 - chance);
}

/** How many items the reference labelled `reference` and the other rater `other`. */
export function cell<L extends string>(c: Confusion<L>, reference: L, other: L): number {
  return c.matrix[c.labels.indexOf(reference)]?.[c.labels.indexOf(other)] ?? 0;
}
