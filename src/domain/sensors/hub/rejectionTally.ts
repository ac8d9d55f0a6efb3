import type { RejectionReason } from '../checkObservation';

/**
 * Counts refused messages by reason and decides what is worth a log line: the first few of each reason with their
 * detail, then only a periodic summary, so a broken device sending thousands of messages cannot flood the log.
 */
export class RejectionTally {
  private readonly total = new Map<RejectionReason, number>();
  private readonly sinceSummary = new Map<RejectionReason, { count: number; example: string }>();

  constructor(private readonly firstLoggedPerReason: number) {}

  /** Counts one rejection; returns the line to log now, or undefined once this reason was logged often enough. */
  record(reason: RejectionReason, detail: string, sourceId: string): string | undefined {
    const count = (this.total.get(reason) ?? 0) + 1;
    this.total.set(reason, count);
    const text = `${sourceId}: ${detail.slice(0, 300)}`;
    if (count <= this.firstLoggedPerReason) {
      const more = count === this.firstLoggedPerReason ? ' (further ones only in the periodic summary)' : '';
      return `sensor hub refused a message (${reason}): ${text}${more}`;
    }
    const pending = this.sinceSummary.get(reason);
    if (pending) {
      pending.count += 1;
      pending.example = text;
    } else {
      this.sinceSummary.set(reason, { count: 1, example: text });
    }
    return undefined;
  }

  /** The rejections not logged one by one since the last summary, as one line; undefined when there were none. */
  takeSummary(periodLabel: string): string | undefined {
    if (this.sinceSummary.size === 0) return undefined;
    const parts = [...this.sinceSummary.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([reason, { count, example }]) => `${reason} ${count} (latest: ${example})`);
    this.sinceSummary.clear();
    return `sensor hub refused in the last ${periodLabel}: ${parts.join('; ')}`;
  }

  /** Every rejection since the hub started, by reason. */
  counts(): Partial<Record<RejectionReason, number>> {
    return Object.fromEntries(this.total);
  }
}
