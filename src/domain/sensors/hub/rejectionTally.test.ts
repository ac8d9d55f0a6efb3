import { describe, expect, it } from 'vitest';
import { RejectionTally } from './rejectionTally';

describe('RejectionTally', () => {
  it('logs the first few of each reason, then only a periodic summary, and counts all', () => {
    const tally = new RejectionTally(2);
    const lines = Array.from({ length: 5 }, (_, index) =>
      tally.record('duplicate', `box-1 pm10 #${index}`, 'osem'),
    );
    expect(lines[0]).toBe('sensor hub refused a message (duplicate): osem: box-1 pm10 #0');
    expect(lines[1]).toMatch(/#1 \(further ones only in the periodic summary\)$/);
    expect(lines.slice(2)).toEqual([undefined, undefined, undefined]);
    expect(tally.record('malformed-json', '{"a":', 'lorawan')).toBeDefined();
    expect(tally.takeSummary('60 s')).toBe(
      'sensor hub refused in the last 60 s: duplicate 3 (latest: osem: box-1 pm10 #4)',
    );
    expect(tally.takeSummary('60 s')).toBeUndefined();
    expect(tally.counts()).toEqual({ duplicate: 5, 'malformed-json': 1 });
  });

  it('shortens long details', () => {
    const line = new RejectionTally(1).record('unknown-sensor', 'x'.repeat(10_000), 'mqtt');
    expect(line!.length).toBeLessThan(400);
  });
});
