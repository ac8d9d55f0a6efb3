import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_MS, parseHistoryQuery, parseWindowQuery, toWireObservation } from './hubQueries';

const now = Date.parse('2026-08-03T12:00:00Z');

describe('parseHistoryQuery', () => {
  it('defaults to the last 24 hours on the hub clock and 2,000 points', () => {
    expect(parseHistoryQuery({}, now)).toEqual({
      ok: true,
      value: { from: now - DEFAULT_WINDOW_MS, to: now, maxPoints: 2_000 },
    });
  });

  it('takes epoch milliseconds or ISO 8601, a phenomenon and maxPoints', () => {
    expect(
      parseHistoryQuery(
        { from: '2026-08-01T00:00:00Z', to: String(now), phenomenon: 'pm10', maxPoints: '300' },
        now,
      ),
    ).toEqual({
      ok: true,
      value: { from: Date.parse('2026-08-01T00:00:00Z'), to: now, phenomenon: 'pm10', maxPoints: 300 },
    });
  });

  it.each([
    [{ from: 'gestern' }, /from:/],
    [{ to: '12:00' }, /to:/],
    [{ from: String(now + 1) }, /from must be before to/],
    [{ from: '0' }, /at most 192 hours/],
    [{ phenomenon: 'gold' }, /phenomenon: unknown/],
    [{ maxPoints: '1.5' }, /maxPoints/],
    [{ maxPoints: '1000000' }, /maxPoints/],
  ])('refuses %o', (query, message) => {
    const result = parseHistoryQuery(query, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('parseWindowQuery', () => {
  it('takes a list of phenomena', () => {
    expect(parseWindowQuery({ phenomena: 'pm10,pm2_5' }, now)).toMatchObject({
      ok: true,
      value: { phenomena: ['pm10', 'pm2_5'] },
    });
    expect(parseWindowQuery({ phenomena: 'pm10,gold' }, now)).toMatchObject({ ok: false });
  });
});

describe('toWireObservation', () => {
  it('writes the state only when there is one', () => {
    const base = {
      sensorId: 'p1',
      phenomenon: 'parking_free' as const,
      unit: 'spaces',
      time: 5,
      position: { longitudeDegrees: 7, latitudeDegrees: 52, heightAboveGroundMeters: 0 },
      source: 'replay',
      licence: 'dl-de/by-2-0',
    };
    expect(toWireObservation({ ...base, value: 12 })).toEqual(['p1', 'parking_free', 12, 5]);
    expect(toWireObservation({ ...base, value: null, state: 'closed' })).toEqual([
      'p1',
      'parking_free',
      null,
      5,
      'closed',
    ]);
  });
});
