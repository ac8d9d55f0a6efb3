import { FEET_TO_METERS, type ZoneLimit } from './heightLimits';
import type { LonLat } from './corridorScene';

/** A parsed value, or the reason the text is not one. */
export type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

// One angle: degrees, then optional minutes and seconds, each part after a colon, the last one may be decimal
// ("52:07:20", "52:07.5", "52:07:20.5", "52.1222").
const ANGLE = String.raw`(\d{1,3}(?:\.\d+)?)(?::(\d{1,2}(?:\.\d+)?))?(?::(\d{1,2}(?:\.\d+)?))?`;
const COORDINATE = new RegExp(String.raw`^${ANGLE}\s*([NS])\s*,?\s*${ANGLE}\s*([EW])$`, 'i');

function angleDegrees(
  degrees: string,
  minutes: string | undefined,
  seconds: string | undefined,
): number | string {
  const d = Number(degrees);
  const m = minutes === undefined ? 0 : Number(minutes);
  const s = seconds === undefined ? 0 : Number(seconds);
  if ((minutes !== undefined || seconds !== undefined) && !Number.isInteger(d))
    return 'decimal degrees with minutes';
  if (m >= 60) return `minutes ${minutes} are not below 60`;
  if (s >= 60) return `seconds ${seconds} are not below 60`;
  if (seconds !== undefined && !Number.isInteger(m)) return 'decimal minutes with seconds';
  return d + m / 60 + s / 3600;
}

/** Parses an OpenAir coordinate, e.g. `52:07:20 N 008:18:40 E`, into [longitude, latitude] degrees. */
export function parseOpenAirCoordinate(text: string): Parsed<LonLat> {
  const match = COORDINATE.exec(text.trim());
  if (!match) return { error: `"${text.trim()}" is not a coordinate like 52:07:20 N 008:18:40 E` };
  const [, latD, latM, latS, northSouth, lonD, lonM, lonS, eastWest] = match;
  const latitude = angleDegrees(latD!, latM, latS);
  const longitude = angleDegrees(lonD!, lonM, lonS);
  if (typeof latitude === 'string') return { error: `latitude: ${latitude}` };
  if (typeof longitude === 'string') return { error: `longitude: ${longitude}` };
  if (latitude > 90) return { error: `latitude ${latitude.toFixed(4)}° is beyond 90°` };
  if (longitude > 180) return { error: `longitude ${longitude.toFixed(4)}° is beyond 180°` };
  return {
    value: [
      eastWest!.toUpperCase() === 'W' ? -longitude : longitude,
      northSouth!.toUpperCase() === 'S' ? -latitude : latitude,
    ],
  };
}

const GROUND_WORDS = new Set(['GND', 'SFC', 'AGL', 'ASFC', 'AGND']);
const SEA_WORDS = new Set(['MSL', 'AMSL', 'ALT']);
const UNLIMITED_WORDS = new Set(['UNL', 'UNLIM', 'UNLTD', 'UNLIMITED']);

/**
 * Parses an OpenAir altitude (`AL`/`AH` value) into a zone limit that keeps the text as its label:
 * `GND`/`SFC` (ground), `FL80`/`FL 65`, `UNL`, and a number with an optional unit (`ft` by default, `m`) and
 * reference (`MSL`/`AMSL`/`ALT`, or `GND`/`AGL`/`SFC`/`ASFC` for above ground; none means MSL):
 * `2500ft MSL`, `500ft GND`, `1500 m AGL`, `3500`.
 */
export function parseOpenAirAltitude(text: string): Parsed<ZoneLimit> {
  const label = text.trim().replace(/\s+/g, ' ');
  const upper = label.toUpperCase();
  if (upper === '') return { error: 'the altitude is empty' };
  if (GROUND_WORDS.has(upper)) return { value: { reference: 'AGL', heightMeters: 0, label } };
  if (UNLIMITED_WORDS.has(upper)) return { value: { reference: 'UNL', label } };
  const flightLevel = /^FL\s*(\d{1,3})$/.exec(upper);
  if (flightLevel) return { value: { reference: 'FL', flightLevel: Number(flightLevel[1]), label } };
  const match = /^(\d+(?:\.\d+)?)\s*(FT|F|M|METERS?|METRES?)?\s*([A-Z]+)?$/.exec(upper);
  if (!match) return { error: `"${label}" is not an altitude like GND, FL80, 2500ft MSL or 500ft GND` };
  const [, amount, unit, reference] = match;
  const metresPerUnit = unit !== undefined && unit.startsWith('M') ? 1 : FEET_TO_METERS;
  const heightMeters = Number(amount) * metresPerUnit;
  if (reference === undefined || SEA_WORDS.has(reference))
    return { value: { reference: 'MSL', heightMeters, label } };
  if (GROUND_WORDS.has(reference)) return { value: { reference: 'AGL', heightMeters, label } };
  return { error: `"${reference}" in "${label}" is not an altitude reference (MSL, AMSL, GND, AGL, SFC)` };
}

/** Parses a distance in nautical miles (`DA`/`DC` radius); OpenAir gives radii in NM. */
export function parseNauticalMiles(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (!/^\d+(?:\.\d+)?$/.test(trimmed)) return { error: `"${trimmed}" is not a radius in nautical miles` };
  const value = Number(trimmed);
  if (value <= 0) return { error: 'the radius must be greater than 0' };
  return { value };
}

/** Parses an angle in degrees (`DA` start and end), 0 = north, clockwise. */
export function parseBearingDegrees(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (!/^-?\d+(?:\.\d+)?$/.test(trimmed)) return { error: `"${trimmed}" is not an angle in degrees` };
  return { value: Number(trimmed) };
}
