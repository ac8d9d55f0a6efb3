import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  aggregateHeatLossGrid,
  DEFAULT_GRID_SETTINGS,
  HEAT_LOSS_LEGEND,
} from '../../src/domain/thermography/aggregateHeatLossGrid';
import { classifyRoofs, type RoofResult } from '../../src/domain/thermography/classifyRoofs';
import { DEFAULT_CLASSIFICATION_SETTINGS } from '../../src/domain/thermography/heatLossClass';
import {
  measureRoofsInRasters,
  type ThermalRasterSource,
} from '../../src/domain/thermography/measureRoofsInRasters';
import { renderRoofImageCrop, type RoofImageCrop } from '../../src/domain/thermography/roofImageCrop';
import type { RoofOutline } from '../../src/domain/thermography/roofOutline';
import {
  aggregateSimilarBuildings,
  roofAreaSquareMeters,
} from '../../src/domain/thermography/similarBuildings';
import { openThermographyDatabaseForWriting } from '../../src/server/thermography/thermographyDatabase';
import { LEGEND_FILE_NAME, OVERLAY_FILE_NAME } from '../../src/server/thermography/thermographySettings';

/** Bump when the method changes what a result means; stored with the results and shown to owners. */
export const THERMOGRAPHY_METHOD_VERSION = 1;

export interface ThermographyPipelineInput {
  roofs: readonly RoofOutline[];
  sources: readonly ThermalRasterSource[];
  airTemperatureCelsius: number;
  /** The private SQLite file (outside every served folder). */
  databaseFile: string;
  /** The public folder for the overlay and legend (served, e.g. tiles/thermography). */
  publicDir: string;
  /** Free text about the flight (date, source), stored with the results. */
  flight: Record<string, string>;
  /** True when the rasters were generated, not flown: the public legend says so and the app tells its users. */
  simulated: boolean;
  /** Where the thermal images come from, with the licence: named in the public legend (image export). */
  attribution?: string;
  /** Skip the owners' roof images (benchmarks). */
  withoutImages?: boolean;
  onProgress?(done: number, total: number): void;
}

/** Counts for the summary line. */
export interface ThermographySummary {
  roofs: number;
  classified: number;
  byClass: [number, number, number, number, number];
  noData: Record<string, number>;
  publicCells: number;
  results: RoofResult[];
}

/** Rasters + roofs → private results and images (SQLite) and the public overlay (GeoJSON + legend). */
export async function runThermographyPipeline(
  input: ThermographyPipelineInput,
): Promise<ThermographySummary> {
  const images = new Map<string, { png: Buffer; json: string }>();
  const measurements = await measureRoofsInRasters(input.roofs, input.sources, {
    onProgress: input.onProgress,
    onMeasured: (measurement, raster) => {
      if (input.withoutImages || measurement.status !== 'measured') return;
      const crop = renderRoofImageCrop(raster, measurement.roof, input.airTemperatureCelsius);
      const png = new PNG({ width: crop.width, height: crop.height });
      png.data = Buffer.from(crop.rgba.buffer, crop.rgba.byteOffset, crop.rgba.byteLength);
      images.set(measurement.roof.buildingId, {
        // Fast deflate: the noisy pixels hardly compress anyway, and twenty thousand images add up.
        png: PNG.sync.write(png, { deflateLevel: 1 }),
        json: JSON.stringify(imageGeoreference(crop)),
      });
    },
  });
  const results = classifyRoofs(measurements, {
    ...DEFAULT_CLASSIFICATION_SETTINGS,
    airTemperatureCelsius: input.airTemperatureCelsius,
  });
  const roofById = new Map(input.roofs.map((roof) => [roof.buildingId, roof]));
  const similar = aggregateSimilarBuildings(results, input.roofs);
  const database = openThermographyDatabaseForWriting(input.databaseFile);
  try {
    database.replaceBuildings(
      results.map((result) => {
        const roof = roofById.get(result.buildingId);
        return {
          buildingId: result.buildingId,
          resultJson: JSON.stringify(result),
          addressJson: JSON.stringify(roof?.addresses ?? []),
          imagePng: images.get(result.buildingId)?.png,
          imageJson: images.get(result.buildingId)?.json,
          geometryJson: roof ? JSON.stringify(ownerBuildingGeometry(roof)) : undefined,
          comparisonGroupKey: similar.groupKeyByBuilding.get(result.buildingId),
        };
      }),
      {
        ...input.flight,
        airTemperatureCelsius: String(input.airTemperatureCelsius),
        methodVersion: String(THERMOGRAPHY_METHOD_VERSION),
        classification: JSON.stringify({
          ...DEFAULT_CLASSIFICATION_SETTINGS,
          airTemperatureCelsius: input.airTemperatureCelsius,
        }),
      },
      new Map(similar.groups.map((group) => [group.key, JSON.stringify(group)])),
    );
  } finally {
    database.close();
  }
  const grid = aggregateHeatLossGrid(results, DEFAULT_GRID_SETTINGS);
  writePublicFile(input.publicDir, OVERLAY_FILE_NAME, JSON.stringify(grid));
  writePublicFile(
    input.publicDir,
    LEGEND_FILE_NAME,
    JSON.stringify(
      {
        classes: HEAT_LOSS_LEGEND,
        cellSizeMeters: DEFAULT_GRID_SETTINGS.cellSizeMeters,
        minBuildingsPerCell: DEFAULT_GRID_SETTINGS.minBuildingsPerCell,
        flightDate: input.flight.flightDate ?? null,
        simulated: input.simulated,
        attribution: input.attribution ?? null,
      },
      null,
      2,
    ),
  );
  const byClass: ThermographySummary['byClass'] = [0, 0, 0, 0, 0];
  const noData: Record<string, number> = {};
  for (const result of results) {
    if (result.status === 'classified') byClass[result.heatLossClass - 1]! += 1;
    else noData[result.reason] = (noData[result.reason] ?? 0) + 1;
  }
  return {
    roofs: results.length,
    classified: byClass.reduce((sum, count) => sum + count, 0),
    byClass,
    noData,
    publicCells: grid.features.length,
    results,
  };
}

/** The building as the owner's 3D view draws it: roof outline (EPSG:25832, centimetres), height, codes. */
export function ownerBuildingGeometry(roof: RoofOutline) {
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    crs: 'EPSG:25832',
    outline: roof.polygons.map((polygon) =>
      polygon.map((ring) => ring.map(([easting, northing]) => [round(easting), round(northing)])),
    ),
    heightMeters: roof.heightMeters === undefined ? null : round(roof.heightMeters),
    roofAreaSquareMeters: round(roofAreaSquareMeters(roof)),
    functionCode: roof.functionCode ?? null,
    roofTypeCode: roof.roofTypeCode ?? null,
  };
}

/** Where the owner's image lies and what its colours mean (everything of the crop but its pixels). */
function imageGeoreference(crop: RoofImageCrop) {
  return {
    crs: 'EPSG:25832',
    width: crop.width,
    height: crop.height,
    originEastingMeters: crop.originEastingMeters,
    originNorthingMeters: crop.originNorthingMeters,
    pixelSizeMeters: crop.pixelSizeMeters,
    scaleMinCelsius: crop.scaleMinCelsius,
    scaleMaxCelsius: crop.scaleMaxCelsius,
  };
}

/** One line per figure, German as the rest of the CLI output. */
export function formatThermographySummary(summary: ThermographySummary): string {
  const classes = summary.byClass.map((count, index) => `Klasse ${index + 1}: ${count}`).join(', ');
  const noData = Object.entries(summary.noData)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  return [
    `${summary.roofs} Dächer, ${summary.classified} klassifiziert (${classes})`,
    `keine Daten: ${summary.roofs - summary.classified}${noData ? ` (${noData})` : ''}`,
    `öffentliche Karte: ${summary.publicCells} Zellen mit mindestens ${DEFAULT_GRID_SETTINGS.minBuildingsPerCell} Gebäuden`,
  ].join('\n');
}

/** Writes next to the target and renames, so the server never serves half a file. */
function writePublicFile(folder: string, name: string, text: string): void {
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${name}.partial`);
  writeFileSync(temporary, text);
  renameSync(temporary, join(folder, name));
}
