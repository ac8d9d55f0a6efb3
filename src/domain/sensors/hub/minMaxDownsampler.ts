/** A point of a time series: [epoch ms, value]; null where the source reported a state instead of a number. */
export type SeriesPoint = [time: number, value: number | null];

/**
 * Thins a time-ordered series to at most `maxPoints` by keeping, per time bucket, the lowest and the highest value
 * (in their time order). Unlike an average, a short dip of dissolved oxygen below its threshold stays visible.
 * Points are pushed one by one, so a week of 1 Hz data never has to be held in memory at once.
 */
export class MinMaxDownsampler {
  private readonly origin: number;
  private readonly bucketMs: number;
  private readonly points: SeriesPoint[] = [];
  private bucket = Number.NaN;
  private low: SeriesPoint | undefined;
  private high: SeriesPoint | undefined;
  private firstNull: SeriesPoint | undefined;

  constructor(fromMs: number, toMs: number, maxPoints: number) {
    const buckets = Math.max(1, Math.floor(maxPoints / 2));
    this.bucketMs = Math.max(1, (toMs - fromMs) / buckets);
    this.origin = fromMs;
  }

  push(time: number, value: number | null): void {
    const bucket = Math.floor((time - this.origin) / this.bucketMs);
    if (bucket !== this.bucket) {
      this.closeBucket();
      this.bucket = bucket;
    }
    if (value === null) {
      this.firstNull ??= [time, null];
      return;
    }
    const point: SeriesPoint = [time, value];
    if (!this.low || value < this.low[1]!) this.low = point;
    if (!this.high || value > this.high[1]!) this.high = point;
  }

  /** The thinned series, in time order. */
  finish(): SeriesPoint[] {
    this.closeBucket();
    return this.points;
  }

  private closeBucket(): void {
    const { low, high } = this;
    if (low && high) {
      if (low === high) this.points.push(low);
      else if (low[0] <= high[0]) this.points.push(low, high);
      else this.points.push(high, low);
    } else if (this.firstNull) {
      this.points.push(this.firstNull);
    }
    this.low = undefined;
    this.high = undefined;
    this.firstNull = undefined;
  }
}
