import { EPSG_25832, EPSG_4326, geographicToUtm32 } from '../../geo/projection';
import type { PlanarPoint } from './footprintPolygon';

/** The two reference systems footprints arrive in: NRW's plane, or GPS-style degrees (lon, lat). */
export type FootprintCrs = typeof EPSG_25832 | typeof EPSG_4326;

// EPSG codes meaning "ETRS89 / UTM 32N" (25832; 5555 adds DHHN92 heights) or "degrees, longitude first".
// ETRS89 geographic (4258) and WGS84 agree to well under a metre in Germany, below footprint accuracy.
const UTM32_CODES = new Set(['25832', '5555']);
const DEGREE_CODES = new Set(['4326', '4258', 'CRS84']);

/**
 * Reads a CRS name as GeoJSON's `crs` member, FlatGeobuf's header or an option give it:
 * `EPSG:25832`, `urn:ogc:def:crs:EPSG::25832`, `http://www.opengis.net/def/crs/EPSG/0/4326`,
 * `urn:ogc:def:crs:OGC:1.3:CRS84`, AdV's `urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH`; in a compound system
 * (`EPSG:25832+7837`) the first, horizontal code counts. Undefined when unknown.
 */
export function crsFromName(name: string): FootprintCrs | undefined {
  const text = name.trim().toUpperCase();
  if (/ETRS89_UTM32/.test(text)) return EPSG_25832;
  const code = /(\d{4,5}|CRS84)/.exec(text)?.[1];
  if (code === undefined) return undefined;
  if (UTM32_CODES.has(code)) return EPSG_25832;
  if (DEGREE_CODES.has(code)) return EPSG_4326;
  return undefined;
}

/**
 * Reads the WKT of a Shapefile `.prj` (ESRI or OGC flavour) or a FlatGeobuf header: a projected system must be
 * UTM zone 32 North on ETRS89/GRS80; a geographic one must be WGS84 or ETRS89. Undefined when it is neither.
 */
export function crsFromWkt(wkt: string): FootprintCrs | undefined {
  const text = wkt.toUpperCase();
  // The last authority closes the whole system (WKT1 AUTHORITY, WKT2 ID); inner ones name datum and units.
  const authority = /(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/.exec(text)?.[1];
  if (authority !== undefined) return crsFromName(`EPSG:${authority}`);
  if (/^\s*(PROJCS|PROJCRS)/.test(text)) {
    const isUtm32North = /UTM[ _]ZONE[ _]32N|UTM ZONE 32 ?N|UTM32N/.test(text);
    const isEtrs89 = /ETRS|GRS[ _]?1980|GRS 80/.test(text);
    return isUtm32North && isEtrs89 ? EPSG_25832 : undefined;
  }
  if (/^\s*(GEOGCS|GEOGCRS|GEODCRS)/.test(text)) {
    return /WGS[ _]?(19)?84|ETRS[ _]?(19)?89/.test(text) ? EPSG_4326 : undefined;
  }
  return undefined;
}

/** Reads a GeoJSON (2008) `crs` member: `{ type: 'name', properties: { name } }`. */
export function crsNameFromGeoJsonMember(member: unknown): string | undefined {
  if (typeof member !== 'object' || member === null) return undefined;
  const properties = (member as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null) return undefined;
  const name = (properties as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** Coordinates that can only be degrees: no EPSG:25832 point has an easting under 180 m. */
export function looksLikeDegrees([x, y]: PlanarPoint): boolean {
  return Math.abs(x) <= 180 && Math.abs(y) <= 90;
}

/** Whether an EPSG:25832 coordinate lies where zone 32 is used at all (Germany's west, with a wide margin). */
export function isPlausibleUtm32([x, y]: PlanarPoint): boolean {
  return x > 100_000 && x < 900_000 && y > 5_000_000 && y < 6_500_000;
}

/** A function taking a source coordinate to the EPSG:25832 plane. */
export function createToUtm32(crs: FootprintCrs): (point: PlanarPoint) => PlanarPoint {
  if (crs === EPSG_25832) return (point) => point;
  return ([longitudeDegrees, latitudeDegrees]) => {
    // Keep NaN as NaN for the ring check to report, rather than asking proj4 what it makes of it.
    if (!Number.isFinite(longitudeDegrees) || !Number.isFinite(latitudeDegrees))
      return [Number.NaN, Number.NaN];
    const { eastingMeters, northingMeters } = geographicToUtm32({ longitudeDegrees, latitudeDegrees });
    return [eastingMeters, northingMeters];
  };
}
