import { describe, expect, it } from 'vitest';
import { withoutDuplicates } from './recordingDatasets';
import { IssueCollector, type RecordedObservation } from './recordingModel';

const reading = (value: number, time = 1_000, sensorId = 'box-1'): RecordedObservation => ({
  sensorId,
  phenomenon: 'pm10',
  value,
  time,
});

describe('withoutDuplicates', () => {
  it('keeps one observation per sensor, phenomenon and time; identical copies silently, conflicts reported', () => {
    const issues = new IssueCollector('opensensemap');
    const kept = withoutDuplicates(
      [reading(7, 2_000), reading(5), reading(5), reading(6, 2_000, 'box-2'), reading(9, 2_000)],
      'openSenseMap',
      issues,
    );
    expect(kept).toEqual([reading(5), reading(7, 2_000), reading(6, 2_000, 'box-2')]);
    expect(issues.counts).toEqual({ 'duplicate-observation': 1 });
  });
});
