import proj4 from 'proj4';

/** ETRS89 / UTM zone 32N: the plane of all NRW geodata (LoD2, ALKIS). */
export const EPSG_25832 = 'EPSG:25832';
export const EPSG_4326 = 'EPSG:4326';

// Definition as published by EPSG (GRS80 ellipsoid, ETRS89 datum is WGS84-compatible at the metre level).
proj4.defs(EPSG_25832, '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs');

const utm32ToWgs84 = proj4(EPSG_25832, EPSG_4326);

/** A point on the EPSG:25832 plane, in metres. */
export interface Utm32Point {
  eastingMeters: number;
  northingMeters: number;
}

/** A point in WGS84 degrees. */
export interface GeographicPoint {
  longitudeDegrees: number;
  latitudeDegrees: number;
}

/** Converts EPSG:25832 easting/northing to WGS84 longitude/latitude. */
export function utm32ToGeographic(point: Utm32Point): GeographicPoint {
  const [longitudeDegrees, latitudeDegrees] = utm32ToWgs84.forward([
    point.eastingMeters,
    point.northingMeters,
  ]);
  return { longitudeDegrees: longitudeDegrees!, latitudeDegrees: latitudeDegrees! };
}

/** Converts WGS84 longitude/latitude to EPSG:25832 easting/northing. */
export function geographicToUtm32(point: GeographicPoint): Utm32Point {
  const [eastingMeters, northingMeters] = utm32ToWgs84.inverse([
    point.longitudeDegrees,
    point.latitudeDegrees,
  ]);
  return { eastingMeters: eastingMeters!, northingMeters: northingMeters! };
}
