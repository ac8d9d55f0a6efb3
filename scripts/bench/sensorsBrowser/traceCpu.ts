// CPU time of the apply work a sensors-browser bench page recorded, from a Chrome trace of the same window.
//
// The page measures each piece of apply work by wall clock (performance.now()); a wall-clock piece also counts the
// time the OS left the renderer's main thread off the CPU. Trace events on the main thread carry `dur` (wall µs)
// and `tdur` (the thread's CPU µs), so each piece gets the CPU share of the trace event that encloses it.
import { median, percentile } from '../statistics';
import { sumPerFrameAnyPhase, type Recording, type WeightedSpan } from './frames';

/** The part of a Chrome trace event (JSON trace format) used here; times in µs of the trace clock. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: unknown };
}

/** The name of the `performance.mark`s that tie the page's performance.now() to the trace clock. */
export const SYNC_MARK = 'twin-bench-sync';

/** Main-thread GC: V8's and Blink's collector events (nested ones are merged, so none counts twice). */
const GC_EVENT = /^(MinorGC|MajorGC|V8\.GC|BlinkGC\.|GCEvent|CppGC\.)/;

type ThreadClock = Pick<PageClock, 'pid' | 'tid' | 'offsetMs'>;

/** A complete ('X') event with a duration on the page's main thread. */
function isMainThreadEvent(event: TraceEvent, clock: ThreadClock): event is TraceEvent & { dur: number } {
  return event.pid === clock.pid && event.tid === clock.tid && event.ph === 'X' && event.dur !== undefined;
}

export interface PageClock {
  pid: number;
  tid: number;
  /** The name the trace gives the thread (`CrRendererMain` for a page's main thread). */
  threadName: string;
  /** trace ms = performance.now() ms + offsetMs (the median over the sync marks). */
  offsetMs: number;
  /** Largest minus smallest offset over the sync marks (performance.now() is coarsened, to 0.1 ms by default). */
  spreadMs: number;
}

/**
 * Finds the page's main thread and its clock offset from the sync marks: `markTimes` are the `startTime`s of the
 * marks named SYNC_MARK the page made, in order; the trace holds the same marks at the trace clock's ts.
 */
export function findPageClock(events: readonly TraceEvent[], markTimes: readonly number[]): PageClock {
  const marks = events
    .filter(
      (event) => event.name === SYNC_MARK && event.ph !== 'M' && (event.cat ?? '').includes('user_timing'),
    )
    .sort((a, b) => a.ts - b.ts);
  if (marks.length !== markTimes.length || marks.length === 0) {
    throw new Error(`trace has ${marks.length} ${SYNC_MARK} marks, the page made ${markTimes.length}`);
  }
  const { pid, tid } = marks[0]!;
  if (marks.some((mark) => mark.pid !== pid || mark.tid !== tid)) {
    throw new Error(`the ${SYNC_MARK} marks are on more than one thread`);
  }
  const offsets = marks.map((mark, index) => mark.ts / 1000 - markTimes[index]!);
  const threadName = events.find(
    (event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && event.tid === tid,
  )?.args?.name;
  return {
    pid,
    tid,
    threadName: typeof threadName === 'string' ? threadName : '?',
    offsetMs: median(offsets),
    spreadMs: Math.max(...offsets) - Math.min(...offsets),
  };
}

/** A piece of apply work with its CPU estimate, in the page's performance.now() ms. */
export interface PieceCpu {
  kind: 'receive' | 'slice';
  startMs: number;
  wallMs: number;
  cpuMs: number;
  /** Wall ms of the piece spent inside main-thread GC events. */
  gcMs: number;
  /** The trace event whose CPU share was used; undefined when none enclosed the piece (then cpuMs = wallMs). */
  enclosing?: string;
  /** Where that event starts (page ms): a handler's piece starts with its event, a check of the clock offset. */
  enclosingStartMs?: number;
}

interface Span {
  name: string;
  start: number;
  end: number;
  dur: number;
  tdur: number;
}

/** Index of the first span starting after `time` (spans sorted by start). */
function firstStartingAfter(spans: readonly Span[], time: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.start <= time) low = middle + 1;
    else high = middle;
  }
  return low;
}

function mergedIntervals(spans: readonly Span[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function overlapWith(intervals: readonly [number, number][], start: number, end: number): number {
  let total = 0;
  for (const [from, to] of intervals) {
    if (from >= end) break;
    total += Math.max(0, Math.min(to, end) - Math.max(from, start));
  }
  return total;
}

/**
 * Estimates each piece's CPU time: its wall time × the CPU share (tdur / dur) of the innermost main-thread trace
 * event that encloses it (within `toleranceMs`, for the coarsened performance.now()), leaving out the events
 * nested in that one that lie wholly outside the piece (their own CPU share is known). Also the wall time each
 * piece spent in GC events.
 */
export function cpuOfPieces(
  recording: Recording,
  events: readonly TraceEvent[],
  clock: ThreadClock,
  toleranceMs = 0.1,
): PieceCpu[] {
  const spans: Span[] = [];
  const gcSpans: Span[] = [];
  for (const event of events) {
    if (!isMainThreadEvent(event, clock)) continue;
    const start = event.ts / 1000 - clock.offsetMs;
    const span = {
      name: event.name,
      start,
      end: start + event.dur / 1000,
      dur: event.dur,
      tdur: event.tdur ?? -1,
    };
    if (GC_EVENT.test(event.name)) gcSpans.push(span);
    if (event.tdur !== undefined && event.dur > 0) spans.push(span);
  }
  // An enclosing event before the events that start with it.
  spans.sort((a, b) => a.start - b.start || b.dur - a.dur);
  const gc = mergedIntervals(gcSpans);
  const longestMs = spans.reduce((longest, span) => Math.max(longest, span.end - span.start), 0);

  return recording.work.map(([startMs, wallMs, , kind]) => {
    const endMs = startMs + wallMs;
    const gcMs = overlapWith(gc, startMs, endMs);
    let enclosing: Span | undefined;
    let enclosingIndex = -1;
    const last = firstStartingAfter(spans, startMs + toleranceMs);
    for (let index = last - 1; index >= 0 && spans[index]!.start >= startMs - longestMs; index--) {
      const span = spans[index]!;
      const encloses =
        span.end >= endMs - toleranceMs &&
        span.end - span.start >= wallMs - 2 * toleranceMs &&
        span.end > startMs;
      if (encloses && (!enclosing || span.dur < enclosing.dur)) {
        enclosing = span;
        enclosingIndex = index;
      }
    }
    if (!enclosing) return { kind, startMs, wallMs, cpuMs: wallMs, gcMs };
    // Nested events wholly outside the piece: their wall and CPU are not the piece's.
    let outsideDur = 0;
    let outsideTdur = 0;
    let coveredUntil = -Infinity;
    for (let index = enclosingIndex + 1; index < spans.length; index++) {
      const span = spans[index]!;
      if (span.start >= enclosing.end) break;
      // (1 ns of slack: event ends are sums of µs in floating point.)
      if (span.end > enclosing.end + 1e-6 || span.start < coveredUntil) continue;
      if (span.end <= startMs || span.start >= endMs) {
        outsideDur += span.dur;
        outsideTdur += span.tdur;
        coveredUntil = span.end;
      }
    }
    const restDur = enclosing.dur - outsideDur;
    const share = restDur > 0 ? (enclosing.tdur - outsideTdur) / restDur : enclosing.tdur / enclosing.dur;
    return {
      kind,
      startMs,
      wallMs,
      cpuMs: wallMs * Math.min(1, Math.max(0, share)),
      gcMs,
      enclosing: enclosing.name,
      enclosingStartMs: enclosing.start,
    };
  });
}

/** Wall ms of main-thread GC events (merged) within the recording window. */
export function mainThreadGcMs(
  recording: Pick<Recording, 'startMs' | 'endMs'>,
  events: readonly TraceEvent[],
  clock: ThreadClock,
): number {
  const gcSpans: Span[] = events
    .filter((event) => isMainThreadEvent(event, clock) && GC_EVENT.test(event.name))
    .map((event) => {
      const start = event.ts / 1000 - clock.offsetMs;
      return { name: event.name, start, end: start + event.dur! / 1000, dur: event.dur!, tdur: 0 };
    });
  return overlapWith(mergedIntervals(gcSpans), recording.startMs, recording.endMs);
}

/**
 * Wall and CPU ms of all the main thread's outermost trace events (its tasks) within the recording window (a task
 * across the window's edge counts by its share inside): a check of the trace's CPU times against the kernel's.
 */
export function mainThreadTaskMs(
  recording: Pick<Recording, 'startMs' | 'endMs'>,
  events: readonly TraceEvent[],
  clock: ThreadClock,
): { wallMs: number; cpuMs: number } {
  const tasks = events
    .filter((event) => isMainThreadEvent(event, clock) && event.dur > 0 && event.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  let wallMs = 0;
  let cpuMs = 0;
  let coveredUntil = -Infinity;
  for (const task of tasks) {
    const start = task.ts / 1000 - clock.offsetMs;
    const end = start + task.dur! / 1000;
    if (start < coveredUntil) continue;
    coveredUntil = end;
    const inside =
      Math.max(0, Math.min(end, recording.endMs) - Math.max(start, recording.startMs)) / (end - start);
    wallMs += (inside * task.dur!) / 1000;
    cpuMs += (inside * task.tdur!) / 1000;
  }
  return { wallMs, cpuMs };
}

export interface CpuPerFrame {
  /** Pieces for which a trace event gave a CPU share (the rest count wall as CPU). */
  piecesMatched: number;
  pieces: number;
  frames: number;
  cpuMeanMs: number;
  /** Over the frames with any apply work (the same frames the wall-clock figures use). */
  busyFrames: number;
  busyCpuMedianMs: number;
  busyCpuP95Ms: number;
  cpuMaxMs: number;
  /** The wall-clock tail: frames with work at or above the wall p95, and what share of their wall ms was off the
   * CPU, and in GC. */
  tailFrames: number;
  tailWallMeanMs: number;
  tailOffCpuShare: number;
  tailGcShare: number;
  /** GC wall ms inside apply pieces, over all frames' pieces (not per frame). */
  gcInApplyMs: number;
  /** The same for all pieces: wall and CPU ms. */
  wallMs: number;
  cpuMs: number;
}

/** Sums the pieces' CPU (and GC) per 60 Hz frame at every phase, next to their wall ms in the same frames. */
export function cpuPerFrame(recording: Recording, pieces: readonly PieceCpu[]): CpuPerFrame {
  const spans = (value: (piece: PieceCpu) => number): WeightedSpan[] =>
    pieces.map((piece) => ({ startMs: piece.startMs, durationMs: piece.wallMs, value: value(piece) }));
  const wall = sumPerFrameAnyPhase(
    recording,
    spans((piece) => piece.wallMs),
  );
  const cpu = sumPerFrameAnyPhase(
    recording,
    spans((piece) => piece.cpuMs),
  );
  const gc = sumPerFrameAnyPhase(
    recording,
    spans((piece) => piece.gcMs),
  );
  const busy = wall.map((_, index) => index).filter((index) => wall[index]! > 0);
  const busyCpu = busy.map((index) => cpu[index]!);
  const wallP95 = percentile(
    busy.map((index) => wall[index]!),
    0.95,
  );
  const tail = busy.filter((index) => wall[index]! >= wallP95);
  const sumOver = (values: readonly number[], indices: readonly number[]) =>
    indices.reduce((sum, index) => sum + values[index]!, 0);
  const tailWall = sumOver(wall, tail);
  return {
    piecesMatched: pieces.filter((piece) => piece.enclosing !== undefined).length,
    pieces: pieces.length,
    frames: cpu.length,
    cpuMeanMs: cpu.reduce((sum, value) => sum + value, 0) / cpu.length,
    busyFrames: busy.length,
    busyCpuMedianMs: median(busyCpu),
    busyCpuP95Ms: percentile(busyCpu, 0.95),
    cpuMaxMs: Math.max(...cpu),
    tailFrames: tail.length,
    tailWallMeanMs: tail.length > 0 ? tailWall / tail.length : Number.NaN,
    tailOffCpuShare: tailWall > 0 ? (tailWall - sumOver(cpu, tail)) / tailWall : Number.NaN,
    tailGcShare: tailWall > 0 ? sumOver(gc, tail) / tailWall : Number.NaN,
    gcInApplyMs: pieces.reduce((sum, piece) => sum + piece.gcMs, 0),
    wallMs: pieces.reduce((sum, piece) => sum + piece.wallMs, 0),
    cpuMs: pieces.reduce((sum, piece) => sum + piece.cpuMs, 0),
  };
}
