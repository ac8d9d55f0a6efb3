import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../validation/issues';
import type { LonLat } from './corridorScene';
import { parseOpenAirAltitude, parseOpenAirCoordinate } from './openAirValues';
import { parseOpenAir } from './parseOpenAir';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

// Distances near a centre from the ellipsoid's local radii of curvature (independent of the parser's projection):
// good to about 0.5 m at 4 km (checked against Vincenty's formula, which puts the parser's points at 3704.000 m).
const A = 6378137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
function offsetMeters(centre: LonLat, point: LonLat): { east: number; north: number } {
  const latitude = (centre[1] * Math.PI) / 180;
  const w = Math.sqrt(1 - E2 * Math.sin(latitude) ** 2);
  const meridional = (A * (1 - E2)) / w ** 3;
  const primeVertical = A / w;
  return {
    east: ((point[0] - centre[0]) * Math.PI * primeVertical * Math.cos(latitude)) / 180,
    north: ((point[1] - centre[1]) * Math.PI * meridional) / 180,
  };
}
const distanceMeters = (centre: LonLat, point: LonLat) => {
  const { east, north } = offsetMeters(centre, point);
  return Math.hypot(east, north);
};
const bearingDegrees = (centre: LonLat, point: LonLat) => {
  const { east, north } = offsetMeters(centre, point);
  return ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360;
};

const CENTRE: LonLat = [7.5, 52];

/** Difference of two bearings, degrees, in [0, 180]. */
const angleBetween = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

describe('parseOpenAir on hand-written airspaces', () => {
  const { airspaces, issues } = parseOpenAir(fixture('arcsCirclesAndLimits.openair.txt'), 'arcs.txt');
  const byName = (name: string) => airspaces.find((airspace) => airspace.name === name)!;

  it('reads every block without issues', () => {
    expect(issues.map(formatIssue)).toEqual([]);
    expect(airspaces.map((airspace) => airspace.name)).toEqual([
      'Circle one mile',
      'Clockwise quarter',
      'Counter-clockwise three quarters',
      'Point arc and decimal minutes',
    ]);
  });

  it('densifies a 1 NM circle: every vertex 1852 m from the centre, at most 5° apart', () => {
    const circle = byName('Circle one mile');
    expect(circle.ring.length).toBe(72);
    for (const point of circle.ring) expect(Math.abs(distanceMeters(CENTRE, point) - 1852)).toBeLessThan(1);
    expect(angleBetween(bearingDegrees(CENTRE, circle.ring[0]!), 0)).toBeLessThan(0.05);
    expect(angleBetween(bearingDegrees(CENTRE, circle.ring[18]!), 90)).toBeLessThan(0.05);
  });

  it('runs a DA arc clockwise by default and counter-clockwise after V D=-', () => {
    const clockwise = byName('Clockwise quarter').ring.slice(1); // the first point is the centre (DP)
    const counter = byName('Counter-clockwise three quarters').ring.slice(1);
    for (const ring of [clockwise, counter]) {
      for (const point of ring) expect(Math.abs(distanceMeters(CENTRE, point) - 3704)).toBeLessThan(1);
      expect(angleBetween(bearingDegrees(CENTRE, ring[0]!), 90)).toBeLessThan(0.05);
      expect(angleBetween(bearingDegrees(CENTRE, ring.at(-1)!), 180)).toBeLessThan(0.05);
    }
    // Clockwise from east to south stays in the south-east quarter; the other way round passes north and west.
    expect(clockwise.every((point) => point[0] >= CENTRE[0] - 1e-9 && point[1] <= CENTRE[1] + 1e-9)).toBe(
      true,
    );
    const bearings = counter.map((point) => bearingDegrees(CENTRE, point));
    expect(bearings.some((bearing) => angleBetween(bearing, 0) < 3)).toBe(true);
    expect(bearings.some((bearing) => angleBetween(bearing, 270) < 3)).toBe(true);
  });

  it('draws a DB arc from its start to its end point around the centre, joining the points before and after', () => {
    const ring = byName('Point arc and decimal minutes').ring;
    expect(ring[0]).toEqual([7 + 20 / 60, 52]);
    expect(ring[1]).toEqual([7.5, 52 + 1 / 60]);
    const arcEnd = ring.findIndex((point) => point[0] === 7 + 31 / 60 + 37.5 / 3600);
    expect(arcEnd).toBeGreaterThan(2);
    for (const point of ring.slice(1, arcEnd + 1)) {
      const bearing = bearingDegrees(CENTRE, point);
      expect(angleBetween(bearing, 45)).toBeLessThan(45.01);
      expect(distanceMeters(CENTRE, point)).toBeGreaterThan(1850);
      expect(distanceMeters(CENTRE, point)).toBeLessThan(1862);
    }
    expect(ring.at(-1)![1]).toBeCloseTo(51 + 58 / 60 + 0.5 / 3600, 9);
  });

  it('turns every altitude form into a limit that keeps its text', () => {
    expect(byName('Circle one mile').lowerLimit).toEqual({ reference: 'AGL', heightMeters: 0, label: 'SFC' });
    expect(byName('Circle one mile').upperLimit).toEqual({
      reference: 'AGL',
      heightMeters: 1500,
      label: '1500 m AGL',
    });
    expect(byName('Clockwise quarter').lowerLimit).toEqual({
      reference: 'FL',
      flightLevel: 65,
      label: 'FL 65',
    });
    expect(byName('Clockwise quarter').upperLimit).toEqual({ reference: 'UNL', label: 'UNL' });
    expect(byName('Counter-clockwise three quarters').lowerLimit).toMatchObject({ reference: 'MSL' });
    expect(byName('Counter-clockwise three quarters').lowerLimit).toHaveProperty(
      'heightMeters',
      3500 * 0.3048,
    );
    expect(byName('Point arc and decimal minutes').lowerLimit).toMatchObject({
      reference: 'AGL',
      heightMeters: 152.4,
    });
    expect(byName('Point arc and decimal minutes').upperLimit).toEqual({
      reference: 'MSL',
      heightMeters: 762,
      label: '2500ft MSL',
    });
  });
});

describe('parseOpenAir on bad input', () => {
  it('leaves out a broken block, names file, line and airspace, and still reads the blocks around it', () => {
    const { airspaces, issues } = parseOpenAir(fixture('oneBrokenBlockAmongGood.openair.txt'), 'zones.txt');
    expect(airspaces.map((airspace) => airspace.name)).toEqual(['Good square', 'Good triangle']);
    expect(airspaces[0]!.ring).toHaveLength(4);
    expect(issues.map((issue) => [issue.line, issue.code, issue.airspaceName])).toEqual([
      [17, 'openair_bad_coordinate', 'Broken block'],
      [18, 'openair_no_centre', 'Broken block'],
    ]);
    expect(formatIssue(issues[0]!)).toMatch(
      /^zones\.txt line 17: airspace "Broken block" \(AC at line 12\) left out: point \(DP\): latitude: minutes 61 are not below 60/,
    );
  });

  it('reports a missing limit, an unknown unit, an unknown record and text outside any block', () => {
    const { airspaces, issues } = parseOpenAir(
      fixture('missingLimitsAndUnknownRecord.openair.txt'),
      'odd.txt',
    );
    expect(airspaces).toEqual([]);
    expect(issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
      'line 1 openair_outside_block',
      'line 2 openair_missing_field',
      'line 12 openair_bad_altitude',
      'line 14 openair_unknown_record',
    ]);
    expect(issues[1]!.message).toContain('AH (upper limit)');
  });
});

describe('OpenAir values', () => {
  it('reads coordinates with seconds, decimal minutes or decimal seconds, with or without spaces', () => {
    expect(parseOpenAirCoordinate('52:07:20 N 008:18:40 E').value).toEqual([
      8 + 18 / 60 + 40 / 3600,
      52 + 7 / 60 + 20 / 3600,
    ]);
    expect(parseOpenAirCoordinate('52:07.5 N 007:30.25 E').value).toEqual([7 + 30.25 / 60, 52 + 7.5 / 60]);
    expect(parseOpenAirCoordinate('52:07:20.5N 008:18:40W').value).toEqual([
      -(8 + 18 / 60 + 40 / 3600),
      52 + 7 / 60 + 20.5 / 3600,
    ]);
    expect(parseOpenAirCoordinate('33:51:00 S 151:12:00 E').value![1]).toBeLessThan(0);
    expect(parseOpenAirCoordinate('52:07:20 N').error).toMatch(/not a coordinate/);
    expect(parseOpenAirCoordinate('95:00:00 N 008:00:00 E').error).toMatch(/beyond 90/);
  });

  it('reads feet, metres, flight levels and ground references', () => {
    expect(parseOpenAirAltitude('GND').value).toMatchObject({ reference: 'AGL', heightMeters: 0 });
    expect(parseOpenAirAltitude('FL80').value).toMatchObject({ reference: 'FL', flightLevel: 80 });
    expect(parseOpenAirAltitude('1000ft AGL').value).toMatchObject({ reference: 'AGL', heightMeters: 304.8 });
    expect(parseOpenAirAltitude('300m AMSL').value).toMatchObject({ reference: 'MSL', heightMeters: 300 });
    expect(parseOpenAirAltitude('2000 ft ASFC').value).toMatchObject({
      reference: 'AGL',
      heightMeters: 609.6,
    });
    expect(parseOpenAirAltitude('UNLTD').value).toMatchObject({ reference: 'UNL' });
    expect(parseOpenAirAltitude('high').error).toMatch(/not an altitude/);
    expect(parseOpenAirAltitude('500ft QNH').error).toMatch(/not an altitude reference/);
  });
});
