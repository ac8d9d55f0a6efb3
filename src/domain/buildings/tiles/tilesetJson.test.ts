import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildingGrid } from './buildingFixtures';
import { listTiles, readTileset, type DecodedFeature } from './tilesetTestReader';
import { creditText, type Tileset, type TilesetTile } from './tilesetJson';
import { writeBuildingTileset } from './writeBuildingTileset';

/** The parts of the 3D Tiles 1.1 tileset schema we rely on. */
const tileSchema: z.ZodType<TilesetTile> = z.lazy(() =>
  z.strictObject({
    boundingVolume: z.strictObject({ region: z.array(z.number()).length(6) }),
    geometricError: z.number().nonnegative(),
    refine: z.literal('ADD').optional(),
    transform: z.array(z.number()).length(16).optional(),
    content: z.strictObject({ uri: z.string().regex(/^content\/\d+_\d+_\d+\.glb$/) }).optional(),
    children: z.array(tileSchema).min(1).optional(),
  }),
);
const tilesetSchema = z.strictObject({
  asset: z.strictObject({
    version: z.literal('1.1'),
    generator: z.string(),
    extras: z
      .strictObject({ cesium: z.strictObject({ credits: z.array(z.strictObject({ html: z.string() })) }) })
      .optional(),
  }),
  geometricError: z.number().positive(),
  root: tileSchema,
  extras: z.strictObject({ buildingCount: z.number().int(), heightMode: z.enum(['ellipsoid', 'true']) }),
});

const [WEST, SOUTH, EAST, NORTH, MINIMUM_HEIGHT, MAXIMUM_HEIGHT] = [0, 1, 2, 3, 4, 5];

function isInside(inner: number[], outer: number[]): boolean {
  return (
    inner[WEST]! >= outer[WEST]! &&
    inner[SOUTH]! >= outer[SOUTH]! &&
    inner[EAST]! <= outer[EAST]! &&
    inner[NORTH]! <= outer[NORTH]! &&
    inner[MINIMUM_HEIGHT]! >= outer[MINIMUM_HEIGHT]! &&
    inner[MAXIMUM_HEIGHT]! <= outer[MAXIMUM_HEIGHT]!
  );
}

describe('tileset.json of a quadtree with a budget of 5 buildings per tile', () => {
  const BUDGET = 5;
  let tileset: Tileset;
  let features: DecodedFeature[];
  beforeAll(async () => {
    const files = await writeBuildingTileset(buildingGrid(40, 30, 10), { maxFeaturesPerTile: BUDGET });
    ({ tileset, features } = await readTileset(files));
  });

  it('matches the 3D Tiles 1.1 structure and counts the buildings', () => {
    expect(tilesetSchema.parse(tileset)).toEqual(tileset);
    expect(tileset.extras.buildingCount).toBe(40);
    expect(tileset.root.refine).toBe('ADD');
    expect(tileset.geometricError).toBeGreaterThanOrEqual(tileset.root.geometricError);
  });

  it('puts content only at leaves, none holding more than the budget', () => {
    const perTile = new Map<string, number>();
    for (const feature of features) perTile.set(feature.tilePath, (perTile.get(feature.tilePath) ?? 0) + 1);
    expect(Math.max(...perTile.values())).toBeLessThanOrEqual(BUDGET);
    for (const tile of listTiles(tileset.root)) {
      const isLeaf = tile.children === undefined;
      expect(tile.content !== undefined).toBe(isLeaf);
      expect(tile.transform !== undefined).toBe(isLeaf);
    }
  });

  it("keeps every child's region inside its parent's and shrinks geometric error to 0 at leaves", () => {
    for (const tile of listTiles(tileset.root)) {
      if (!tile.children) {
        expect(tile.geometricError).toBe(0);
        continue;
      }
      expect(tile.geometricError).toBeGreaterThan(0);
      for (const child of tile.children) {
        expect(isInside(child.boundingVolume.region, tile.boundingVolume.region)).toBe(true);
        expect(child.geometricError).toBeLessThan(tile.geometricError);
      }
    }
  });

  it("bounds each leaf tightly: its region's heights are its buildings' lowest and highest points", () => {
    for (const tile of listTiles(tileset.root).filter((candidate) => candidate.content)) {
      const [, , , , minimumHeight, maximumHeight] = tile.boundingVolume.region;
      expect(minimumHeight).toBeCloseTo(0, 6);
      expect(maximumHeight).toBeGreaterThan(8);
      expect(maximumHeight).toBeLessThan(16);
    }
  });
});

describe('the credit of a tileset', () => {
  it('is written as a CesiumJS credit, HTML-escaped, and read back as the same text', async () => {
    const attribution = 'Gebäude: © Geobasis NRW <dl-de/zero-2-0> & "Münster"';
    const files = await writeBuildingTileset(buildingGrid(2, 1, 10), { attribution });
    const { tileset } = await readTileset(files);
    expect(tilesetSchema.parse(tileset)).toEqual(tileset);
    const [credit] = tileset.asset.extras!.cesium.credits;
    expect(credit!.html).not.toMatch(/[<>"]/);
    expect(creditText(credit!.html)).toBe(attribution);
  });

  it('is left out without an attribution', async () => {
    const { tileset } = await readTileset(await writeBuildingTileset(buildingGrid(2, 1, 10), {}));
    expect(tileset.asset).toEqual({ version: '1.1', generator: expect.any(String) });
  });
});
