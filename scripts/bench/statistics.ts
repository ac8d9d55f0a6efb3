/** The value below which `share` (0–1) of the sorted values lie, interpolating between neighbours. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = Math.min(Math.max(share, 0), 1) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** The differences between consecutive timestamps. */
export function intervalsOf(timestamps: readonly number[]): number[] {
  return timestamps.slice(1).map((time, index) => time - timestamps[index]!);
}
