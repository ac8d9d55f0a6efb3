/**
 * How each format names its sensors, so a recording, the catalogue and the known places agree. A child sensor
 * (a bike counter's direction, a signal group) extends its parent's id with `:<part>`, and takes the parent's
 * place when it has none of its own.
 */

const TRANSLITERATION: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** `PP Schlossplatz Süd` → `pp-schlossplatz-sued`: lower case, umlauts spelled out, anything else a dash. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => TRANSLITERATION[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const parkingSensorId = (carParkName: string): string => `parking:${slugify(carParkName)}`;

/** The station total is `bike-counter:<station>`; a direction channel `bike-counter:<station>:<channel>`. */
export const bikeCounterSensorId = (stationId: string, channelId?: string): string =>
  channelId === undefined || channelId === stationId
    ? `bike-counter:${stationId}`
    : `bike-counter:${stationId}:${channelId}`;

export const openSenseMapSensorId = (boxId: string): string => `opensensemap:${boxId}`;

export const ubaSensorId = (stationCode: string): string => `uba:${stationCode}`;

/** Intersection ids without leading zeros (`04070` and `4070` are one signal). */
export const signalGroupSensorId = (intersectionId: string | number, signalGroup: string | number): string =>
  `spat:${Number(intersectionId)}:${signalGroup}`;

export const signalIntersectionId = (intersectionId: string | number): string =>
  `spat:${Number(intersectionId)}`;

export const datahubSensorId = (deviceId: string): string => `datahub:${deviceId}`;

/** The parent of a child sensor id (`spat:4070:14` → `spat:4070`), or undefined for a top-level id. */
export function parentSensorId(sensorId: string): string | undefined {
  const parts = sensorId.split(':');
  return parts.length > 2 ? parts.slice(0, -1).join(':') : undefined;
}
