import { describe, expect, it } from 'vitest';
import { cameraLookingAt } from '../view/cameraLookAt';
import { SlidingWindowLimit } from './postingRateLimit';
import { viewCentrePoint } from './viewCentrePoint';
import { csvCell } from './workshopExport';
import { commentTextSchema, displayNameSchema, isJoinCode } from './workshopProtocol';

describe('viewCentrePoint', () => {
  it('finds the point a camera looks at (the inverse of cameraLookingAt)', () => {
    const target = { longitudeDegrees: 7.656, latitudeDegrees: 51.932, heightMeters: 0 };
    const camera = cameraLookingAt(target, { rangeMeters: 800, pitchDegrees: -35, headingDegrees: 120 });
    const point = viewCentrePoint(camera);
    expect(point.longitudeDegrees).toBeCloseTo(target.longitudeDegrees, 5);
    expect(point.latitudeDegrees).toBeCloseTo(target.latitudeDegrees, 5);
  });

  it('takes a point 2 km ahead when the view looks at the horizon', () => {
    const point = viewCentrePoint({
      longitudeDegrees: 7.6,
      latitudeDegrees: 51.9,
      heightMeters: 100,
      headingDegrees: 0,
      pitchDegrees: 0,
    });
    expect((point.latitudeDegrees - 51.9) * 111_320).toBeCloseTo(2000, 0);
  });
});

describe('workshop input', () => {
  it('accepts names and comments as text, refusing control characters and line breaks in names', () => {
    expect(displayNameSchema.parse('  Anna  ')).toBe('Anna');
    expect(displayNameSchema.safeParse('An\nna').success).toBe(false);
    expect(commentTextSchema.parse('Zeile 1\nZeile 2 <b>fett</b>')).toBe('Zeile 1\nZeile 2 <b>fett</b>');
    expect(commentTextSchema.safeParse('Glocke \u0007').success).toBe(false);
  });

  it('reads join codes without look-alike characters', () => {
    expect(isJoinCode('K7M2QX')).toBe(true);
    expect(isJoinCode('K7M2Q0')).toBe(false);
    expect(isJoinCode('K7M2Q')).toBe(false);
  });

  it('quotes CSV cells and disarms formulas', () => {
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell(-3)).toBe('"-3"');
  });
});

describe('SlidingWindowLimit', () => {
  it('allows `limit` events per window and says when the next one is allowed', () => {
    let now = 0;
    const limit = new SlidingWindowLimit(2, 60_000, () => now);
    expect(limit.take('a').allowed).toBe(true);
    now = 10_000;
    expect(limit.take('a').allowed).toBe(true);
    expect(limit.take('a')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limit.take('b').allowed).toBe(true);
    now = 60_001;
    expect(limit.take('a').allowed).toBe(true);
  });
});
