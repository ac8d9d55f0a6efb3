import { describe, expect, it } from 'vitest';
import { parseParkingCsv } from './parseParkingCsv';
import { writeParkingCsv } from './writeParkingCsv';

const NEW_FORMAT = [
  '"Datum und Uhrzeit","PH Theater","PP Hörsterplatz","PH Aegidii"',
  '"Anzahl Parkplätze gesamt","(743)","(202)","(750)"',
  '"2026-08-01 00:00",655,"ges","kei"',
  '"2026-08-01 00:15",600,"bes",12',
  '"2026-08-01 00:30",,"zu",-4',
  '"gestern",1,2,3',
  '"2026-08-01 00:30",1,2,3',
  '"2026-08-01 00:45",590,150,40',
].join('\r\n');

describe('parseParkingCsv', () => {
  const parsed = parseParkingCsv(NEW_FORMAT, { file: '2026-08-01.csv' });

  it('describes each car park with its capacity', () => {
    expect(parsed.sensors.map((sensor) => [sensor.id, sensor.name, sensor.capacity])).toEqual([
      ['parking:ph-theater', 'PH Theater', 743],
      ['parking:pp-hoersterplatz', 'PP Hörsterplatz', 202],
      ['parking:ph-aegidii', 'PH Aegidii', 750],
    ]);
    expect(parsed.sensors[0]!.phenomena.map((entry) => entry.phenomenon)).toEqual(['parking_free']);
    expect(parsed.sensors[0]!.attribution).toContain('Stadt Münster');
  });

  it('turns counts and status codes into observations in UTC', () => {
    const theater = parsed.observations.filter(
      (observation) => observation.sensorId === 'parking:ph-theater',
    );
    expect(
      theater.map((observation) => [new Date(observation.time).toISOString(), observation.value]),
    ).toEqual([
      ['2026-07-31T22:00:00.000Z', 655],
      ['2026-07-31T22:15:00.000Z', 600],
      ['2026-07-31T22:45:00.000Z', 590],
    ]);
    const hoersterplatz = parsed.observations.filter((item) => item.sensorId === 'parking:pp-hoersterplatz');
    expect(hoersterplatz.map((item) => [item.value, item.state])).toEqual([
      [null, 'closed'],
      [0, 'full'],
      [150, undefined],
    ]);
    const aegidii = parsed.observations.find((item) => item.sensorId === 'parking:ph-aegidii');
    expect(aegidii).toMatchObject({ value: null, state: 'no-data', unit: 'spaces' });
  });

  it('skips bad rows and cells with an issue naming file, line and column', () => {
    expect(parsed.rowCount).toBe(6);
    expect(parsed.issueCounts).toEqual({
      'empty-value': 1,
      'unknown-status': 1,
      'bad-value': 1,
      'bad-time': 1,
      'duplicate-time': 1,
    });
    const status = parsed.issues.find((issue) => issue.code === 'unknown-status')!;
    expect(status).toMatchObject({ line: 5, field: 'column "PP Hörsterplatz"', severity: 'warning' });
    expect(status.message).toBe(
      '2026-08-01.csv line 5, column "PP Hörsterplatz": "zu" is neither a number nor a status (ges/bes/kei)',
    );
    expect(parsed.issues.find((issue) => issue.code === 'bad-time')).toMatchObject({
      line: 6,
      severity: 'error',
    });
  });

  it('reads the old format without a capacity row', () => {
    const old = parseParkingCsv(
      'Datum und Uhrzeit,PH Theater,PH Aegidii\n2019-12-31 00:00,659,704\n2019-12-31 00:15,650,700\n',
      {
        file: '2019-12-31_old-format.csv',
      },
    );
    expect(old.sensors.map((sensor) => sensor.capacity)).toEqual([undefined, undefined]);
    expect(old.observations).toHaveLength(4);
    expect(old.issues).toEqual([]);
  });

  it('reports a file without a header instead of guessing', () => {
    const broken = parseParkingCsv('"2026-08-01 00:00",1,2\n', { file: 'broken.csv' });
    expect(broken.sensors).toEqual([]);
    expect(broken.issues[0]).toMatchObject({ code: 'missing-header', severity: 'error', line: 1 });
  });

  it('reads back what the writer writes', () => {
    const start = Date.UTC(2026, 7, 2, 22, 0);
    const text = writeParkingCsv({
      carParks: [
        { name: 'PH Theater', capacity: 743 },
        { name: 'PP Schlossplatz Süd', capacity: 460 },
      ],
      rows: [
        { time: start, cells: [700, 'ges'] },
        { time: start + 300_000, cells: ['bes', 12] },
      ],
    });
    expect(text.split('\r\n')[2]).toBe('"2026-08-03 00:00",700,"ges"');
    const again = parseParkingCsv(text, { file: 'generated.csv' });
    expect(again.issues).toEqual([]);
    expect(again.sensors.map((sensor) => sensor.capacity)).toEqual([743, 460]);
    expect(again.observations.map((item) => [item.time - start, item.value, item.state ?? ''])).toEqual([
      [0, 700, ''],
      [0, null, 'closed'],
      [300_000, 0, 'full'],
      [300_000, 12, ''],
    ]);
  });
});
