/**
 * The real places the generated city is anchored to (coordinates as in scenes/muenster.json, which a test keeps
 * in step) and the approximate shapes it keeps free. Everything here is WGS84 longitude/latitude in degrees,
 * converted once to EPSG:25832 for the generator.
 */
import { geographicToUtm32 } from '../../geo/projection';
import type { PlanarPoint } from '../footprints/footprintPolygon';

/** A place of the overview scene and how much room around it stays free of buildings. */
export interface AnchorPlace {
  id: string;
  longitudeDegrees: number;
  latitudeDegrees: number;
  /** Radius kept free of buildings, in metres: a street crossing, a car park, a conversion site. */
  clearanceMeters: number;
}

/** Historisches Rathaus at the Prinzipalmarkt: the centre of the generated city. */
export const CITY_CENTRE_WGS84 = { longitudeDegrees: 7.6283, latitudeDegrees: 51.9621 } as const;

/** Places whose exact points stay free; the Prinzipalmarkt and Aasee are handled by the layout itself. */
export const ANCHOR_PLACES: readonly AnchorPlace[] = [
  { id: 'prinzipalmarkt', longitudeDegrees: 7.6283, latitudeDegrees: 51.9621, clearanceMeters: 8 },
  { id: 'hoerstertor', longitudeDegrees: 7.634209, latitudeDegrees: 51.965613, clearanceMeters: 25 },
  { id: 'kanalpromenade', longitudeDegrees: 7.6624286, latitudeDegrees: 51.9594524, clearanceMeters: 30 },
  { id: 'p-r-nieberdingstrasse', longitudeDegrees: 7.64549, latitudeDegrees: 51.9446, clearanceMeters: 60 },
  { id: 'york-quartier', longitudeDegrees: 7.656, latitudeDegrees: 51.932, clearanceMeters: 150 },
  { id: 'oxford-quartier', longitudeDegrees: 7.5714, latitudeDegrees: 51.9672, clearanceMeters: 150 },
];

/** Former barracks being converted to housing: around the free centre, only a few barrack-like blocks. */
export const CONVERSION_SITE_IDS: readonly string[] = ['york-quartier', 'oxford-quartier'];
/** How far from a conversion site's point the sparse, barrack-like character reaches. */
export const CONVERSION_SITE_RADIUS_METERS = 450;

/** The Aasee water-quality buoy (scenes/muenster.json): a point on the lake. */
export const AASEE_BUOY_WGS84 = { longitudeDegrees: 7.614297, latitudeDegrees: 51.957148 } as const;

/**
 * The Aasee, APPROXIMATE: a lens about 2.4 km long from its north end near lon 7.620, lat 51.960 south-west to
 * about lon 7.595, lat 51.945, 110–300 m wide, drawn from general knowledge to keep houses out of the water. It
 * is not the real shoreline; replace it with the outline from ATKIS or OpenStreetMap before measuring with it.
 */
export const AASEE_OUTLINE_WGS84: readonly (readonly [longitude: number, latitude: number])[] = [
  [7.620557, 51.959645],
  [7.619462, 51.958487],
  [7.616664, 51.956559],
  [7.612515, 51.953944],
  [7.608866, 51.95163],
  [7.605218, 51.949315],
  [7.601519, 51.947033],
  [7.598216, 51.945426],
  [7.595507, 51.944678],
  [7.594493, 51.945322],
  [7.595783, 51.946974],
  [7.598478, 51.948968],
  [7.602278, 51.951186],
  [7.60613, 51.953371],
  [7.609981, 51.955557],
  [7.614333, 51.958042],
  [7.617537, 51.959713],
  [7.619443, 51.960355],
];

/** Park and promenade around the lake: no building comes closer to the water than this. */
export const AASEE_SHORE_CLEARANCE_METERS = 60;

/** The cathedral (St.-Paulus-Dom) on the Domplatz west of the Prinzipalmarkt, approximate. */
export const CATHEDRAL_WGS84 = { longitudeDegrees: 7.6256, latitudeDegrees: 51.9629 } as const;

/**
 * Radial roads named after the towns they lead to, with their approximate bearing from the centre (degrees
 * clockwise from north). Directions follow the towns' geography; the roads' real courses are not modelled.
 */
export const ARTERIAL_ROADS: readonly { name: string; bearingDegrees: number }[] = [
  { name: 'Kanalstraße', bearingDegrees: 20 },
  { name: 'Warendorfer Straße', bearingDegrees: 70 },
  { name: 'Wolbecker Straße', bearingDegrees: 115 },
  { name: 'Albersloher Weg', bearingDegrees: 146 },
  { name: 'Hammer Straße', bearingDegrees: 180 },
  { name: 'Weseler Straße', bearingDegrees: 210 },
  { name: 'Roxeler Straße', bearingDegrees: 275 },
  { name: 'Steinfurter Straße', bearingDegrees: 315 },
  { name: 'Grevener Straße', bearingDegrees: 345 },
];

/** WGS84 → EPSG:25832 as a plain pair. */
export function toPlanar(longitudeDegrees: number, latitudeDegrees: number): PlanarPoint {
  const { eastingMeters, northingMeters } = geographicToUtm32({ longitudeDegrees, latitudeDegrees });
  return [eastingMeters, northingMeters];
}

/** The Prinzipalmarkt on the EPSG:25832 plane. */
export const CITY_CENTRE: PlanarPoint = toPlanar(
  CITY_CENTRE_WGS84.longitudeDegrees,
  CITY_CENTRE_WGS84.latitudeDegrees,
);

/** The Aasee outline on the EPSG:25832 plane. */
export const AASEE_POLYGON: readonly PlanarPoint[] = AASEE_OUTLINE_WGS84.map(([longitude, latitude]) =>
  toPlanar(longitude, latitude),
);
