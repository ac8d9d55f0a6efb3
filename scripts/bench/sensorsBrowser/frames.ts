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

/**
 * Sums the apply work per 60 Hz frame (a piece that crosses a frame's end counts in both by its overlap), with
 * the frames starting `phaseMs` after the recording.
 */
export function applyWorkPerFrame(recording: Recording, phaseMs = 0): number[] {
  const origin = recording.startMs + phaseMs;
  const perFrame = new Array<number>(Math.floor((recording.endMs - origin) / FRAME_MS)).fill(0);
  for (const [start, duration] of recording.work) {
    const end = start + duration;
    for (let frame = Math.max(0, Math.floor((start - origin) / FRAME_MS)); frame < perFrame.length; frame++) {
      const frameStart = origin + frame * FRAME_MS;
      if (frameStart >= end) break;
      perFrame[frame]! += Math.min(end, frameStart + FRAME_MS) - Math.max(start, frameStart);
    }
  }
  return perFrame;
}

/** The frames of every phase together: what a display whose frames begin at a random moment would see. */
export function applyWorkPerFrameAnyPhase(recording: Recording): number[] {
  return Array.from({ length: FRAME_PHASES }, (_, phase) =>
    applyWorkPerFrame(recording, (phase * FRAME_MS) / FRAME_PHASES),
  ).flat();
}
