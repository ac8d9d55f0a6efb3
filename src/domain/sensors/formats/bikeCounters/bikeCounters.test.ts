import { describe, expect, it } from 'vitest';
import { parseBikeCounterCsv } from './parseBikeCounterCsv';
import { parseBikeCounterSites } from './parseBikeCounterSites';
import { writeBikeCounterCsv } from './writeBikeCounterCsv';

const CSV = [
  'Datetime,"100053305 (Kanalpromenade, Abschnitt 5)","101053305 (Kanalpromenade, Abschnitt 5 Fahrräder Richtung Osttor)",' +
    '"102053305 (Kanalpromenade, Abschnitt 5 Fahrräder Richtung Zentrum)",353306596 (Unused),100053305-status,101053305-status,102053305-status,353306596-status',
  '2026-07-01 07:00,30,10,20,,0,0,0,',
  '2026-07-01 07:15,25,,25,,0,,0,',
  '2026-07-01 07:30,x,5,5,,0,0,0,',
  'kaputt,1,1,1,,0,0,0,',
  '2026-07-01 07:45,12,4,8,,0,3,0,',
].join('\r\n');

describe('parseBikeCounterCsv', () => {
  const parsed = parseBikeCounterCsv(CSV, { file: '100053305_2026-07.csv' });

  it('describes the station total and each active direction', () => {
    expect(parsed.sensors.map((sensor) => [sensor.id, sensor.name])).toEqual([
      ['bike-counter:100053305', 'Kanalpromenade, Abschnitt 5'],
      ['bike-counter:100053305:101053305', 'Kanalpromenade, Abschnitt 5 Fahrräder Richtung Osttor'],
      ['bike-counter:100053305:102053305', 'Kanalpromenade, Abschnitt 5 Fahrräder Richtung Zentrum'],
    ]);
    expect(parsed.sensors[0]!.phenomena).toEqual([{ phenomenon: 'bike_count', intervalSeconds: 900 }]);
    expect(parsed.issueCounts['inactive-channel']).toBe(1);
  });

  it('stamps each count at the end of its 15 minutes, in UTC', () => {
    const total = parsed.observations.filter((item) => item.sensorId === 'bike-counter:100053305');
    expect(total.map((item) => [new Date(item.time).toISOString(), item.value])).toEqual([
      ['2026-07-01T05:15:00.000Z', 30],
      ['2026-07-01T05:30:00.000Z', 25],
      ['2026-07-01T06:00:00.000Z', 12],
    ]);
  });

  it('leaves out empty cells silently and doubted or broken values with an issue', () => {
    const osttor = parsed.observations.filter((item) => item.sensorId === 'bike-counter:100053305:101053305');
    expect(osttor.map((item) => item.value)).toEqual([10, 5]);
    expect(parsed.rowCount).toBe(5);
    expect(parsed.issueCounts).toMatchObject({ 'bad-value': 1, 'bad-time': 1, 'channel-status': 1 });
    expect(parsed.issues.find((issue) => issue.code === 'bad-time')!.message).toBe(
      '100053305_2026-07.csv line 5: "kaputt" is not a time "YYYY-MM-DD HH:MM"; row skipped',
    );
  });

  it('rejects a file that is not a counter export', () => {
    const other = parseBikeCounterCsv('Stunden,Zählung\n1/1/2016 0:00,3\n', { file: 'legacy.csv' });
    expect(other.sensors).toEqual([]);
    expect(other.issues.map((issue) => issue.code)).toContain('missing-header');
  });

  it('reads back what the writer writes', () => {
    const start = Date.UTC(2026, 7, 2, 22);
    const text = writeBikeCounterCsv({
      channels: [
        { channelId: '300037544', name: 'Kanalpromenade, Abschnitt 1 (Dingstiege)' },
        { channelId: '353410966', name: 'Kanalpromenade, Abschnitt 1 (Dingstiege) Fahrräder IN' },
      ],
      rows: [
        { start, counts: [3, 2] },
        { start: start + 900_000, counts: [1, null] },
      ],
    });
    expect(text.split('\r\n')[0]).toBe(
      'Datetime,"300037544 (Kanalpromenade, Abschnitt 1 (Dingstiege))","353410966 (Kanalpromenade, Abschnitt 1 (Dingstiege) Fahrräder IN)",300037544-status,353410966-status',
    );
    const again = parseBikeCounterCsv(text, { file: 'generated.csv' });
    expect(again.issues).toEqual([]);
    expect(again.sensors.map((sensor) => sensor.name)).toEqual([
      'Kanalpromenade, Abschnitt 1 (Dingstiege)',
      'Kanalpromenade, Abschnitt 1 (Dingstiege) Fahrräder IN',
    ]);
    expect(again.observations.map((item) => [item.time - start, item.value])).toEqual([
      [900_000, 3],
      [900_000, 2],
      [1_800_000, 1],
    ]);
  });
});

describe('parseBikeCounterSites', () => {
  it('names every station and channel, and skips broken entries', () => {
    const parsed = parseBikeCounterSites(
      JSON.stringify([
        {
          name: 'Neutor',
          directory: '100035541',
          start: 2023,
          channels: [
            [100035541, 'Neutor'],
            [101035541, 'Neutor stadteinwärts'],
          ],
        },
        { name: 'ohne Id', channels: [] },
      ]),
      { file: 'site_min.json' },
    );
    expect(parsed.sensors.map((sensor) => sensor.id)).toEqual([
      'bike-counter:100035541',
      'bike-counter:100035541:101035541',
    ]);
    expect(parsed.issues).toMatchObject([{ code: 'bad-site', field: '[1]' }]);
  });
});
