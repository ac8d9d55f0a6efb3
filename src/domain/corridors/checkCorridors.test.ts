import { describe, expect, it } from 'vitest';
import { utm32ToGeographic } from '../geo/projection';
import { checkCorridor, checkCorridors } from './checkCorridors';
import { createBuildingIndex, type CorridorBuilding } from './corridorBuildings';
import { prepareRestrictionZones } from './corridorPlane';
import type { Corridor, LonLat, RestrictionZone } from './corridorScene';
import type { CorridorFinding } from './corridorFindings';

// Everything is laid out on the EPSG:25832 plane near the Prinzipalmarkt: a corridor runs 1000 m due east (grid)
// from (405000, 5757000), 40 m wide (half width 20 m). The ground is Münster's default 60 m unless a test says so.
const X0 = 405000;
const Y0 = 5757000;
const lonLat = (x: number, y: number): LonLat => {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({ eastingMeters: x, northingMeters: y });
  return [longitudeDegrees, latitudeDegrees];
};

function eastCorridor(overrides: Partial<Corridor> = {}): Corridor {
  return {
    id: 'east',
    name: { de: 'Ost' },
    purpose: 'medical-transport',
    operationCategory: 'open',
    centreLine: [lonLat(X0, Y0), lonLat(X0 + 1000, Y0)],
    widthMeters: 40,
    floor: { reference: 'AGL', heightMeters: 30 },
    ceiling: { reference: 'AGL', heightMeters: 60 },
    cruiseSpeedMetersPerSecond: 10,
    operatingHours: [{ weekdays: ['mon'], from: '08:00', to: '12:00' }],
    accuracyMeters: 1,
    source: 'test',
    ...overrides,
  };
}

function box(
  id: string,
  [west, south, east, north]: number[],
  topHeightMeters: number,
  extra: Partial<CorridorBuilding> = {},
): CorridorBuilding {
  return {
    id,
    footprint: [
      [X0 + west!, Y0 + south!],
      [X0 + east!, Y0 + south!],
      [X0 + east!, Y0 + north!],
      [X0 + west!, Y0 + north!],
    ],
    footprintCrs: 'EPSG:25832',
    baseHeightMeters: 60,
    topHeightMeters,
    ...extra,
  };
}

function squareZone(
  id: string,
  [west, south, east, north]: number[],
  limits: Pick<RestrictionZone, 'lowerLimit' | 'upperLimit'>,
): RestrictionZone {
  return {
    id,
    name: { de: id },
    category: 'other',
    geometry: {
      type: 'polygon',
      coordinates: [
        lonLat(X0 + west!, Y0 + south!),
        lonLat(X0 + east!, Y0 + south!),
        lonLat(X0 + east!, Y0 + north!),
        lonLat(X0 + west!, Y0 + north!),
      ],
    },
    ...limits,
    severity: 'conflict',
    legalBasis: 'test rule',
    requirement: { de: 'Freigabe' },
    accuracyMeters: 1,
    source: 'test',
    licence: 'none',
  };
}

const rulesOf = (findings: CorridorFinding[]) =>
  findings.map((finding) => `${finding.rule} ${finding.severity}`);

describe('clearance from buildings', () => {
  const buildings = createBuildingIndex([
    box('tall-on-the-line', [400, -10, 420, 10], 110),
    box('just-below-the-floor', [600, -5, 610, 5], 85),
    box('tall-beside', [800, 25, 820, 45], 100),
    box('tall-far-beside', [900, 40, 920, 60], 200),
    box('house-under', [200, -5, 210, 5], 70, { functionCode: '31001_1010', storeysAboveGround: 2 }),
  ]);
  const [report] = checkCorridors({ corridors: [eastCorridor()], buildings });

  it('finds the tall building inside the corridor, where the line enters it', () => {
    const intrusion = report!.findings.find((finding) => finding.rule === 'building-intrusion')!;
    expect(intrusion).toMatchObject({
      severity: 'conflict',
      buildingId: 'tall-on-the-line',
      verticalClearanceMeters: -20, // floor 60 + 30 = 90 m, top 110 m
      lateralClearanceMeters: -20, // the footprint reaches the centre line: 20 m inside the side
    });
    expect(intrusion.fromMeters).toBeCloseTo(400, 6);
    const [longitude, latitude] = lonLat(X0 + 400, Y0);
    expect(intrusion.position.longitudeDegrees).toBeCloseTo(longitude, 7);
    expect(intrusion.position.latitudeDegrees).toBeCloseTo(latitude, 7);
    expect(intrusion.position.heightMeters).toBe(110);
  });

  it('warns of a roof 5 m under the floor and of a tall building 5 m beside the corridor (minimums 10 m)', () => {
    const warnings = report!.findings.filter((finding) => finding.rule === 'building-clearance');
    expect(warnings.map((finding) => ('buildingId' in finding ? finding.buildingId : ''))).toEqual([
      'just-below-the-floor',
      'tall-beside',
    ]);
    expect(warnings[0]).toMatchObject({ verticalClearanceMeters: 5, fromMeters: expect.closeTo(600, 6) });
    expect(warnings[1]).toMatchObject({
      lateralClearanceMeters: expect.closeTo(5, 6),
      verticalClearanceMeters: -10,
    });
    expect(warnings[1]!.fromMeters).toBeGreaterThan(799.9);
    expect(warnings[1]!.fromMeters).toBeLessThan(820.1);
  });

  it('reports the lowest clearances and who is overflown', () => {
    expect(report!.clearance.lowestVertical).toMatchObject({
      buildingId: 'tall-on-the-line',
      clearanceMeters: -20,
    });
    expect(report!.clearance.lowestLateral).toMatchObject({
      buildingId: 'tall-beside',
      clearanceMeters: expect.closeTo(5, 6),
    });
    expect(report!.overflown).toMatchObject({ buildingCount: 3, residentialBuildingCount: 1 });
    // 10 m × 10 m × 2 storeys × 0.75 living/gross ÷ 47.4 m² per resident = 3.2 people.
    expect(report!.overflown.estimatedResidents).toBe(3);
    expect(report!.overflown.buildings.map((building) => building.buildingId)).toEqual([
      'house-under',
      'tall-on-the-line',
      'just-below-the-floor',
    ]);
    const residential = report!.findings.find((finding) => finding.rule === 'residential-overflight')!;
    expect(residential).toMatchObject({
      severity: 'warning',
      buildingIds: ['house-under'],
      estimatedResidents: 3,
      fromMeters: expect.closeTo(200, 6),
    });
    expect(report!.status).toBe('conflict');
  });

  it('is clear once the corridor flies high enough', () => {
    const [high] = checkCorridors({
      corridors: [
        eastCorridor({
          floor: { reference: 'MSL', heightMeters: 125 },
          ceiling: { reference: 'MSL', heightMeters: 170 },
        }),
      ],
      buildings,
    });
    expect(rulesOf(high!.findings)).toEqual(['residential-overflight warning']);
    expect(high!.clearance.lowestVertical?.clearanceMeters).toBeCloseTo(15, 6);
  });
});

describe('restriction zones in 3D', () => {
  const mslZone = squareZone('msl-100-150', [300, -100, 500, 100], {
    lowerLimit: { reference: 'MSL', heightMeters: 100 },
    upperLimit: { reference: 'MSL', heightMeters: 150 },
  });

  it('overlaps a zone from 100 m MSL when the corridor (30–60 m above 60 m ground) reaches 90–120 m MSL', () => {
    const [report] = checkCorridors({
      corridors: [eastCorridor()],
      zones: prepareRestrictionZones([mslZone]),
    });
    expect(rulesOf(report!.findings)).toEqual(['restriction-zone conflict']);
    const finding = report!.findings[0]!;
    expect(finding).toMatchObject({ zoneId: 'msl-100-150', overlapBottomMeters: 100, overlapTopMeters: 120 });
    // The footprint (20 m either side) meets the zone from 280 m along; pieces are 25 m long.
    expect(finding.fromMeters).toBeGreaterThan(274.9);
    expect(finding.fromMeters).toBeLessThan(280.1);
    expect(finding.toMeters).toBeGreaterThan(519.9);
    expect(finding.toMeters).toBeLessThan(525.1);
  });

  it('passes under the same zone where the ground is 30 m lower', () => {
    const [report] = checkCorridors(
      { corridors: [eastCorridor()], zones: prepareRestrictionZones([mslZone]) },
      { groundHeightMeters: () => 30 },
    );
    expect(report!.findings).toEqual([]);
    expect(report!.status).toBe('clear');
  });

  it('does not count touching: a floor exactly at a zone ceiling, a side exactly on its edge', () => {
    const lowZone = squareZone('gnd-30', [300, -100, 500, 100], {
      lowerLimit: { reference: 'AGL', heightMeters: 0 },
      upperLimit: { reference: 'AGL', heightMeters: 30 },
    });
    const besideZone = squareZone('beside', [300, 20, 500, 100], {
      lowerLimit: { reference: 'AGL', heightMeters: 0 },
      upperLimit: { reference: 'UNL' },
    });
    const [report] = checkCorridors({
      corridors: [eastCorridor()],
      zones: prepareRestrictionZones([lowZone, besideZone]),
    });
    expect(report!.findings).toEqual([]);
  });

  it('compares an MSL corridor with an AGL zone over the ground there', () => {
    const capped = squareZone('gnd-50', [300, -100, 500, 100], {
      lowerLimit: { reference: 'AGL', heightMeters: 0 },
      upperLimit: { reference: 'AGL', heightMeters: 50 },
    });
    const corridor = eastCorridor({
      floor: { reference: 'MSL', heightMeters: 115 },
      ceiling: { reference: 'MSL', heightMeters: 140 },
    });
    const input = { corridors: [corridor], zones: prepareRestrictionZones([capped]) };
    expect(checkCorridors(input, { groundHeightMeters: () => 60 })[0]!.findings).toEqual([]);
    const [raised] = checkCorridors(input, { groundHeightMeters: () => 70 });
    expect(raised!.findings).toEqual([
      expect.objectContaining({ rule: 'restriction-zone', overlapBottomMeters: 115, overlapTopMeters: 120 }),
    ]);
  });
});

describe('corridor against corridor', () => {
  const north = (overrides: Partial<Corridor>): Corridor =>
    eastCorridor({
      id: 'north',
      centreLine: [lonLat(X0 + 500, Y0 - 500), lonLat(X0 + 500, Y0 + 500)],
      widthMeters: 20,
      floor: { reference: 'AGL', heightMeters: 40 },
      ceiling: { reference: 'AGL', heightMeters: 80 },
      ...overrides,
    });

  it('is a conflict where the volumes cross at overlapping hours, naming when', () => {
    const reports = checkCorridors({
      corridors: [
        eastCorridor(),
        north({ operatingHours: [{ weekdays: ['mon', 'tue'], from: '11:00', to: '14:00' }] }),
      ],
    });
    for (const report of reports) {
      expect(rulesOf(report.findings)).toEqual(['corridor-overlap conflict']);
      expect(report.status).toBe('conflict');
    }
    const finding = reports[0]!.findings[0]!;
    expect(finding).toMatchObject({
      otherCorridorId: 'north',
      overlappingHours: [{ weekday: 'mon', from: '11:00', to: '12:00' }],
      overlapBottomMeters: 100,
      overlapTopMeters: 120,
    });
    // Crossing at 500 m along; the volumes touch within 20 + 10 m of it.
    expect(finding.fromMeters).toBeGreaterThan(449.9);
    expect(finding.toMeters).toBeLessThan(550.1);
    const [longitude, latitude] = lonLat(X0 + 500, Y0);
    expect(finding.position.longitudeDegrees).toBeCloseTo(longitude, 4);
    expect(finding.position.latitudeDegrees).toBeCloseTo(latitude, 4);
  });

  it('only notes the crossing when the hours never overlap, and ignores it when the heights differ', () => {
    const [disjoint] = checkCorridors({
      corridors: [
        eastCorridor(),
        north({ operatingHours: [{ weekdays: ['mon'], from: '12:00', to: '14:00' }] }),
      ],
    });
    expect(rulesOf(disjoint!.findings)).toEqual(['corridor-overlap info']);
    expect(disjoint!.status).toBe('clear');
    const [above] = checkCorridors({
      corridors: [
        eastCorridor(),
        north({
          floor: { reference: 'AGL', heightMeters: 60 },
          ceiling: { reference: 'AGL', heightMeters: 90 },
        }),
      ],
    });
    expect(above!.findings).toEqual([]);
  });

  it('checks an edited corridor against the others without checking them', () => {
    const edited = eastCorridor({ ceiling: { reference: 'AGL', heightMeters: 35 } });
    const report = checkCorridor(edited, { corridors: [eastCorridor(), north({})] });
    expect(rulesOf(report.findings)).toEqual([]);
    expect(report.corridorId).toBe('east');
    expect(report.flightDurationSeconds).toBeCloseTo(100, 6);
  });
});

describe('the 120 m limit of the open category', () => {
  it('is a conflict in the open category and a warning in the specific one', () => {
    const high = { ceiling: { reference: 'AGL', heightMeters: 130 } } as const;
    const [open] = checkCorridors({ corridors: [eastCorridor(high)] });
    expect(open!.findings).toEqual([
      expect.objectContaining({
        rule: 'legal-ceiling',
        severity: 'conflict',
        ceilingAboveGroundMeters: 130,
        limitMeters: 120,
        fromMeters: 0,
        toMeters: expect.closeTo(1000, 6),
      }),
    ]);
    const [specific] = checkCorridors({
      corridors: [eastCorridor({ ...high, operationCategory: 'specific' })],
    });
    expect(rulesOf(specific!.findings)).toEqual(['legal-ceiling warning']);
  });

  it('measures an MSL ceiling from the ground below: only where the ground drops', () => {
    const corridor = eastCorridor({ ceiling: { reference: 'MSL', heightMeters: 170 } });
    expect(checkCorridors({ corridors: [corridor] })[0]!.findings).toEqual([]);
    const eastOf600 = lonLat(X0 + 600, Y0)[0];
    const [report] = checkCorridors(
      { corridors: [corridor] },
      { groundHeightMeters: (longitude) => (longitude < eastOf600 ? 60 : 40) },
    );
    expect(report!.findings).toEqual([
      expect.objectContaining({
        rule: 'legal-ceiling',
        ceilingAboveGroundMeters: 130,
        fromMeters: expect.closeTo(600, 6),
        toMeters: expect.closeTo(1000, 6),
      }),
    ]);
    expect(report!.findings[0]!.position.heightMeters).toBe(170);
  });

  it('reports a corridor whose AGL floor reaches its MSL ceiling', () => {
    const corridor = eastCorridor({
      floor: { reference: 'AGL', heightMeters: 100 },
      ceiling: { reference: 'MSL', heightMeters: 150 },
    });
    const [report] = checkCorridors({ corridors: [corridor] });
    expect(report!.findings).toEqual([
      expect.objectContaining({
        rule: 'empty-volume',
        severity: 'conflict',
        floorMeters: 160,
        ceilingMeters: 150,
      }),
    ]);
  });
});
