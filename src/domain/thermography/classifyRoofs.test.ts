import { describe, expect, it } from 'vitest';
import { aggregateHeatLossGrid } from './aggregateHeatLossGrid';
import { classifyRoofs, type RoofResult } from './classifyRoofs';
import {
  computeHeatLossClass,
  computeWarmThresholdCelsius,
  DEFAULT_CLASSIFICATION_SETTINGS,
  type ClassificationSettings,
} from './heatLossClass';
import type { RoofMeasurement } from './measureRoof';
import { createRoofOutline, type PlanarXY } from './roofOutline';

const SETTINGS: ClassificationSettings = { ...DEFAULT_CLASSIFICATION_SETTINGS, airTemperatureCelsius: -2 };

/** A measured 10 m × 10 m roof centred at (x, y) whose pixels have the given temperatures. */
function measuredRoof(id: string, [x, y]: PlanarXY, celsius: number[]): RoofMeasurement {
  const roof = createRoofOutline(id, [
    [
      [
        [x - 5, y - 5],
        [x + 5, y - 5],
        [x + 5, y + 5],
        [x - 5, y + 5],
      ],
    ],
  ]);
  const sortedCelsius = Float32Array.from(celsius).sort();
  const median = sortedCelsius[Math.floor(sortedCelsius.length / 2)]!;
  return {
    status: 'measured',
    roof,
    sortedCelsius,
    hotSpots: [],
    statistics: {
      meanCelsius: median,
      medianCelsius: median,
      percentile90Celsius: median,
      maxCelsius: median,
      minCelsius: median,
      measuredPixelCount: celsius.length,
      measuredShare: 1,
      measuredAreaSquareMeters: celsius.length,
    },
  };
}

describe('computeWarmThresholdCelsius', () => {
  // Air −2 °C: the bar is the reference + 1.5 K, but within [−6.5 °C, −3 °C].
  it('is the neighbourhood reference plus 1.5 K in the usual case', () => {
    expect(computeWarmThresholdCelsius(-6, SETTINGS)).toBe(-4.5);
  });
  it('never rises above 1 K below the air: in a street of leaky roofs a leaky roof still counts', () => {
    expect(computeWarmThresholdCelsius(-3, SETTINGS)).toBe(-3);
  });
  it('never drops below 4.5 K under the air: a roof that cold is radiating to the sky, not leaking', () => {
    expect(computeWarmThresholdCelsius(-9, SETTINGS)).toBe(-6.5);
  });
});

describe('computeHeatLossClass', () => {
  it('maps the warm share to classes at 5, 15, 35 and 60 %', () => {
    expect(
      [0, 0.049, 0.05, 0.149, 0.15, 0.349, 0.35, 0.599, 0.6, 1].map((share) => computeHeatLossClass(share)),
    ).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe('classifyRoofs', () => {
  const neighbours = [0, 1, 2, 3, 4, 5].map((index) =>
    measuredRoof(`N${index}`, [500_000 + 20 * index, 5_760_000], [-6.2, -6, -6, -5.8]),
  );
  // Half its pixels at −3 °C, i.e. above the −4.5 °C bar, and half at the neighbours' −6 °C.
  const leaky = measuredRoof('LEAKY', [500_050, 5_760_030], [-6, -6, -3, -3]);
  const lonely = measuredRoof('LONELY', [510_000, 5_770_000], [-1, -1, -1, -6]);
  const missing: RoofMeasurement = {
    status: 'no-data',
    roof: createRoofOutline('MISSING', [
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      ],
    ]),
    reason: 'outside-raster',
  };
  const results = classifyRoofs([...neighbours, leaky, lonely, missing], SETTINGS);
  const byId = new Map(results.map((result) => [result.buildingId, result]));

  it('compares a roof with the median of its neighbours and counts the warm share of its area', () => {
    expect(byId.get('LEAKY')).toMatchObject({
      status: 'classified',
      reference: { referenceCelsius: -6, source: 'neighbourhood', roofCount: 6 },
      warmThresholdCelsius: -4.5,
      warmAreaShare: 0.5,
      heatLossClass: 4,
      label: { de: 'hoch' },
    });
    expect(byId.get('N0')).toMatchObject({
      warmAreaShare: 0,
      heatLossClass: 1,
      label: { de: 'sehr gering' },
    });
  });

  it('falls back to the whole flight for a roof without enough neighbours', () => {
    // Medians of all eight measured roofs: six at −6, LEAKY at −3 (upper middle of its four), LONELY at −1.
    expect(byId.get('LONELY')).toMatchObject({
      reference: { referenceCelsius: -6, source: 'whole-flight' },
      warmAreaShare: 0.75,
      heatLossClass: 5,
    });
  });

  it('keeps "keine Daten" for a roof without measurement and never invents a class', () => {
    expect(byId.get('MISSING')).toEqual({
      status: 'no-data',
      buildingId: 'MISSING',
      centre: expect.any(Array) as unknown,
      reason: 'outside-raster',
      label: { de: 'keine Daten', en: 'no data' },
    });
    expect(results.map((result) => result.buildingId)).toEqual([...byId.keys()].sort());
  });

  it('publishes only cells with at least five classified buildings and a mix of classes, as shares per class', () => {
    // N0–N4 and LEAKY lie in the cell 500 000–500 100 E: five of class 1 and LEAKY alone in class 4, so LEAKY's
    // owner could read off every neighbour's class; N5 (at 500 100 E) and LONELY are alone in theirs.
    expect(aggregateHeatLossGrid(results as RoofResult[]).features).toHaveLength(0);
    // A second building outside class 1 in that cell: now no owner can tell a neighbour's class, and it shows.
    const leaky = results.find((result) => result.buildingId === 'LEAKY')!;
    const mixed = [...results, { ...leaky, buildingId: 'SECOND', heatLossClass: 3 }] as RoofResult[];
    const grid = aggregateHeatLossGrid(mixed);
    expect(grid.features).toHaveLength(1);
    expect(grid.features[0]!.properties).toEqual({
      cell: '500000_5760000',
      buildings: 7,
      classSharesPercent: [72, 0, 14, 14, 0],
      dominantClass: 1,
    });
    const text = JSON.stringify(grid);
    for (const id of ['N0', 'LEAKY', 'SECOND', 'LONELY']) expect(text).not.toContain(id);
    const ring = grid.features[0]!.geometry.coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]![0]).toBeGreaterThan(7.5);
    expect(ring[0]![1]).toBeGreaterThan(51.9);
  });
});
