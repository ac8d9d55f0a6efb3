import { describe, expect, it } from 'vitest';
import { comparisonSharesPercent, parseOwnerDocument, roofImageCorners } from './ownerDocument';
import { ownerNextSteps } from './ownerNextSteps';

const classified = {
  status: 'classified' as const,
  buildingId: 'B1',
  centre: [405_000, 5_757_000] as [number, number],
  statistics: {
    meanCelsius: -3,
    medianCelsius: -3.2,
    percentile90Celsius: -1.5,
    maxCelsius: 12,
    minCelsius: -6,
    measuredAreaSquareMeters: 140,
    measuredShare: 1,
    measuredPixelCount: 560,
  },
  reference: { referenceCelsius: -4.5, source: 'neighbourhood' as const, roofCount: 30 },
  warmThresholdCelsius: -3,
  warmAreaShare: 0.42,
  heatLossClass: 4 as const,
  label: { de: 'hoch', en: 'high' },
  hotSpots: [{ easting: 405_001, northing: 5_757_002, areaSquareMeters: 1, maxCelsius: 12, meanCelsius: 8 }],
};

const document = {
  buildingId: 'B1',
  addresses: [{ street: 'Prinzipalmarkt', houseNumber: '1' }],
  result: classified,
  image: {
    crs: 'EPSG:25832' as const,
    width: 40,
    height: 30,
    originEastingMeters: 405_000,
    originNorthingMeters: 5_757_015,
    pixelSizeMeters: 0.5,
    scaleMinCelsius: -12.4,
    scaleMaxCelsius: 5.6,
  },
  building: {
    crs: 'EPSG:25832' as const,
    outline: [],
    heightMeters: 9,
    roofAreaSquareMeters: 140,
    functionCode: '31001_1010',
    roofTypeCode: '3100',
  },
  comparison: null,
  flight: { flightDate: '2021-01-20' },
};

describe('parseOwnerDocument', () => {
  it('accepts the server document and names the broken field of a bad one', () => {
    expect(parseOwnerDocument(document).value?.buildingId).toBe('B1');
    const broken = parseOwnerDocument({ ...document, image: { ...document.image, pixelSizeMeters: -1 } });
    expect(broken.value).toBeUndefined();
    expect(JSON.stringify(broken.issues)).toMatch(/pixelSizeMeters/);
  });
});

describe('roofImageCorners', () => {
  it('spans width × height pixels east and south of the top-left origin', () => {
    const corners = roofImageCorners(document.image);
    expect(corners).toEqual([
      [405_000, 5_757_015],
      [405_020, 5_757_015],
      [405_020, 5_757_000],
      [405_000, 5_757_000],
    ]);
  });
});

describe('comparisonSharesPercent', () => {
  it('rounds shares so they add up to 100', () => {
    expect(comparisonSharesPercent({ classCounts: [1, 1, 1, 0, 0] })).toEqual([34, 33, 33, 0, 0]);
    expect(comparisonSharesPercent({ classCounts: [0, 0, 0, 0, 0] })).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('ownerNextSteps', () => {
  it('suggests insulating the top floor ceiling and checking hot spots for a high class', () => {
    expect(ownerNextSteps(document)).toEqual([
      'insulate-top-floor-ceiling',
      'insulate-roof',
      'check-hot-spots',
      'energy-consultation',
      'subsidies',
    ]);
  });

  it('suggests the flat roof instead of the attic for a flat roof, and nothing urgent for a low class', () => {
    const flat = { ...document, building: { ...document.building, roofTypeCode: '1000' } };
    expect(ownerNextSteps(flat)[0]).toBe('insulate-flat-roof');
    const low = { ...document, result: { ...classified, heatLossClass: 1 as const, hotSpots: [] } };
    expect(ownerNextSteps(low)).toEqual(['roof-looks-fine', 'energy-consultation']);
  });

  it('points an owner without data to a consultation', () => {
    const noData = {
      ...document,
      result: {
        status: 'no-data' as const,
        buildingId: 'B1',
        centre: classified.centre,
        reason: 'outside-raster',
        label: { de: 'keine Daten', en: 'no data' },
      },
    };
    expect(ownerNextSteps(noData)).toEqual(['no-data-consultation', 'energy-consultation']);
  });
});
