import { describe, expect, it } from 'vitest';
import { aggregateHeatLossGrid, HEAT_LOSS_LEGEND } from './aggregateHeatLossGrid';
import type { RoofResult } from './classifyRoofs';
import type { HeatLossClass } from './heatLossClass';
import {
  DEFAULT_HEAT_LOSS_LEGEND,
  displayedHeatLossClass,
  heatLossCellAt,
  heatLossColourComponents,
  heatLossImageFrame,
  heatLossImagePixel,
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

  it('reads a legend without a flight date (null) and keeps whether the flight was simulated and its source', () => {
    const served = {
      classes: HEAT_LOSS_LEGEND,
      cellSizeMeters: 100,
      minBuildingsPerCell: 5,
      flightDate: null,
      simulated: false,
      attribution: 'Stadt Münster, Thermografie 2021',
    };
    const { legend, issues } = parseHeatLossLegend(served, 'legend.json');
    expect(issues).toEqual([]);
    expect(legend).toMatchObject({
      flightDate: undefined,
      simulated: false,
      attribution: 'Stadt Münster, Thermografie 2021',
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

describe('drawing the overlay as one image and picking a cell by position', () => {
  // Two neighbouring cells, 100 m apart in easting (each roof's centre decides its cell).
  const roofs = [
    ...roofsInOneCell([1, 1, 1, 3, 5]),
    ...roofsInOneCell([4, 4, 5, 2, 1]).map((roof) => ({
      ...roof,
      buildingId: `${roof.buildingId}-east`,
      centre: [roof.centre[0] + 100, roof.centre[1]] as [number, number],
    })),
  ] as RoofResult[];
  const { cells } = parseHeatLossOverlay(JSON.parse(JSON.stringify(aggregateHeatLossGrid(roofs))), 'o');

  it('finds the cell under a point, and none outside the grid', () => {
    expect(cells.map((cell) => cell.id).sort()).toEqual(['400800_5758100', '400900_5758100']);
    const centreOf = (id: string) => {
      const ring = cells.find((cell) => cell.id === id)!.outlineDegrees.slice(0, 4);
      return [0, 1].map((axis) => ring.reduce((sum, corner) => sum + corner[axis]!, 0) / 4) as [
        number,
        number,
      ];
    };
    for (const id of ['400800_5758100', '400900_5758100'])
      expect(heatLossCellAt(cells, ...centreOf(id))?.id).toBe(id);
    const [longitude, latitude] = centreOf('400800_5758100');
    expect(heatLossCellAt(cells, longitude - 0.01, latitude)).toBeUndefined();
  });

  it('frames the image over the cells at about 2 m per pixel, and caps its size', () => {
    const frame = heatLossImageFrame(cells)!;
    // 200 m × 100 m of cells, slightly more in longitude/latitude as the UTM grid is turned against north.
    expect(frame.width).toBeGreaterThanOrEqual(100);
    expect(frame.width).toBeLessThan(110);
    expect(frame.height).toBeGreaterThanOrEqual(50);
    expect(frame.height).toBeLessThan(60);
    expect(heatLossImagePixel(frame, frame.west, frame.north)).toEqual([0, 0]);
    expect(heatLossImagePixel(frame, frame.east, frame.south)).toEqual([frame.width, frame.height]);
    const capped = heatLossImageFrame(cells, 0.01, 4096)!;
    expect(Math.max(capped.width, capped.height)).toBe(4096);
    expect(heatLossImageFrame([])).toBeUndefined();
  });
});
