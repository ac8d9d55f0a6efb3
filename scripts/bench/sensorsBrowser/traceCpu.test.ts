import { describe, expect, it } from 'vitest';
import { FRAME_MS } from './frames';
import {
  cpuOfPieces,
  cpuPerFrame,
  findPageClock,
  mainThreadGcMs,
  mainThreadTaskMs,
  SYNC_MARK,
  type TraceEvent,
} from './traceCpu';

// A hand-made trace: the page's performance.now() is 5,000 ms behind the trace clock (trace ms = page ms + 5,000).
const OFFSET_MS = 5_000;
const PID = 7;
const MAIN = 1;
/** An event on the page's main thread at page time `startMs`, `durMs` wall and `tdurMs` CPU. */
const task = (name: string, startMs: number, durMs: number, tdurMs: number, tid = MAIN): TraceEvent => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  ts: (startMs + OFFSET_MS) * 1000,
  dur: durMs * 1000,
  tdur: tdurMs * 1000,
  pid: PID,
  tid,
});
const mark = (pageMs: number, tid = MAIN): TraceEvent => ({
  name: SYNC_MARK,
  cat: 'blink.user_timing',
  ph: 'R',
  ts: (pageMs + OFFSET_MS) * 1000,
  pid: PID,
  tid,
});

const events: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, pid: PID, tid: MAIN, args: { name: 'CrRendererMain' } },
  // The sync marks; performance.now() is coarsened, so the page saw them up to 0.1 ms off.
  mark(1_000),
  mark(1_000.3),
  mark(1_000.6),
  // Piece 1 (page 1,010–1,012, a receive): a task of 2 ms wall, 0.5 ms CPU (descheduled for 1.5 ms).
  task('RunTask', 1_009.9, 2.2, 0.7),
  task('FunctionCall', 1_010, 2, 0.5),
  // Piece 2 (page 1,030–1,031, a slice) inside a long task whose render after it was descheduled: the render is
  // outside the piece, so the piece is all CPU.
  task('RunTask', 1_029.9, 10.1, 3.1),
  task('TimerFire', 1_030, 1, 1),
  task('Paint', 1_032, 8, 2),
  // Piece 3 (page 1,051–1,053): 1 ms of it in a GC nested in two GC events (counted once).
  task('RunTask', 1_051, 2, 2),
  task('MajorGC', 1_051.5, 1, 1),
  task('V8.GCFinalizeMC', 1_051.6, 0.5, 0.5),
  // Another thread's long, descheduled task over piece 3: not the page's main thread.
  task('RunTask', 1_040, 20, 1, 2),
  // GC outside every piece, within the window.
  task('MinorGC', 1_070, 0.5, 0.5),
];

const recording = {
  startMs: 1_000,
  endMs: 1_000 + 6 * FRAME_MS,
  work: [
    [1_010, 2, 100, 'receive'],
    [1_030, 1, 0, 'slice'],
    [1_051, 2, 0, 'slice'],
    // Nothing on the main thread's trace around this one: its wall counts as CPU.
    [1_090, 1, 0, 'slice'],
  ] as [number, number, number, 'receive' | 'slice'][],
};

describe('page clock from the sync marks', () => {
  it("finds the marks' thread and the offset despite coarsened page times", () => {
    const clock = findPageClock(events, [1_000.1, 1_000.3, 1_000.5]);
    expect(clock).toMatchObject({ pid: PID, tid: MAIN, threadName: 'CrRendererMain' });
    expect(clock.offsetMs).toBeCloseTo(OFFSET_MS, 6);
    expect(clock.spreadMs).toBeCloseTo(0.2, 6);
  });

  it('refuses a trace whose marks do not match the page', () => {
    expect(() => findPageClock(events, [1_000])).toThrow(/3 twin-bench-sync marks, the page made 1/);
  });
});

describe('CPU time of apply pieces', () => {
  const clock = { pid: PID, tid: MAIN, offsetMs: OFFSET_MS };
  const pieces = cpuOfPieces(recording, events, clock);

  it('scales a piece by the CPU share of the innermost event around it', () => {
    expect(pieces[0]).toMatchObject({ kind: 'receive', enclosing: 'FunctionCall', gcMs: 0 });
    expect(pieces[0]!.enclosingStartMs).toBeCloseTo(1_010, 6);
    expect(pieces[0]!.cpuMs).toBeCloseTo(0.5, 6);
  });

  it("leaves out nested events outside the piece when the piece's own event is not traced", () => {
    // Without TimerFire the innermost event is the 10.1 ms task: its 8 ms descheduled paint is not the piece's.
    const withoutTimer = cpuOfPieces(
      recording,
      events.filter((event) => event.name !== 'TimerFire'),
      clock,
    );
    expect(withoutTimer[1]!.enclosing).toBe('RunTask');
    // (3.1 − 2) CPU ms over (10.1 − 8) wall ms of the rest of the task.
    expect(withoutTimer[1]!.cpuMs).toBeCloseTo(1.1 / 2.1, 6);
    expect(pieces[1]!.cpuMs).toBeCloseTo(1, 6);
  });

  it("counts GC inside a piece once, and ignores other threads' events", () => {
    expect(pieces[2]!.gcMs).toBeCloseTo(1, 6);
    expect(pieces[2]!.cpuMs).toBeCloseTo(2, 6);
    expect(mainThreadGcMs(recording, events, clock)).toBeCloseTo(1.5, 6);
  });

  it("sums the main thread's outermost events within the window", () => {
    // The three tasks (2.2 + 10.1 + 2 wall, 0.7 + 3.1 + 2 CPU) and the MinorGC; half of a task across the end.
    expect(mainThreadTaskMs(recording, events, clock)).toEqual({
      wallMs: expect.closeTo(14.8, 6),
      cpuMs: expect.closeTo(6.3, 6),
    });
    const half = mainThreadTaskMs({ startMs: 1_000, endMs: 1_009.9 + 1.1 }, events, clock);
    expect(half.wallMs).toBeCloseTo(1.1, 6);
    expect(half.cpuMs).toBeCloseTo(0.35, 6);
  });

  it('counts an untraced piece as all CPU', () => {
    expect(pieces[3]!.cpuMs).toBe(1);
    expect(pieces[3]!.enclosing).toBeUndefined();
  });

  it('sums CPU per frame and splits the wall-clock tail into off-CPU and GC', () => {
    const frames = cpuPerFrame(recording, pieces);
    expect(frames.piecesMatched).toBe(3);
    expect(frames.busyFrames).toBeGreaterThan(0);
    expect(frames.cpuMaxMs).toBeCloseTo(2, 6);
    expect(frames.cpuMs).toBeCloseTo(0.5 + 1 + 2 + 1, 6);
    expect(frames.wallMs).toBeCloseTo(6, 6);
    expect(frames.gcInApplyMs).toBeCloseTo(1, 6);
    // The tail (frames at or above the wall p95, 2 ms) holds piece 1 (1.5 ms off the CPU) at the 5 phases where
    // it is whole in a frame (at phase 5 a frame end cuts it, at 6 and 7 the frames begin after it) and piece 3
    // (1 ms of GC) at 7 (at phase 1 a frame end cuts it).
    expect(frames.tailFrames).toBe(12);
    expect(frames.tailWallMeanMs).toBeCloseTo(2, 6);
    expect(frames.tailOffCpuShare).toBeCloseTo((5 * 1.5) / 24, 6);
    expect(frames.tailGcShare).toBeCloseTo((7 * 1) / 24, 6);
  });
});
