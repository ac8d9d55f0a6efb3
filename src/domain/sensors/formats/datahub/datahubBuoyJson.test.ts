import { describe, expect, it } from 'vitest';
import { datahubDeviceIdFromFileName, parseDatahubBuoyJson, writeDatahubBuoyJson } from './datahubBuoyJson';

describe('parseDatahubBuoyJson', () => {
  const text = JSON.stringify({
    data: {
      water_temperature: [
        { time: '2026-08-03T10:00:00.000Z', value: 22.4 },
        { time: '2026-08-03T10:15:00.000Z', value: '22.5' },
        { time: 'gestern', value: 22 },
      ],
      dissolved_oxygen: [{ time: 1785751200, value: 8.1 }],
      pH: [{ time: 1785751200000, value: null }],
      turbidity: [{ time: '2026-08-03T10:00:00.000Z', value: 3 }],
    },
    metadata: {},
  });
  const parsed = parseDatahubBuoyJson(text, { file: 'aasee/datahub-device-832.json' });

  it('reads each variable as a phenomenon of the buoy named by the file', () => {
    expect(parsed.sensors).toEqual([
      expect.objectContaining({
        id: 'datahub:832',
        name: 'Aasee-Boje (Wasserqualität)',
        kind: 'water-buoy',
        phenomena: [
          { phenomenon: 'water_temperature', intervalSeconds: 900 },
          { phenomenon: 'dissolved_oxygen', intervalSeconds: 900 },
        ],
      }),
    ]);
    expect(
      parsed.observations.map((item) => [
        item.phenomenon,
        item.value,
        item.unit,
        new Date(item.time).toISOString(),
      ]),
    ).toEqual([
      ['water_temperature', 22.4, '°C', '2026-08-03T10:00:00.000Z'],
      ['dissolved_oxygen', 8.1, 'mg/L', '2026-08-03T10:00:00.000Z'],
      ['water_temperature', 22.5, '°C', '2026-08-03T10:15:00.000Z'],
    ]);
  });

  it('skips bad readings and unknown variables with an issue', () => {
    expect(parsed.issueCounts).toEqual({ 'bad-reading': 2, 'ignored-variable': 1 });
    expect(parsed.issues[0]!.field).toBe('data.water_temperature[2]');
  });

  it('refuses files without data', () => {
    expect(parseDatahubBuoyJson('{"metadata":{}}', { file: 'x.json' }).issues[0]!.code).toBe('missing-data');
    expect(parseDatahubBuoyJson('{', { file: 'x.json' }).issues[0]!.code).toBe('malformed-json');
  });

  it('takes the device id from the file name', () => {
    expect(datahubDeviceIdFromFileName('buoy/datahub_device-832.json')).toBe('832');
    expect(datahubDeviceIdFromFileName('Wasser Boje.json')).toBe('wasser-boje');
  });

  it('reads back what the writer writes', () => {
    const written = writeDatahubBuoyJson({
      deviceId: '832',
      series: {
        pH: [{ time: Date.UTC(2026, 7, 3), value: 8.2 }],
        dissolved_oxygen: [{ time: Date.UTC(2026, 7, 3), value: 9 }],
      },
    });
    const again = parseDatahubBuoyJson(written, { file: 'datahub-device-832.json' });
    expect(again.issues).toEqual([]);
    expect(again.observations.map((item) => [item.phenomenon, item.value])).toEqual([
      ['ph', 8.2],
      ['dissolved_oxygen', 9],
    ]);
  });
});
