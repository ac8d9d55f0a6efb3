import { describe, expect, it } from 'vitest';
import { generateMuensterCity } from '../../buildings/generator/generateMuensterCity';
import { classifyRoofs } from '../classifyRoofs';
import { DEFAULT_CLASSIFICATION_SETTINGS } from '../heatLossClass';
import { measureRoofsInRasters } from '../measureRoofsInRasters';
import { generatedRasterSources, indexSceneRoofs, windowOfBounds } from './generatedRasterSources';
import { DEFAULT_FLIGHT, planGeneratedFlight, roofOutlinesOfCity } from './generatedFlight';
import { renderThermalWindow } from './renderThermalRaster';

const roofs = roofOutlinesOfCity(generateMuensterCity({ seed: 7, buildingCount: 600 }));
const scene = planGeneratedFlight(roofs);
const air = DEFAULT_FLIGHT.airTemperatureCelsius;

describe('generated thermal flight', { timeout: 30_000 }, () => {
  it('lets the classification find the uninsulated roofs again', async () => {
    const sources = generatedRasterSources(scene, {
      pixelSizeMeters: 0.5,
      tileSizeMeters: 250,
      marginMeters: 4,
    });
    const measurements = await measureRoofsInRasters(roofs, sources);
    const results = classifyRoofs(measurements, {
      ...DEFAULT_CLASSIFICATION_SETTINGS,
      airTemperatureCelsius: air,
    });
    const insulationById = new Map(
      scene.roofs.map((profile) => [profile.roof.buildingId, profile.insulation]),
    );
    const meanClass = (insulation: string) => {
      const classes = results.flatMap((result) =>
        result.status === 'classified' && insulationById.get(result.buildingId) === insulation
          ? [result.heatLossClass]
          : [],
      );
      return classes.reduce((sum, value) => sum + value, 0) / classes.length;
    };
    expect(results.filter((result) => result.status === 'classified').length).toBeGreaterThan(
      roofs.length * 0.95,
    );
    expect(meanClass('uninsulated')).toBeGreaterThan(meanClass('insulated') + 1.5);
    // Chimneys show up as hot spots well above the air temperature.
    const hottest = Math.max(
      ...results.flatMap((result) =>
        result.status === 'classified' ? result.hotSpots.map((spot) => spot.maxCelsius) : [],
      ),
    );
    expect(hottest).toBeGreaterThan(air + 10);
  });

  it('draws the suspected leak as a warm patch on the pipe, and skylight glass colder than the air', () => {
    const { leak } = scene.pipe!;
    const size = 0.5;
    const around = windowOfBounds(
      {
        minEasting: leak.easting - 20,
        maxEasting: leak.easting + 20,
        minNorthing: leak.northing - 20,
        maxNorthing: leak.northing + 20,
      },
      size,
    );
    const raster = renderThermalWindow(scene, indexSceneRoofs(scene), around);
    const centre = Math.floor(raster.height / 2) * raster.width + Math.floor(raster.width / 2);
    expect(raster.celsius[centre]!).toBeGreaterThan(air);
    const profile = scene.roofs.find(
      (candidate) => candidate.skylights.length > 0 && candidate.chimneys.length === 0,
    )!;
    const skylight = profile.skylights[0]!;
    const glassWindow = windowOfBounds(
      {
        minEasting: skylight.easting - 0.2,
        maxEasting: skylight.easting + 0.2,
        minNorthing: skylight.northing - 0.2,
        maxNorthing: skylight.northing + 0.2,
      },
      size,
    );
    const glass = renderThermalWindow(scene, indexSceneRoofs(scene), glassWindow);
    expect(Math.max(...glass.celsius)).toBeLessThan(air - 5);
  });

  it('renders the same pixel alike in overlapping windows', () => {
    const { roof } = scene.roofs[10]!;
    const index = indexSceneRoofs(scene);
    const small = renderThermalWindow(scene, index, windowOfBounds(roof.bounds, 0.5));
    const grown = windowOfBounds(
      { ...roof.bounds, minEasting: roof.bounds.minEasting - 10, maxNorthing: roof.bounds.maxNorthing + 10 },
      0.5,
    );
    const large = renderThermalWindow(scene, index, grown);
    const offsetColumns = Math.round((small.originEastingMeters - large.originEastingMeters) / 0.5);
    const offsetRows = Math.round((large.originNorthingMeters - small.originNorthingMeters) / 0.5);
    for (let row = 0; row < small.height; row++)
      for (let column = 0; column < small.width; column++)
        expect(small.celsius[row * small.width + column]).toBe(
          large.celsius[(row + offsetRows) * large.width + column + offsetColumns],
        );
  });
});
