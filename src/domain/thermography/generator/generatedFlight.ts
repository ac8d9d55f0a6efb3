import { readGeoJsonFootprints } from '../../buildings/footprints/readGeoJsonFootprints';
import type { GeneratedCity } from '../../buildings/generator/generateMuensterCity';
import { CITY_CENTRE } from '../../buildings/generator/muensterPlaces';
import { roofOutlineOfBuilding, type PlanarXY, type RoofOutline } from '../roofOutline';
import { planThermalScene, type ThermalScene } from './thermalScene';

/** The generated night flight of the default city: a clear January night as in 2021. */
export const DEFAULT_FLIGHT = {
  seed: 2021,
  airTemperatureCelsius: -2.4,
  pixelSizeMeters: 0.5,
  /** When the imagined flight took place (the real one flew in January 2021). */
  flightDate: '2021-01-20T03:00:00+01:00',
} as const;

/** The roofs of a generated city (footprints: flat roofs over them), in the city's order. */
export function roofOutlinesOfCity(city: GeneratedCity): RoofOutline[] {
  const roofs: RoofOutline[] = [];
  for (const building of readGeoJsonFootprints(city, {
    sourceFile: 'generated-city.geojson',
    onIssue: () => {},
  })) {
    const roof = roofOutlineOfBuilding(building);
    if (roof) roofs.push(roof);
  }
  return roofs;
}

/**
 * A district-heating main from the imagined plant by the harbour (about 1.6 km east-south-east of the centre)
 * along the streets towards the Prinzipalmarkt, as a polyline in EPSG:25832.
 */
export function districtHeatingPath(centre: PlanarXY = CITY_CENTRE): PlanarXY[] {
  const [x, y] = centre;
  return [
    [x + 1650, y - 900],
    [x + 1200, y - 760],
    [x + 800, y - 520],
    [x + 420, y - 300],
    [x + 150, y - 120],
  ];
}

/** The thermal scene of a generated city with the default flight's night and pipe. */
export function planGeneratedFlight(
  roofs: readonly RoofOutline[],
  options: { seed?: number; airTemperatureCelsius?: number } = {},
): ThermalScene {
  return planThermalScene(roofs, {
    seed: options.seed ?? DEFAULT_FLIGHT.seed,
    airTemperatureCelsius: options.airTemperatureCelsius ?? DEFAULT_FLIGHT.airTemperatureCelsius,
    cityCentre: CITY_CENTRE,
    pipePath: districtHeatingPath(),
  });
}
