import { describe, expect, it } from 'vitest';
import { compilePayloadMapping, payloadMappingSchema } from './payloadMapping';

const read = (mapping: unknown) => compilePayloadMapping(payloadMappingSchema.parse(mapping));

describe('compilePayloadMapping', () => {
  it('reads the hub’s own shape by default', () => {
    expect(
      read({})({ sensorId: 'box-1', phenomenon: 'pm10', value: 12, unit: 'ug/m3', time: 5 }, 'any', 0),
    ).toEqual([{ sensorId: 'box-1', phenomenon: 'pm10', value: 12, unit: 'ug/m3', time: 5 }]);
  });

  it('reads a The Things Stack uplink: device id, received time and decoded fields', () => {
    const mapping = read({
      sensorId: 'end_device_ids.device_id',
      sensorIds: { 'aasee-boje-01': 'aasee-buoy' },
      time: 'received_at',
      observations: [
        { phenomenon: 'water_temperature', value: 'uplink_message.decoded_payload.temperature' },
        {
          phenomenon: 'dissolved_oxygen',
          value: 'uplink_message.decoded_payload.oxygen',
          unit: 'mg/l',
          required: false,
        },
        { phenomenon: 'ph', value: 'uplink_message.decoded_payload.ph', required: false },
      ],
    });
    const uplink = {
      end_device_ids: { device_id: 'aasee-boje-01' },
      received_at: '2026-08-03T10:00:00Z',
      uplink_message: { decoded_payload: { temperature: 23.1, oxygen: 6.8 } },
    };
    expect(mapping(uplink, 'v3/aasee@ttn/devices/aasee-boje-01/up', 0)).toEqual([
      {
        sensorId: 'aasee-buoy',
        phenomenon: 'water_temperature',
        value: 23.1,
        unit: undefined,
        time: '2026-08-03T10:00:00Z',
      },
      {
        sensorId: 'aasee-buoy',
        phenomenon: 'dissolved_oxygen',
        value: 6.8,
        unit: 'mg/l',
        time: '2026-08-03T10:00:00Z',
      },
    ]);
  });

  it('takes ids from topic levels, constants, array indices, and the arrival time', () => {
    const mapping = read({
      sensorId: { topicLevel: 1 },
      time: 'received',
      observations: [{ phenomenon: { const: 'bike_count' }, value: 'counts[1]', state: { const: 'ok' } }],
    });
    expect(mapping({ counts: [3, 7] }, 'counters/kanal-1/up', 1234)).toEqual([
      { sensorId: 'kanal-1', phenomenon: 'bike_count', value: 7, unit: undefined, state: 'ok', time: 1234 },
    ]);
  });

  it('never reads inherited properties, and still counts a message that carries no optional value', () => {
    const mapping = read({
      observations: [{ phenomenon: 'ph', value: 'constructor.name', required: false }],
    });
    expect(mapping({ sensorId: 'x', time: 1 }, 't', 0)).toEqual([
      { sensorId: 'x', phenomenon: 'ph', value: undefined, time: 1 },
    ]);
  });

  it('refuses paths it cannot read', () => {
    expect(payloadMappingSchema.safeParse({ sensorId: 'a..b' }).success).toBe(false);
    expect(
      payloadMappingSchema.safeParse({ observations: [{ phenomenon: 'gold', value: 'v' }] }).success,
    ).toBe(false);
  });
});
