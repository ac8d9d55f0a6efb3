import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  indexSceneRoofs,
  windowOfBounds,
} from '../../src/domain/thermography/generator/generatedRasterSources';
import { renderThermalWindow } from '../../src/domain/thermography/generator/renderThermalRaster';
import type { ThermalScene } from '../../src/domain/thermography/generator/thermalScene';
import { writeThermalGeoTiff } from '../../src/domain/thermography/thermalGeoTiff';

/**
 * Writes the generated flight as GeoTIFF tiles of `tileSizeMeters` (named after their south-west corner, like
 * NRW's 1 km tiles), only where roofs are; with a margin so roofs on a tile edge lie whole in one of them.
 */
export function writeGeneratedFlightTiles(
  scene: ThermalScene,
  options: {
    outDir: string;
    pixelSizeMeters: number;
    tileSizeMeters: number;
    marginMeters?: number;
    onProgress?: (done: number, total: number) => void;
  },
): string[] {
  const { tileSizeMeters: size } = options;
  const margin = options.marginMeters ?? 50;
  const cells = new Set<string>();
  for (const { roof } of scene.roofs)
    for (
      let column = Math.floor(roof.bounds.minEasting / size);
      column <= Math.floor(roof.bounds.maxEasting / size);
      column++
    )
      for (
        let row = Math.floor(roof.bounds.minNorthing / size);
        row <= Math.floor(roof.bounds.maxNorthing / size);
        row++
      )
        cells.add(`${column}_${row}`);
  const roofIndex = indexSceneRoofs(scene);
  mkdirSync(options.outDir, { recursive: true });
  const sorted = [...cells]
    .map((key) => key.split('_').map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const files: string[] = [];
  sorted.forEach(([column, row], index) => {
    const window = windowOfBounds(
      {
        minEasting: column * size - margin,
        minNorthing: row * size - margin,
        maxEasting: (column + 1) * size + margin,
        maxNorthing: (row + 1) * size + margin,
      },
      options.pixelSizeMeters,
    );
    const file = join(options.outDir, `thermal_${column * size}_${row * size}.tif`);
    writeFileSync(file, Buffer.from(writeThermalGeoTiff(renderThermalWindow(scene, roofIndex, window))));
    files.push(file);
    options.onProgress?.(index + 1, sorted.length);
  });
  return files;
}
