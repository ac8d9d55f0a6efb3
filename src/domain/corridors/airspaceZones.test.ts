import { describe, expect, it } from 'vitest';
import { readGeoJsonRestrictionZones } from './airspaceZones';

const SOURCE = { source: 'hand-written', licence: 'none', idPrefix: 'geo' };
const square = [
  [7.6, 51.9],
  [7.61, 51.9],
  [7.61, 51.91],
  [7.6, 51.91],
  [7.6, 51.9],
];

function feature(
  properties: Record<string, unknown>,
  geometry: unknown = { type: 'Polygon', coordinates: [square] },
) {
  return { type: 'Feature', properties, geometry };
}

describe('readGeoJsonRestrictionZones', () => {
  it('reads limits as text or as objects, keeps classes and names, and drops the closing point', () => {
    const { zones, issues } = readGeoJsonRestrictionZones(
      {
        type: 'FeatureCollection',
        features: [
          feature({ name: 'Klinik', class: 'Q', lower_limit: 'GND', upper_limit: '300ft AGL' }),
          feature({
            name: 'Sperrgebiet',
            class: 'R',
            lowerLimit: { reference: 'MSL', heightMeters: 0 },
            upperLimit: { reference: 'FL', flightLevel: 50 },
          }),
          feature(
            { AN: 'Zwei Teile', AL: 'SFC', AH: 'UNL' },
            { type: 'MultiPolygon', coordinates: [[square], [square.map(([x, y]) => [x! + 0.1, y!])]] },
          ),
        ],
      },
      'zones.geojson',
      SOURCE,
    );
    expect(issues).toEqual([]);
    expect(zones.map((zone) => [zone.id, zone.severity, zone.geometry.type])).toEqual([
      ['geo-klinik', 'warning', 'polygon'],
      ['geo-sperrgebiet', 'conflict', 'polygon'],
      ['geo-zwei-teile', 'warning', 'polygon'],
      ['geo-zwei-teile-2', 'warning', 'polygon'],
    ]);
    expect(zones[0]!.upperLimit).toMatchObject({ reference: 'AGL', heightMeters: 91.44, label: '300ft AGL' });
    expect(zones[0]!.geometry).toMatchObject({ coordinates: square.slice(0, 4) });
    expect(zones[1]!.source).toBe('hand-written (zones.geojson, feature 1)');
  });

  it('leaves out features it cannot read and names each field', () => {
    const { zones, issues } = readGeoJsonRestrictionZones(
      {
        type: 'FeatureCollection',
        features: [
          feature({ name: 'ohne Obergrenze', lower_limit: 'GND' }),
          feature({
            name: 'Unsinn',
            lower_limit: 'tief',
            upper_limit: { reference: 'QNH', heightMeters: 3 },
          }),
          feature(
            { name: 'Punkt', lower_limit: 'GND', upper_limit: 'UNL' },
            { type: 'Point', coordinates: [7.6, 51.9] },
          ),
          feature({ name: 'gut', lower_limit: 'GND', upper_limit: 'UNL' }),
        ],
      },
      'zones.geojson',
      SOURCE,
    );
    expect(zones.map((zone) => zone.name.de)).toEqual(['gut']);
    expect(issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
      '$.features[0].properties.upper_limit missing_limit',
      '$.features[1].properties.lower_limit invalid_limit',
      '$.features[1].properties.upper_limit invalid_limit',
      '$.features[2].geometry invalid_geometry',
    ]);
    expect(readGeoJsonRestrictionZones({ type: 'Feature' }, 'x.geojson', SOURCE).issues[0]).toMatchObject({
      code: 'invalid_geojson',
      file: 'x.geojson',
    });
  });
});
