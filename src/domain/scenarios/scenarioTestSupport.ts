/**
 * Small hand-made scenarios for the tests: shapes are drawn in metres around a point on the EPSG:25832 plane
 * (south-east Münster) and stored in WGS84 like real documents, so the figures can be checked by hand.
 */
import type { PolygonCoordinates, Position } from './scenarioGeometry';
import { unprojectPoint } from './scenarioPlanarGeometry';
import type { Massing, ScenarioDocument, ScenarioVariant } from './scenarioSchema';

export const TEST_ORIGIN_EASTING = 406_000;
export const TEST_ORIGIN_NORTHING = 5_755_000;

/** A point `x` metres east and `y` metres north of the test origin, in WGS84. */
export function metricPosition(x: number, y: number): Position {
  return unprojectPoint([TEST_ORIGIN_EASTING + x, TEST_ORIGIN_NORTHING + y]);
}

/** Corners of an axis-aligned rectangle, counter-clockwise, in metres from the origin. */
export function rectangle(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

/** A polygon from rings of metric corners (outer first, then holes), closed and in WGS84. */
export function metricPolygon(...rings: [number, number][][]): PolygonCoordinates {
  return rings.map((ring) => {
    const positions = ring.map(([x, y]) => metricPosition(x, y));
    return [...positions, positions[0]!];
  });
}

/** Massing A: 40 × 20 m with a 20 × 10 m courtyard (600 m²), 4 storeys, 75 % housing (half subsidised), 25 % commerce. */
export const MASSING_WITH_COURTYARD: Massing = {
  id: 'block-a',
  footprint: metricPolygon(rectangle(10, 10, 50, 30), rectangle(20, 15, 40, 25)),
  storeys: 4,
  storeyHeightMeters: 3,
  uses: { housing: 0.75, commerce: 0.25 },
  subsidisedHousingShare: 0.5,
  roofType: 'flat',
  greenRoof: false,
};

/** Massing B: 30 × 10 m (300 m²), 2 storeys, half housing, a quarter day-care, a quarter school, green roof. */
export const MIXED_MASSING: Massing = {
  id: 'row-b',
  footprint: metricPolygon(rectangle(100, 10, 130, 20)),
  storeys: 2,
  storeyHeightMeters: 3.5,
  uses: { housing: 0.5, dayCare: 0.25, school: 0.25 },
  roofType: 'gable',
  greenRoof: true,
};

export function createTestVariant(overrides: Partial<ScenarioVariant> = {}): ScenarioVariant {
  return {
    id: 'test-variant',
    title: { de: 'Testvariante', en: 'Test variant' },
    massings: [MASSING_WITH_COURTYARD, MIXED_MASSING],
    openSpaces: [
      {
        id: 'park',
        kind: 'park',
        surface: 'green',
        // 50 × 40 m with a 10 × 10 m hole: 1,900 m².
        area: metricPolygon(rectangle(10, 50, 60, 90), rectangle(30, 60, 40, 70)),
      },
      { id: 'square', kind: 'square', surface: 'paved', area: metricPolygon(rectangle(70, 50, 90, 70)) },
      { id: 'pond', kind: 'water', surface: 'water', area: metricPolygon(rectangle(150, 50, 160, 60)) },
    ],
    sealedAreas: [{ id: 'road', kind: 'road', area: metricPolygon(rectangle(0, 0, 100, 6)) }],
    mobilityHubs: [
      { id: 'hub', position: metricPosition(180, 80), parkingSpaces: 42, bikeSpaces: 84, massingId: 'row-b' },
    ],
    streets: [
      {
        id: 'lane',
        kind: 'residential',
        line: [metricPosition(0, 95), metricPosition(100, 95)],
        widthMeters: 5,
      },
    ],
    ...overrides,
  };
}

/** A 200 × 100 m site (20,000 m²) with the test variant; targets 30 homes, 30 % subsidised, 20 % green. */
export function createTestScenario(overrides: Partial<ScenarioDocument> = {}): ScenarioDocument {
  return {
    schemaVersion: 1,
    kind: 'scenario',
    id: 'test-quarter',
    title: { de: 'Testquartier' },
    site: {
      boundary: metricPolygon(rectangle(0, 0, 200, 100)),
      source: 'drawn for the test',
      accuracy: 'exact',
      accuracyMeters: 0.01,
      licence: 'none',
    },
    existingBuildings: { removeAllInsideSite: true, keep: [], remove: [] },
    targets: {
      homes: { value: 30, source: 'test', confidence: 'high' },
      subsidisedHomesShare: { value: 0.3, source: 'test', confidence: 'high' },
      greenShare: { value: 0.2, source: 'test', confidence: 'low' },
    },
    variants: [createTestVariant()],
    ...overrides,
  };
}
