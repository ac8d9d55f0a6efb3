import { describe, expect, it } from 'vitest';
import {
  dot,
  eastNorthUpAxes,
  eastNorthUpToEcefTransform,
  ecefToGeodetic,
  geodeticToEcef,
  WGS84_FLATTENING,
  WGS84_SEMI_MAJOR_AXIS_METERS,
} from './earthFrames';

const PRINZIPALMARKT = { longitudeRadians: 0.13314, latitudeRadians: 0.90691, heightMeters: 104.2 };

describe('earth frames', () => {
  it('puts the equator, the prime meridian and the pole where the ellipsoid says', () => {
    expect(geodeticToEcef({ longitudeRadians: 0, latitudeRadians: 0, heightMeters: 0 })).toEqual([
      WGS84_SEMI_MAJOR_AXIS_METERS,
      0,
      0,
    ]);
    const pole = geodeticToEcef({ longitudeRadians: 0, latitudeRadians: Math.PI / 2, heightMeters: 10 });
    expect(pole[2]).toBeCloseTo(WGS84_SEMI_MAJOR_AXIS_METERS * (1 - WGS84_FLATTENING) + 10, 6);
  });

  it('converts ECEF back to the same geodetic position, to well under a millimetre', () => {
    const back = ecefToGeodetic(geodeticToEcef(PRINZIPALMARKT));
    expect(back.longitudeRadians).toBeCloseTo(PRINZIPALMARKT.longitudeRadians, 12);
    expect(back.latitudeRadians).toBeCloseTo(PRINZIPALMARKT.latitudeRadians, 12);
    expect(back.heightMeters).toBeCloseTo(PRINZIPALMARKT.heightMeters, 6);
  });

  it('builds an orthonormal, right-handed east-north-up frame and its column-major transform', () => {
    const { east, north, up } = eastNorthUpAxes(PRINZIPALMARKT);
    expect(dot(east, north)).toBeCloseTo(0, 12);
    expect(dot(east, up)).toBeCloseTo(0, 12);
    expect(dot(north, up)).toBeCloseTo(0, 12);
    const eastCrossNorth = [
      east[1] * north[2] - east[2] * north[1],
      east[2] * north[0] - east[0] * north[2],
      east[0] * north[1] - east[1] * north[0],
    ];
    eastCrossNorth.forEach((value, axis) => expect(value).toBeCloseTo(up[axis]!, 12));
    const transform = eastNorthUpToEcefTransform(PRINZIPALMARKT);
    expect(transform.slice(12, 15)).toEqual(geodeticToEcef(PRINZIPALMARKT));
    expect(transform.slice(8, 11)).toEqual(up);
    expect(transform[15]).toBe(1);
  });
});
