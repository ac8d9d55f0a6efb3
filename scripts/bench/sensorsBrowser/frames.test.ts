import { describe, expect, it } from 'vitest';
import { applyWorkPerFrame, applyWorkPerFrameAnyPhase, FRAME_MS, FRAME_PHASES } from './frames';

describe('apply work per frame', () => {
  // Two 1 ms pieces: one across the end of the recording's first frame, the next 1.5 ms after it.
  const recording = {
    startMs: 1_000,
    endMs: 1_000 + 4 * FRAME_MS,
    work: [
      [1_000 + FRAME_MS - 0.5, 1, 0, 'slice'],
      [1_000 + FRAME_MS + 2, 1, 0, 'slice'],
    ] as [number, number, number, 'slice'][],
  };

  it('splits a piece that crosses the end of a frame between both frames', () => {
    const frames = applyWorkPerFrame(recording);
    expect(frames).toHaveLength(4);
    expect(frames[0]).toBeCloseTo(0.5, 9);
    expect(frames[1]).toBeCloseTo(1.5, 9);
    expect(frames[2]).toBe(0);
  });

  it('sees both pieces in one frame at a phase where a frame holds them', () => {
    const frames = applyWorkPerFrameAnyPhase(recording);
    // Fewer whole frames fit after a later phase.
    expect(frames.length).toBeGreaterThan(3 * FRAME_PHASES);
    expect(Math.max(...frames)).toBeCloseTo(2, 9);
  });
});
