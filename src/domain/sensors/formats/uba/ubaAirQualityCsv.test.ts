import { describe, expect, it } from 'vitest';
import { parseUbaAirQualityCsv, ubaColumnPhenomenon } from './parseUbaAirQualityCsv';

const HEADER =
  '"Station code";Date;"Particulate matter (PM₁₀) Daily average (hourly floating) in µg/m³";"Ozone (O₃) One hour average in µg/m³";' +
  '"Nitrogen dioxide (NO₂) One hour average in µg/m³";"Particulate matter (PM₂,₅) Daily average (hourly floating) in µg/m³";"Air quality index"';

describe('parseUbaAirQualityCsv', () => {
  const parsed = parseUbaAirQualityCsv(
    [
      HEADER,
      `DENW095;"'2023-01-01 23:00'";15;57;7;-;"very good"`,
      `DENW095;"'2023-01-01 24:00'";16;x;8;4;good`,
      `DENW095;"'2023-01-0 01:00'";16;50;8;4;good`,
      `;"'2023-01-02 02:00'";16;50;8;4;good`,
      `DENW095;"'2023-01-02 01:00'";-;-;-;-;-`,
    ].join('\n'),
    { file: 'uba_DENW095.csv' },
  );

  it('recognises the pollutant columns and the station', () => {
    expect(parsed.sensors).toEqual([
      expect.objectContaining({
        id: 'uba:DENW095',
        name: 'UBA Münster-Geist',
        kind: 'air-station',
        phenomena: [
          { phenomenon: 'pm10', intervalSeconds: 3600 },
          { phenomenon: 'o3', intervalSeconds: 3600 },
          { phenomenon: 'no2', intervalSeconds: 3600 },
          { phenomenon: 'pm2_5', intervalSeconds: 3600 },
        ],
      }),
    ]);
    expect(parsed.sensors[0]!.attribution).toContain('Umweltbundesamt');
  });

  it('stamps each value at the end of its hour, 24:00 being midnight', () => {
    const pm10 = parsed.observations.filter((item) => item.phenomenon === 'pm10');
    expect(pm10.map((item) => [new Date(item.time).toISOString(), item.value, item.unit])).toEqual([
      ['2023-01-01T22:00:00.000Z', 15, 'µg/m³'],
      ['2023-01-01T23:00:00.000Z', 16, 'µg/m³'],
    ]);
  });

  it('skips "-" silently and bad rows with an issue', () => {
    expect(parsed.observations).toHaveLength(6);
    expect(parsed.rowCount).toBe(5);
    expect(parsed.issueCounts).toEqual({
      'ignored-column': 1,
      'bad-value': 1,
      'bad-time': 1,
      'bad-station': 1,
    });
    expect(parsed.issues.find((issue) => issue.code === 'bad-value')).toMatchObject({
      line: 3,
      field: 'Ozone (O₃) One hour average in µg/m³',
    });
  });

  it('reads German headers too', () => {
    expect(
      [
        'Feinstaub (PM₁₀) Tagesmittel (stündlich gleitend) in µg/m³',
        'Ozon (O₃) Ein-Stunden-Mittelwert in µg/m³',
        'Stickstoffdioxid (NO₂) Ein-Stunden-Mittelwert in µg/m³',
        'Luftqualitätsindex',
      ].map(ubaColumnPhenomenon),
    ).toEqual(['pm10', 'o3', 'no2', undefined]);
  });
});
