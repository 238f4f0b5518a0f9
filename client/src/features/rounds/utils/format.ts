/** Scores are sums of 0..1 grades: "7" or "7.5", never "7.499999". */
export const formatPoints = (score: number) => (Number.isInteger(score) ? String(score) : score.toFixed(1));
