// The apply work a sensors-browser bench page recorded, summed per 60 Hz frame.

/** Work pieces of one recording window (performance.now() ms in the page). */
export interface Recording {
  /** One entry per piece of apply work: its start (performance.now()), main-thread ms, observations and kind. */
  work: [startMs: number, durationMs: number, observations: number, kind: 'receive' | 'slice'][];
  startMs: number;
  endMs: number;
}

/** A frame at 60 Hz. Headless Chromium runs requestAnimationFrame only a few times a second when little changes
 * on screen, so frames are taken as 1/60 s slots of the recorded window (at several phases) rather than rAF
 * intervals. */
export const FRAME_MS = 1000 / 60;

/** The display's frames may begin anywhere against the recording: frames are taken at this many phases. */
export const FRAME_PHASES = 8;

/** A span of the recording with a value spread evenly over it (e.g. its CPU ms), for `sumPerFrame`. */
export interface WeightedSpan {
  startMs: number;
  durationMs: number;
  /** What the whole span adds up to; a frame gets the share of it that overlaps the frame. */
  value: number;
}

/**
 * Sums `value` of the spans per 60 Hz frame of the recording window, with the frames starting `phaseMs` after the
 * recording; a span that crosses a frame's end counts in both by its overlap.
 */
export function sumPerFrame(
  window: Pick<Recording, 'startMs' | 'endMs'>,
  spans: readonly WeightedSpan[],
  phaseMs = 0,
): number[] {
  const origin = window.startMs + phaseMs;
  const perFrame = new Array<number>(Math.max(0, Math.floor((window.endMs - origin) / FRAME_MS))).fill(0);
  for (const { startMs: start, durationMs: duration, value } of spans) {
    const end = start + duration;
    for (let frame = Math.max(0, Math.floor((start - origin) / FRAME_MS)); frame < perFrame.length; frame++) {
      const frameStart = origin + frame * FRAME_MS;
      if (frameStart >= end) break;
      const overlap = Math.min(end, frameStart + FRAME_MS) - Math.max(start, frameStart);
      perFrame[frame]! += duration > 0 ? (value * overlap) / duration : 0;
    }
  }
  return perFrame;
}

/** `sumPerFrame` at every phase together: what a display whose frames begin at a random moment would see. */
export function sumPerFrameAnyPhase(
  window: Pick<Recording, 'startMs' | 'endMs'>,
  spans: readonly WeightedSpan[],
): number[] {
  return Array.from({ length: FRAME_PHASES }, (_, phase) =>
    sumPerFrame(window, spans, (phase * FRAME_MS) / FRAME_PHASES),
  ).flat();
}

const wallSpans = (recording: Recording): WeightedSpan[] =>
  recording.work.map(([startMs, durationMs]) => ({ startMs, durationMs, value: durationMs }));

/**
 * Sums the apply work (wall ms) per 60 Hz frame (a piece that crosses a frame's end counts in both by its
 * overlap), with the frames starting `phaseMs` after the recording.
 */
export function applyWorkPerFrame(recording: Recording, phaseMs = 0): number[] {
  return sumPerFrame(recording, wallSpans(recording), phaseMs);
}

/** The frames of every phase together: what a display whose frames begin at a random moment would see. */
export function applyWorkPerFrameAnyPhase(recording: Recording): number[] {
  return sumPerFrameAnyPhase(recording, wallSpans(recording));
}
