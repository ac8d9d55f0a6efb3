/**
 * The p-th percentile (0–100) of ascending values by linear interpolation between closest ranks (Hyndman & Fan
 * type 7, the default of R, NumPy and spreadsheets): the median of 1, 2, 3, 4 is 2.5, their 90th percentile 3.7.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(sorted.length - 1, lower + 1);
  return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
}

/** How many of the ascending values are strictly greater than the threshold (binary search). */
export function countAboveInSorted(sorted: ArrayLike<number>, threshold: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! > threshold) high = middle;
    else low = middle + 1;
  }
  return sorted.length - low;
}

/** The median of unsorted numbers (copies them). */
export function medianOf(values: readonly number[]): number {
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    50,
  );
}
