import { describe, expect, it } from 'vitest';
import { ObservationChecker } from './checkObservation';
import type { SensorDescription } from './sensorModel';

const buoy: SensorDescription = {
  id: 'aasee-buoy',
  name: 'Aasee-Messboje',
  kind: 'water-buoy',
  position: { longitudeDegrees: 7.614297, latitudeDegrees: 51.957148, heightAboveGroundMeters: 0 },
  phenomena: [
    { phenomenon: 'water_temperature', intervalSeconds: 900 },
    { phenomenon: 'dissolved_oxygen', intervalSeconds: 900 },
  ],
  source: 'replay',
  licence: 'CC0',
  attribution: 'synthetic',
};
const now = Date.parse('2026-08-01T12:00:00Z');

function checker() {
  return new ObservationChecker((id) => (id === buoy.id ? buoy : undefined));
}

describe('ObservationChecker', () => {
  it('normalises a valid observation: canonical unit, epoch time, position, source and licence from the sensor', () => {
    const result = checker().check(
      {
        sensorId: 'aasee-buoy',
        phenomenon: 'water_temperature',
        unit: 'K',
        value: '295.15',
        time: '2026-08-01T11:45:00Z',
      },
      { now },
    );
    expect(result).toEqual({
      ok: true,
      observation: {
        sensorId: 'aasee-buoy',
        phenomenon: 'water_temperature',
        unit: '°C',
        value: expect.closeTo(22, 6),
        time: Date.parse('2026-08-01T11:45:00Z'),
        position: buoy.position,
        source: 'replay',
        licence: 'CC0',
      },
    });
  });

  it.each([
    [{ sensorId: 'nope', phenomenon: 'water_temperature', value: 1, time: now }, 'unknown-sensor'],
    [{ sensorId: 'aasee-buoy', phenomenon: 'radiation', value: 1, time: now }, 'unknown-phenomenon'],
    [
      { sensorId: 'aasee-buoy', phenomenon: 'pm10', value: 1, time: now },
      'phenomenon-not-reported-by-sensor',
    ],
    [
      { sensorId: 'aasee-buoy', phenomenon: 'water_temperature', unit: '°F!', value: 1, time: now },
      'unknown-unit',
    ],
    [
      { sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: Number.NaN, time: now },
      'not-a-number',
    ],
    [{ sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: 'warm', time: now }, 'not-a-number'],
    [{ sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: null, time: now }, 'not-a-number'],
    [{ sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: 95, time: now }, 'implausible-value'],
    [
      { sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: 20, time: 'yesterday' },
      'invalid-time',
    ],
    [
      { sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: 20, time: now + 3_600_000 },
      'time-in-future',
    ],
    [
      { sensorId: 'aasee-buoy', phenomenon: 'water_temperature', value: 20, time: now - 8 * 86_400_000 },
      'too-old',
    ],
  ])('refuses %j as %s', (raw, reason) => {
    const result = checker().check(raw, { now });
    expect(result.ok ? 'accepted' : result.reason).toBe(reason);
  });

  it('refuses duplicates and out-of-order messages per sensor and phenomenon, not across them', () => {
    const hub = checker();
    const at = (minutes: number) => now - minutes * 60_000;
    const send = (phenomenon: string, time: number) =>
      hub.check({ sensorId: 'aasee-buoy', phenomenon, value: 8, time }, { now });
    expect(send('water_temperature', at(30)).ok).toBe(true);
    expect(send('water_temperature', at(15)).ok).toBe(true);
    expect(send('water_temperature', at(15))).toMatchObject({ ok: false, reason: 'duplicate' });
    expect(send('water_temperature', at(30))).toMatchObject({ ok: false, reason: 'out-of-order' });
    expect(send('dissolved_oxygen', at(30)).ok).toBe(true);
  });

  it('accepts a missing number when the source says why (a closed car park)', () => {
    const carPark: SensorDescription = {
      ...buoy,
      id: 'ph-theater',
      kind: 'car-park',
      phenomena: [{ phenomenon: 'parking_free', intervalSeconds: 300 }],
      capacity: 743,
    };
    const hub = new ObservationChecker(() => carPark);
    const result = hub.check(
      { sensorId: 'ph-theater', phenomenon: 'parking_free', value: null, state: 'closed', time: now },
      { now },
    );
    expect(result).toMatchObject({ ok: true, observation: { value: null, state: 'closed' } });
  });
});
