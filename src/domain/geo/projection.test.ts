import { describe, expect, it } from 'vitest';
import { geographicToUtm32, utm32ToGeographic } from './projection';

// Reference values computed independently with PROJ 9.1.1 (`cs2cs EPSG:4326 EPSG:25832`, Debian proj-bin).
const KNOWN_POINTS = [
  {
    name: 'NRW tile corner 405_5757',
    eastingMeters: 405000,
    northingMeters: 5757000,
    latitudeDegrees: 51.955576409,
    longitudeDegrees: 7.617515835,
  },
  {
    name: 'Prinzipalmarkt',
    eastingMeters: 405754.7023,
    northingMeters: 5757711.4886,
    latitudeDegrees: 51.9621,
    longitudeDegrees: 7.6283,
  },
  {
    name: 'Aasee buoy',
    eastingMeters: 404782.1517,
    northingMeters: 5757178.9919,
    latitudeDegrees: 51.957148,
    longitudeDegrees: 7.614297,
  },
  {
    name: 'central meridian of zone 32 at 52°N',
    eastingMeters: 500000,
    northingMeters: 5761038.2125,
    latitudeDegrees: 52,
    longitudeDegrees: 9,
  },
];

describe('EPSG:25832 ↔ WGS84', () => {
  it.each(KNOWN_POINTS)('projects $name to within a millimetre of PROJ', (point) => {
    const projected = geographicToUtm32(point);
    expect(projected.eastingMeters).toBeCloseTo(point.eastingMeters, 3);
    expect(projected.northingMeters).toBeCloseTo(point.northingMeters, 3);
  });

  it.each(KNOWN_POINTS)('unprojects $name to within 1e-8 degrees of PROJ', (point) => {
    const geographic = utm32ToGeographic(point);
    expect(geographic.longitudeDegrees).toBeCloseTo(point.longitudeDegrees, 8);
    expect(geographic.latitudeDegrees).toBeCloseTo(point.latitudeDegrees, 8);
  });

  it('round-trips a point across Münster without drift', () => {
    const start = { eastingMeters: 401234.567, northingMeters: 5755432.109 };
    const back = geographicToUtm32(utm32ToGeographic(start));
    expect(back.eastingMeters).toBeCloseTo(start.eastingMeters, 6);
    expect(back.northingMeters).toBeCloseTo(start.northingMeters, 6);
  });
});
