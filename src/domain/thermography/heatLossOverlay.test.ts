import { describe, expect, it } from 'vitest';
import { aggregateHeatLossGrid, HEAT_LOSS_LEGEND } from './aggregateHeatLossGrid';
import type { RoofResult } from './classifyRoofs';
import type { HeatLossClass } from './heatLossClass';
import {
  DEFAULT_HEAT_LOSS_LEGEND,
  displayedHeatLossClass,
  heatLossColourComponents,
  meanHeatLossClass,
  parseHeatLossLegend,
  parseHeatLossOverlay,
  summarizeHeatLossCell,
} from './heatLossOverlay';

/** Classified roofs in one 100 m cell (only what the aggregation reads). */
function roofsInOneCell(classes: HeatLossClass[]): RoofResult[] {
  return classes.map(
    (heatLossClass, index) =>
      ({
        status: 'classified',
        buildingId: `DENW-${index}`,
        centre: [400_810 + index, 5_758_150],
        heatLossClass,
      }) as unknown as RoofResult,
  );
}

type Shares = [number, number, number, number, number];
const shares = (classSharesPercent: Shares) => ({ classSharesPercent });

describe('reading the public overlay', () => {
  it('reads what the pipeline writes: the cell, its count, shares, dominant class and outline', () => {
    const grid = aggregateHeatLossGrid(roofsInOneCell([1, 1, 1, 2, 4, 5]));
    const { cells, issues } = parseHeatLossOverlay(JSON.parse(JSON.stringify(grid)), 'overlay.geojson');
    expect(issues).toEqual([]);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({
      id: '400800_5758100',
      buildings: 6,
      classSharesPercent: [50, 17, 0, 17, 16],
      dominantClass: 1,
    });
    expect(cells[0]!.outlineDegrees).toHaveLength(5);
  });

  it('keeps nothing but the aggregate, even if a file carried more', () => {
    const grid = JSON.parse(JSON.stringify(aggregateHeatLossGrid(roofsInOneCell([1, 1, 1, 3, 5])))) as {
      features: { properties: Record<string, unknown> }[];
    };
    grid.features[0]!.properties.buildingIds = ['DENW-0', 'DENW-1'];
    const { cells } = parseHeatLossOverlay(grid, 'overlay.geojson');
    expect(JSON.stringify(cells)).not.toContain('DENW-');
  });

  it('names file and field of a broken cell', () => {
    const grid = JSON.parse(JSON.stringify(aggregateHeatLossGrid(roofsInOneCell([1, 1, 1, 3, 5])))) as {
      features: { properties: Record<string, unknown> }[];
    };
    grid.features[0]!.properties.classSharesPercent = [60, 0, 20, 0, 10];
    const { cells, issues } = parseHeatLossOverlay(grid, '/api/thermography/overlay');
    expect(cells).toEqual([]);
    expect(issues[0]).toMatchObject({
      file: '/api/thermography/overlay',
      path: '$.features[0].properties.classSharesPercent',
      message: 'shares must add up to 100',
    });
  });
});

describe('the legend', () => {
  it('takes the served colours, cell size, threshold and flight date', () => {
    const served = {
      classes: HEAT_LOSS_LEGEND.map((entry) => ({
        ...entry,
        colour: entry.class === 5 ? '#aa0000' : entry.colour,
      })),
      cellSizeMeters: 250,
      minBuildingsPerCell: 8,
      flightDate: '2021-01-20T03:00:00+01:00',
    };
    const { legend, issues } = parseHeatLossLegend(served, 'legend.json');
    expect(issues).toEqual([]);
    expect(legend).toEqual({
      colours: { ...DEFAULT_HEAT_LOSS_LEGEND.colours, 5: '#aa0000' },
      cellSizeMeters: 250,
      minBuildingsPerCell: 8,
      flightDate: '2021-01-20T03:00:00+01:00',
    });
  });

  it('falls back to the default colours when the served legend is broken, naming the field', () => {
    const { legend, issues } = parseHeatLossLegend({ classes: [], cellSizeMeters: 100 }, 'legend.json');
    expect(legend).toBe(DEFAULT_HEAT_LOSS_LEGEND);
    expect(issues.map((issue) => issue.path)).toEqual(['$.classes', '$.minBuildingsPerCell']);
  });
});

describe('colour and summary of a cell', () => {
  it('colours a cell by its average class, rounded half up', () => {
    // 0.48·1 + 0.09·2 + 0.17·3 + 0.13·4 + 0.13·5 = 2.34: mostly "very low", but a quarter of the roofs leak a lot.
    expect(meanHeatLossClass(shares([48, 9, 17, 13, 13]))).toBeCloseTo(2.34, 10);
    expect(displayedHeatLossClass(shares([48, 9, 17, 13, 13]))).toBe(2);
    expect(displayedHeatLossClass(shares([0, 0, 50, 50, 0]))).toBe(4);
    expect(displayedHeatLossClass(shares([100, 0, 0, 0, 0]))).toBe(1);
    expect(displayedHeatLossClass(shares([0, 0, 0, 0, 100]))).toBe(5);
  });

  it('turns a legend colour into colour components with the given opacity', () => {
    expect(heatLossColourComponents(DEFAULT_HEAT_LOSS_LEGEND.colours[5], 0.5)).toEqual({
      red: 215 / 255,
      green: 25 / 255,
      blue: 28 / 255,
      alpha: 0.5,
    });
  });

  it('summarises a cell: count, average class to one decimal, the class it is drawn in, every share', () => {
    expect(summarizeHeatLossCell({ buildings: 23, classSharesPercent: [48, 9, 17, 13, 13] })).toEqual({
      buildings: 23,
      meanClass: 2.3,
      displayedClass: 2,
      shares: [
        { heatLossClass: 1, percent: 48 },
        { heatLossClass: 2, percent: 9 },
        { heatLossClass: 3, percent: 17 },
        { heatLossClass: 4, percent: 13 },
        { heatLossClass: 5, percent: 13 },
      ],
    });
  });
});
