import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../validation/issues';
import { readGeoJsonRestrictionZones, restrictionZonesFromOpenAir } from './airspaceZones';
import { checkCorridors } from './checkCorridors';
import { prepareRestrictionZones } from './corridorPlane';
import type { Corridor, LonLat } from './corridorScene';
import { parseOpenAir } from './parseOpenAir';

// The shared real data sits next to the repository: <repo>/../shared/data (its README, section 6). Read in place.
const airspaceFolder = fileURLToPath(new URL('../../../../shared/data/airspace/', import.meta.url));
const openAirFile = `${airspaceFolder}airspace_muensterland.openair.txt`;
const geoJsonFile = `${airspaceFolder}airspace_muensterland.geojson`;
const hasRealData = existsSync(openAirFile) && existsSync(geoJsonFile);
if (!hasRealData)
  console.log(`Real OpenAir tests skipped: ${openAirFile} or its GeoJSON twin does not exist.`);

const SOURCE = {
  source: 'shared/data/airspace',
  licence: 'MIT repository, no data licence; not for navigation',
};

/** Metres east and north of a reference latitude (equirectangular; plenty for comparing two outlines). */
function toMeters([longitude, latitude]: LonLat, referenceLatitude: number): [number, number] {
  const metresPerDegree = (Math.PI / 180) * 6371000;
  return [
    longitude * metresPerDegree * Math.cos((referenceLatitude * Math.PI) / 180),
    latitude * metresPerDegree,
  ];
}

function distanceToRing(point: [number, number], ring: [number, number][]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let index = 0; index < ring.length; index++) {
    const [ax, ay] = ring[index]!;
    const [bx, by] = ring[(index + 1) % ring.length]!;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t =
      lengthSquared === 0
        ? 0
        : Math.max(0, Math.min(1, ((point[0] - ax) * dx + (point[1] - ay) * dy) / lengthSquared));
    best = Math.min(best, Math.hypot(point[0] - ax - t * dx, point[1] - ay - t * dy));
  }
  return best;
}

/** The largest distance of a vertex of either outline from the other outline, metres (a Hausdorff distance). */
function outlineDistanceMeters(a: LonLat[], b: LonLat[]): number {
  const latitude = a[0]![1];
  const ringA = a.map((point) => toMeters(point, latitude));
  const ringB = b.map((point) => toMeters(point, latitude));
  let worst = 0;
  for (const point of ringA) worst = Math.max(worst, distanceToRing(point, ringB));
  for (const point of ringB) worst = Math.max(worst, distanceToRing(point, ringA));
  return worst;
}

describe.skipIf(!hasRealData)('parseOpenAir on the real Münsterland excerpt', () => {
  const text = hasRealData ? readFileSync(openAirFile, 'utf8') : '';
  const geoJson = hasRealData
    ? (JSON.parse(readFileSync(geoJsonFile, 'utf8')) as {
        features: { properties: { name: string; class: string }; geometry: { coordinates: LonLat[][] } }[];
      })
    : { features: [] };
  const { airspaces, issues } = parseOpenAir(text, 'airspace_muensterland.openair.txt');

  it('reads all 13 blocks without an issue', () => {
    expect(issues.map(formatIssue)).toEqual([]);
    expect(airspaces).toHaveLength(13);
    expect(airspaces.map((airspace) => airspace.name)).toEqual(
      geoJson.features.map((feature) => feature.properties.name),
    );
  });

  it('has the Münster control zone from the ground to 2500 ft MSL, north of the city centre', () => {
    const ctr = airspaces.find((airspace) => airspace.name === 'CTR Muenster')!;
    expect(ctr.airspaceClass).toBe('CTR');
    expect(ctr.lowerLimit).toEqual({ reference: 'AGL', heightMeters: 0, label: 'GND' });
    expect(ctr.upperLimit).toEqual({ reference: 'MSL', heightMeters: 762, label: '2500ft MSL' });
    const latitudes = ctr.ring.map((point) => point[1]);
    expect(Math.min(...latitudes)).toBeCloseTo(52.036, 3);
    expect(Math.max(...latitudes)).toBeCloseTo(52.235, 3);
    // The Prinzipalmarkt (51.962 N) lies south of it.
    expect(Math.min(...latitudes)).toBeGreaterThan(51.962);
  });

  it('matches every outline of the derived GeoJSON to within 20 m', () => {
    // Straight outlines agree to the GeoJSON's rounding (0.1 m). Arcs and circles differ by up to ~17 m: the
    // GeoJSON was densified on a sphere of radius 6371 km, ours on the WGS84 ellipsoid (the 2 NM circle of PARA
    // Sendenhorst is 0.3 % wider east–west there), plus the chord sag of each side's own vertex spacing.
    airspaces.forEach((airspace, index) => {
      const reference = geoJson.features[index]!.geometry.coordinates[0]!;
      const distance = outlineDistanceMeters(airspace.ring, reference);
      expect(distance, airspace.name).toBeLessThan(20);
      if (!['CTR Muenster', 'PARA Sendenhorst 126.730'].includes(airspace.name))
        expect(distance, airspace.name).toBeLessThan(0.5);
    });
  });

  it('spans the bounding box the data README gives', () => {
    const points = airspaces.flatMap((airspace) => airspace.ring);
    const longitudes = points.map((point) => point[0]);
    const latitudes = points.map((point) => point[1]);
    expect(Math.min(...longitudes)).toBeCloseTo(6.205, 3);
    expect(Math.max(...longitudes)).toBeCloseTo(9.885, 3);
    expect(Math.min(...latitudes)).toBeCloseTo(50.852, 3);
    expect(Math.max(...latitudes)).toBeCloseTo(52.274, 3);
  });

  it('turns the blocks into restriction zones: the CTR a conflict, the danger areas warnings', () => {
    const zones = restrictionZonesFromOpenAir(airspaces, SOURCE);
    expect(new Set(zones.map((zone) => zone.id)).size).toBe(13);
    const ctr = zones.find((zone) => zone.id === 'airspace-ctr-muenster')!;
    expect(ctr).toMatchObject({ category: 'control-zone', severity: 'conflict' });
    expect(ctr.source).toContain('line 66');
    expect(zones.find((zone) => zone.id === 'airspace-lfa-2')).toMatchObject({ severity: 'warning' });
    expect(zones.filter((zone) => zone.id.startsWith('airspace-tmz-eddg'))).toHaveLength(4);
  });

  it('reads the derived GeoJSON as zones with the same limits', () => {
    const { zones, issues: geoJsonIssues } = readGeoJsonRestrictionZones(
      geoJson,
      'airspace_muensterland.geojson',
      SOURCE,
    );
    expect(geoJsonIssues).toEqual([]);
    expect(zones).toHaveLength(13);
    const ctr = zones.find((zone) => zone.name.de === 'CTR Muenster')!;
    expect(ctr.lowerLimit).toMatchObject({ reference: 'AGL', heightMeters: 0 });
    expect(ctr.upperLimit).toMatchObject({ reference: 'MSL', heightMeters: 762 });
    expect(zones.find((zone) => zone.name.de === 'LFA 3')!.lowerLimit).toMatchObject({
      reference: 'AGL',
      heightMeters: 76.2,
    });
  });

  it('finds where a corridor from Coerde north towards Greven enters the control zone, and nothing else', () => {
    const corridor: Corridor = {
      id: 'coerde-greven',
      name: { de: 'Coerde – Greven' },
      purpose: 'other',
      operationCategory: 'specific',
      centreLine: [
        [7.64, 51.99],
        [7.61, 52.09],
      ],
      widthMeters: 40,
      floor: { reference: 'AGL', heightMeters: 30 },
      ceiling: { reference: 'AGL', heightMeters: 100 },
      cruiseSpeedMetersPerSecond: 15,
      operatingHours: [{ weekdays: ['mon'], from: '08:00', to: '09:00' }],
      accuracyMeters: 1,
      source: 'test',
    };
    const zones = prepareRestrictionZones(restrictionZonesFromOpenAir(airspaces, SOURCE));
    const [report] = checkCorridors({ corridors: [corridor], zones });
    expect(report!.findings).toHaveLength(1);
    const finding = report!.findings[0]!;
    // Ground 60 m: the corridor spans 90–160 m MSL, all of it under the CTR's 762 m (2500 ft).
    expect(finding).toMatchObject({
      rule: 'restriction-zone',
      severity: 'conflict',
      zoneId: 'airspace-ctr-muenster',
      overlapBottomMeters: 90,
      overlapTopMeters: 160,
    });
    // The CTR's southern arc crosses the line at about 52.064° N, 8.3 km from Coerde; the corridor runs on to its end.
    expect(finding.position.latitudeDegrees).toBeGreaterThan(52.06);
    expect(finding.position.latitudeDegrees).toBeLessThan(52.07);
    expect(finding.fromMeters).toBeGreaterThan(8000);
    expect(finding.toMeters).toBeCloseTo(report!.lengthMeters, 6);
    expect(report!.status).toBe('conflict');
  });
});
