/**
 * The thermography bench: megapixels and roofs per second through zonal statistics, hot spots and classes, for
 * the default city and a synthetic 150,000-building city at 0.5 m (goal: the whole synthetic Münster in under two
 * minutes). The rasters are generated window by window; generating is timed apart from the analysis, and reading
 * GeoTIFF is measured on one tile to estimate what real files would add.
 */
import {
  DEFAULT_BUILDING_COUNT,
  generateMuensterCity,
} from '../../../src/domain/buildings/generator/generateMuensterCity';
import { aggregateHeatLossGrid } from '../../../src/domain/thermography/aggregateHeatLossGrid';
import { classifyRoofs } from '../../../src/domain/thermography/classifyRoofs';
import {
  DEFAULT_GENERATED_TILING,
  generatedRasterSources,
  indexSceneRoofs,
  windowOfBounds,
} from '../../../src/domain/thermography/generator/generatedRasterSources';
import {
  DEFAULT_FLIGHT,
  planGeneratedFlight,
  roofOutlinesOfCity,
} from '../../../src/domain/thermography/generator/generatedFlight';
import { renderThermalWindow } from '../../../src/domain/thermography/generator/renderThermalRaster';
import { DEFAULT_CLASSIFICATION_SETTINGS } from '../../../src/domain/thermography/heatLossClass';
import { measureRoof, type RoofMeasurement } from '../../../src/domain/thermography/measureRoof';
import { readThermalGeoTiff, writeThermalGeoTiff } from '../../../src/domain/thermography/thermalGeoTiff';
import { formatGoalRatio, formatHeading, formatNumber, formatTable } from '../benchTable';
import { composeSyntheticCity } from '../pipeline/syntheticCity';

/** The goal for the whole synthetic Münster (150,000 buildings at 0.5 m). */
export const WHOLE_CITY_GOAL_SECONDS = 120;
const SYNTHETIC_BUILDING_COUNT = 150_000;
const QUICK_SYNTHETIC_BUILDING_COUNT = 25_000;

export interface ThermographyBenchOptions {
  quick: boolean;
  log(line: string): void;
}

interface CityFigures {
  name: string;
  roofs: number;
  megapixels: number;
  generateSeconds: number;
  measureSeconds: number;
  classifySeconds: number;
}

async function benchCity(
  name: string,
  roofsOf: () => ReturnType<typeof roofOutlinesOfCity>,
  log: (line: string) => void,
): Promise<CityFigures> {
  const roofs = roofsOf();
  log(`${name}: ${roofs.length} roofs, planning the flight`);
  const scene = planGeneratedFlight(roofs);
  const sources = generatedRasterSources(scene, {
    pixelSizeMeters: DEFAULT_FLIGHT.pixelSizeMeters,
    ...DEFAULT_GENERATED_TILING,
  });
  // Roofs by the tile that holds their centre: the same grouping generatedRasterSources made.
  const size = DEFAULT_GENERATED_TILING.tileSizeMeters;
  const roofsByTile = new Map<string, typeof roofs>();
  for (const roof of roofs) {
    const key = `${Math.floor(roof.centre[0] / size) * size}_${Math.floor(roof.centre[1] / size) * size}`;
    roofsByTile.set(key, [...(roofsByTile.get(key) ?? []), roof]);
  }
  let generateMs = 0;
  let measureMs = 0;
  let pixels = 0;
  const measurements: RoofMeasurement[] = [];
  for (const [index, source] of sources.entries()) {
    const startedAt = performance.now();
    const raster = await source.load();
    const renderedAt = performance.now();
    for (const roof of roofsByTile.get(source.name.replace('generated tile ', '')) ?? [])
      measurements.push(measureRoof(raster, roof));
    measureMs += performance.now() - renderedAt;
    generateMs += renderedAt - startedAt;
    pixels += raster.width * raster.height;
    if (index % 200 === 199) log(`${name}: ${index + 1} of ${sources.length} windows`);
  }
  if (measurements.length !== roofs.length)
    throw new Error(`${name}: measured ${measurements.length} of ${roofs.length} roofs`);
  const classifyStartedAt = performance.now();
  const results = classifyRoofs(measurements, {
    ...DEFAULT_CLASSIFICATION_SETTINGS,
    airTemperatureCelsius: DEFAULT_FLIGHT.airTemperatureCelsius,
  });
  aggregateHeatLossGrid(results);
  const classifySeconds = (performance.now() - classifyStartedAt) / 1000;
  return {
    name,
    roofs: roofs.length,
    megapixels: pixels / 1e6,
    generateSeconds: generateMs / 1000,
    measureSeconds: measureMs / 1000,
    classifySeconds,
  };
}

/** GeoTIFF read and write speed (uncompressed float32, as geotiff.js writes it) on one 2,000 × 2,000 tile. */
async function benchGeoTiffRead(): Promise<{
  readMegapixelsPerSecond: number;
  writeMegapixelsPerSecond: number;
}> {
  const roofs = roofOutlinesOfCity(generateMuensterCity({ seed: 5, buildingCount: 500 }));
  const scene = planGeneratedFlight(roofs);
  const [x, y] = roofs[0]!.centre;
  const raster = renderThermalWindow(
    scene,
    indexSceneRoofs(scene),
    windowOfBounds(
      { minEasting: x - 500, maxEasting: x + 500, minNorthing: y - 500, maxNorthing: y + 500 },
      0.5,
    ),
  );
  const writeStartedAt = performance.now();
  const bytes = writeThermalGeoTiff(raster);
  const writeSeconds = (performance.now() - writeStartedAt) / 1000;
  // The fastest of three reads: one read is easily slowed down by whatever else the machine does.
  let readSeconds = Infinity;
  for (let run = 0; run < 3; run++) {
    const readStartedAt = performance.now();
    await readThermalGeoTiff(bytes, { fileName: 'bench.tif' });
    readSeconds = Math.min(readSeconds, (performance.now() - readStartedAt) / 1000);
  }
  const megapixels = (raster.width * raster.height) / 1e6;
  return {
    readMegapixelsPerSecond: megapixels / readSeconds,
    writeMegapixelsPerSecond: megapixels / writeSeconds,
  };
}

export async function runThermographyBench({ quick, log }: ThermographyBenchOptions): Promise<void> {
  const syntheticCount = quick ? QUICK_SYNTHETIC_BUILDING_COUNT : SYNTHETIC_BUILDING_COUNT;
  const cities = [
    await benchCity(
      'default city',
      () => roofOutlinesOfCity(generateMuensterCity({ seed: 2021, buildingCount: DEFAULT_BUILDING_COUNT })),
      log,
    ),
    await benchCity(
      `synthetic ${formatNumber(syntheticCount)}`,
      () => roofOutlinesOfCity(composeSyntheticCity(syntheticCount, 2021).city),
      log,
    ),
  ];
  log('GeoTIFF read and write speed');
  const geoTiff = await benchGeoTiffRead();
  console.log(
    formatHeading(
      'Thermography (0.5 m pixels; analysis = zonal statistics, hot spots, classes, public grid)',
    ),
  );
  console.log(
    formatTable(
      [
        { heading: 'city' },
        { heading: 'roofs', numeric: true },
        { heading: 'Mpx', numeric: true },
        { heading: 'measure s', numeric: true },
        { heading: 'classify s', numeric: true },
        { heading: 'analysis s', numeric: true },
        { heading: 'Mpx/s', numeric: true },
        { heading: 'roofs/s', numeric: true },
        { heading: 'generating s', numeric: true },
        { heading: 'with GeoTIFF read (est.) s', numeric: true },
        { heading: `vs ${WHOLE_CITY_GOAL_SECONDS} s`, numeric: true },
      ],
      cities.map((city) => {
        const analysisSeconds = city.measureSeconds + city.classifySeconds;
        const withReading = analysisSeconds + city.megapixels / geoTiff.readMegapixelsPerSecond;
        return [
          city.name,
          formatNumber(city.roofs),
          formatNumber(city.megapixels),
          formatNumber(city.measureSeconds, 1),
          formatNumber(city.classifySeconds, 1),
          formatNumber(analysisSeconds, 1),
          formatNumber(city.megapixels / analysisSeconds, 1),
          formatNumber(city.roofs / analysisSeconds),
          formatNumber(city.generateSeconds, 1),
          formatNumber(withReading, 1),
          city.roofs >= SYNTHETIC_BUILDING_COUNT
            ? formatGoalRatio(withReading, WHOLE_CITY_GOAL_SECONDS, 'at-most')
            : '—',
        ];
      }),
    ),
  );
  console.log(
    `GeoTIFF (geotiff.js, uncompressed float32, 4 Mpx tile): read ${formatNumber(geoTiff.readMegapixelsPerSecond, 1)} Mpx/s, ` +
      `write ${formatNumber(geoTiff.writeMegapixelsPerSecond, 1)} Mpx/s. Analysis per 0.5 m window holding the roofs; ` +
      'the Mpx are those windows (roofs plus margins), not the whole city area.',
  );
}
