/**
 * Measures the building tiler: bytes per building of an extruded 8-corner block in one GLB (float32,
 * quantized, meshopt; with and without roof colours), split into geometry and metadata, and buildings per
 * second for a whole tileset. Run: npx tsx scripts/bench/tilesetWriteSpeed.ts [building count, default 4000]
 */
import {
  buildingGrid,
  extrudeFixtureFootprint,
  fixtureAttributes,
  FOOTPRINTS,
  MUENSTER_ORIGIN,
} from '../../src/domain/buildings/tiles/buildingFixtures';
import { unionRegions, regionCenter } from '../../src/domain/buildings/tiles/geographicRegion';
import { placeBuilding } from '../../src/domain/buildings/tiles/placeBuilding';
import { createTileFrame } from '../../src/domain/buildings/tiles/tileGeometry';
import { writeTileGlb, type TileCompression } from '../../src/domain/buildings/tiles/tileGlb';
import { createTileIO } from '../../src/domain/buildings/tiles/tileIO';
import { writeBuildingTileset } from '../../src/domain/buildings/tiles/writeBuildingTileset';

const BLOCKS_PER_SIDE = 32;
const SPACING_METERS = 16;

/** Bytes of the property-table buffer views in a GLB (read from its JSON chunk). */
function metadataBytes(glb: Uint8Array): number {
  const jsonLength = new DataView(glb.buffer, glb.byteOffset).getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))) as {
    bufferViews: { byteLength: number }[];
    extensions: { EXT_structural_metadata: { propertyTables: { properties: Record<string, object> }[] } };
  };
  const views = json.extensions.EXT_structural_metadata.propertyTables.flatMap((table) =>
    Object.values(table.properties).flatMap((column) =>
      Object.values(column).filter((v) => typeof v === 'number'),
    ),
  );
  return views.reduce((sum, view) => sum + json.bufferViews[view]!.byteLength, 0);
}

async function measureBytesPerBlock(): Promise<void> {
  const count = BLOCKS_PER_SIDE * BLOCKS_PER_SIDE;
  const blocks = Array.from({ length: count }, (_, index) =>
    extrudeFixtureFootprint(
      fixtureAttributes(index),
      FOOTPRINTS.eightCorners(
        MUENSTER_ORIGIN[0] + (index % BLOCKS_PER_SIDE) * SPACING_METERS,
        MUENSTER_ORIGIN[1] + Math.floor(index / BLOCKS_PER_SIDE) * SPACING_METERS,
      ),
      12,
    ),
  );
  const placed = blocks.map((mesh) => placeBuilding(mesh, 'ellipsoid'));
  const frame = createTileFrame(regionCenter(unionRegions(placed.map((building) => building.region))));
  const io = await createTileIO();
  console.log(`Extruded 8-corner block (48 vertices, 28 triangles), ${count} in one GLB:`);
  for (const colorRoofs of [false, true]) {
    for (const compression of ['none', 'quantize', 'meshopt'] as TileCompression[]) {
      const glb = await writeTileGlb(io, placed, frame, {
        compression,
        colorRoofs,
        labels: {},
        positionToleranceMeters: 0.01,
      });
      const metadata = metadataBytes(glb);
      const kilobytes = (bytes: number) => (bytes / count / 1024).toFixed(2);
      const label = `${compression.padEnd(8)} roof colours ${colorRoofs ? 'on ' : 'off'}`;
      const total = `${kilobytes(glb.byteLength)} KB/building`;
      const geometry = kilobytes(glb.byteLength - metadata);
      const parts = `geometry + JSON ${geometry} KB, metadata ${kilobytes(metadata)} KB`;
      console.log(`  ${label}: ${total} (${parts})`);
    }
  }
}

async function measureSpeed(count: number): Promise<void> {
  const meshes = buildingGrid(count, 25, Math.ceil(Math.sqrt(count)));
  await writeBuildingTileset(meshes.slice(0, 50)); // warm-up: WebAssembly, JIT
  for (const compress of [true, false]) {
    const start = performance.now();
    const files = await writeBuildingTileset(meshes, { compress });
    const seconds = (performance.now() - start) / 1000;
    const totalBytes = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
    console.log(
      `${count} mixed buildings, compress ${compress}: ${(count / seconds).toFixed(0)} meshes/s, ` +
        `${files.length - 1} tiles, ${(totalBytes / count / 1024).toFixed(2)} KB/building`,
    );
  }
  const start = performance.now();
  meshes.forEach((mesh) => placeBuilding(mesh, 'ellipsoid'));
  const placedPerSecond = count / ((performance.now() - start) / 1000);
  console.log(`  of which projection to ECEF alone: ${placedPerSecond.toFixed(0)} meshes/s`);
}

await measureBytesPerBlock();
await measureSpeed(Number(process.argv[2] ?? 4000));
