import { describe, expect, it } from 'vitest';
import { createTestScenario, metricPosition } from './scenarioTestSupport';
import {
  isSunlightHoursJobResponse,
  runSunlightHoursJob,
  SUNLIGHT_HOURS_REQUEST,
  sunlightHoursTransferables,
  type SunlightHoursJobRequest,
} from './sunlightHoursJob';
import {
  rasterizeSunlightHours,
  SUNLIGHT_HOURS_CLASSES,
  sunlightHoursClassIndex,
} from './sunlightHoursImage';
import { surroundingShadowCasters, type SurroundingBuilding } from './surroundingShadowCasters';

const building = (buildingId: string, x: number, y: number, topHeightMeters: number): SurroundingBuilding => {
  const [longitudeDegrees, latitudeDegrees] = metricPosition(x, y);
  return { buildingId, longitudeDegrees, latitudeDegrees, topHeightMeters };
};

// The test site is 200 × 100 m from the origin; the park lies at x 10–60, y 50–90.
const INSIDE = building('inside', 35, 40, 30);
const SOUTH_OF_SITE = building('south', 35, -150, 20);
const FAR_AWAY = building('far', 3000, 0, 20);

function request(overrides: Partial<SunlightHoursJobRequest> = {}): SunlightHoursJobRequest {
  const scenario = createTestScenario();
  return {
    kind: SUNLIGHT_HOURS_REQUEST,
    requestId: 7,
    scenario,
    variant: scenario.variants[0]!,
    day: { year: 2026, month: 3, day: 21 },
    buildings: [],
    gridSpacingMeters: 2,
    timeStepMinutes: 30,
    ...overrides,
  };
}

describe('surroundingShadowCasters', () => {
  it('takes buildings near the site, leaves out far ones and those the quarter hides, keeps listed ones', () => {
    const scenario = createTestScenario();
    const buildings = [INSIDE, SOUTH_OF_SITE, FAR_AWAY, SOUTH_OF_SITE];
    expect(surroundingShadowCasters(scenario, buildings).map((caster) => caster.id)).toEqual(['south']);
    const keeping = createTestScenario({
      existingBuildings: { removeAllInsideSite: true, keep: [{ buildingId: 'inside' }], remove: [] },
    });
    const casters = surroundingShadowCasters(keeping, buildings);
    expect(casters.map((caster) => caster.id)).toEqual(['inside', 'south']);
    expect(casters[0]!.heightMeters).toBe(30);
  });

  it('gives a building with a known footprint area a square of that area, others the 12 m stand-in', () => {
    const scenario = createTestScenario();
    const [south] = surroundingShadowCasters(scenario, [
      { ...SOUTH_OF_SITE, footprintAreaSquareMeters: 400 },
    ]);
    const [southUnknown] = surroundingShadowCasters(scenario, [SOUTH_OF_SITE]);
    const width = (caster: typeof south) => caster!.footprint[0]![1]![0] - caster!.footprint[0]![0]![0];
    expect(width(south)).toBeCloseTo(20, 6);
    expect(width(southUnknown)).toBeCloseTo(12, 6);
  });
});

describe('runSunlightHoursJob (the worker contract)', () => {
  it('answers with the request id, a picture of the open spaces and the summary', () => {
    const response = runSunlightHoursJob(request());
    expect(isSunlightHoursJobResponse(response)).toBe(true);
    if (response.kind !== 'sunlight-hours-result') throw new Error(JSON.stringify(response));
    expect(response.requestId).toBe(7);
    const { map } = response;
    expect(map.variantId).toBe('test-variant');
    // Park (1,900 m²) and square (400 m²), water left out: about 575 cells of 4 m².
    expect(map.analysedCellCount).toBeGreaterThan(540);
    expect(map.analysedCellCount).toBeLessThan(610);
    let opaque = 0;
    for (let offset = 3; offset < map.image.rgba.length; offset += 4)
      if (map.image.rgba[offset]! > 0) opaque++;
    // About one pixel per cell.
    expect(opaque / map.analysedCellCount).toBeGreaterThan(0.8);
    expect(opaque / map.analysedCellCount).toBeLessThan(1.2);
    expect(map.daylightHours).toBeGreaterThan(11.5);
    expect(map.maximumHours).toBeLessThanOrEqual(map.daylightHours + 1e-6);
    expect(sunlightHoursTransferables(response)).toEqual([map.image.rgba.buffer]);
  });

  it('counts a kept building south of the park as a shadow caster', () => {
    const without = runSunlightHoursJob(request({ buildings: [INSIDE] }));
    const keeping = createTestScenario({
      existingBuildings: { removeAllInsideSite: true, keep: [{ buildingId: 'inside' }], remove: [] },
    });
    const withKept = runSunlightHoursJob(request({ scenario: keeping, buildings: [INSIDE] }));
    if (without.kind !== 'sunlight-hours-result' || withKept.kind !== 'sunlight-hours-result')
      throw new Error();
    expect(without.map.surroundingBuildingCount).toBe(0);
    expect(withKept.map.surroundingBuildingCount).toBe(1);
    expect(withKept.map.meanHours).toBeLessThan(without.map.meanHours - 0.1);
  });

  it('refuses a broken request and a variant without open spaces with a code and a message', () => {
    const broken = runSunlightHoursJob({ kind: SUNLIGHT_HOURS_REQUEST, requestId: 3, variant: {} });
    expect(broken).toMatchObject({ kind: 'sunlight-hours-failed', requestId: 3, code: 'invalid-request' });
    const scenario = createTestScenario();
    const noOpenSpaces = { ...scenario.variants[0]!, openSpaces: [] };
    expect(runSunlightHoursJob(request({ variant: noOpenSpaces }))).toMatchObject({
      kind: 'sunlight-hours-failed',
      code: 'no-open-spaces',
      message: expect.stringContaining('test-variant'),
    });
    expect(isSunlightHoursJobResponse({ kind: 'other', requestId: 1 })).toBe(false);
  });
});

describe('rasterizeSunlightHours', () => {
  it('colours each cell by its class and leaves cells outside the open spaces transparent', () => {
    const [x, y] = [406_000, 5_755_000];
    const grid = {
      originEastingMeters: x,
      originNorthingMeters: y,
      cellSizeMeters: 10,
      columns: 3,
      rows: 1,
      hours: new Float32Array([0.5, Number.NaN, 12]),
      analysedCellCount: 2,
      daylightHours: 12,
    };
    const image = rasterizeSunlightHours(grid, { alpha: 255 });
    const colourAt = (fractionEast: number) => {
      const column = Math.floor(fractionEast * image.width);
      const offset = (Math.floor(image.height / 2) * image.width + column) * 4;
      const [red, green, blue, alpha] = image.rgba.slice(offset, offset + 4);
      return alpha === 0
        ? 'transparent'
        : `#${[red, green, blue].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
    };
    expect(colourAt(0.15)).toBe(SUNLIGHT_HOURS_CLASSES[0]!.color);
    expect(colourAt(0.5)).toBe('transparent');
    expect(colourAt(0.85)).toBe(SUNLIGHT_HOURS_CLASSES[6]!.color);
    expect(image.westDegrees).toBeLessThan(image.eastDegrees);
  });

  it('puts class boundaries at the lower end', () => {
    expect([0, 0.99, 1, 2, 3.9, 4, 10, 16].map((hours) => sunlightHoursClassIndex(hours))).toEqual([
      0, 0, 1, 2, 2, 3, 6, 6,
    ]);
  });
});
