import { formatJsonPath, type ValidationIssue } from '../validation/issues';
import type { LonLat, RestrictionZone } from './corridorScene';
import { zoneLimitSchema, type ZoneLimit } from './heightLimits';
import { parseOpenAirAltitude } from './openAirValues';
import type { OpenAirAirspace } from './parseOpenAir';

/** Where a set of airspaces comes from, copied onto every zone made from them. */
export interface AirspaceSource {
  source: string;
  licence: string;
  /** Prefix of the zone ids (default `airspace`). */
  idPrefix?: string;
  /** How far the outlines may be off; default 31 m, one arc second of latitude, the precision of OpenAir points. */
  accuracyMeters?: number;
}

const DEFAULT_AIRSPACE_ACCURACY_METERS = 31;

/** Classes a drone may enter only with a clearance or not at all: control zones, prohibited and restricted areas, controlled airspace. */
const CONFLICT_CLASSES = new Set(['CTR', 'P', 'R', 'A', 'B', 'C', 'D']);

const REQUIREMENTS: Record<string, { de: string; en: string }> = {
  CTR: { de: 'Flugverkehrskontrollfreigabe (DFS)', en: 'Air traffic control clearance (DFS)' },
  P: { de: 'Flugverbot', en: 'Prohibited' },
  R: {
    de: 'Erlaubnis der zuständigen Stelle; Aktivierungszeiten prüfen',
    en: 'Permission of the controlling authority; check activation times',
  },
  Q: { de: 'Gefahrengebiet: Aktivierungszeiten prüfen', en: 'Danger area: check activation times' },
  TMZ: { de: 'Transponder erforderlich', en: 'Transponder required' },
  RMZ: { de: 'Funkkontakt erforderlich', en: 'Radio contact required' },
};
const CONTROLLED_REQUIREMENT = {
  de: 'Flugverkehrskontrollfreigabe (kontrollierter Luftraum)',
  en: 'Air traffic control clearance (controlled airspace)',
};
const DEFAULT_REQUIREMENT = { de: 'Bedingungen des Luftraums prüfen', en: "Check the airspace's conditions" };

/** Lower case, umlauts folded, anything else a hyphen: "CTR Münster" → "ctr-muenster". */
function slug(text: string): string {
  const folded = text
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return folded === '' ? 'zone' : folded;
}

/** Hands out ids that are unique within one call (`-2`, `-3` … for repeated names). */
function idMaker(prefix: string): (name: string) => string {
  const used = new Map<string, number>();
  return (name) => {
    const base = `${prefix}-${slug(name)}`;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

/**
 * A restriction zone from an airspace of a given class: a control zone (CTR), prohibited (P), restricted (R)
 * and controlled airspace (A–D) are conflicts (entry needs a clearance, § 21h Abs. 3 LuftVO for control zones);
 * every other class (danger areas Q, TMZ, RMZ, gliding sectors W …) is a warning to check its conditions.
 */
export function restrictionZoneFromAirspace(
  airspace: {
    airspaceClass: string;
    name: string;
    lowerLimit: ZoneLimit;
    upperLimit: ZoneLimit;
    ring: LonLat[];
  },
  id: string,
  source: AirspaceSource,
): RestrictionZone {
  const airspaceClass = airspace.airspaceClass.toUpperCase();
  const isControlZone = airspaceClass === 'CTR';
  return {
    id,
    name: { de: airspace.name },
    category: isControlZone ? 'control-zone' : 'airspace',
    geometry: { type: 'polygon', coordinates: airspace.ring },
    lowerLimit: airspace.lowerLimit,
    upperLimit: airspace.upperLimit,
    severity: CONFLICT_CLASSES.has(airspaceClass) ? 'conflict' : 'warning',
    legalBasis: isControlZone
      ? '§ 21h Abs. 3 LuftVO (Kontrollzonen), airspace class CTR'
      : `Airspace class/type ${airspaceClass}`,
    requirement:
      REQUIREMENTS[airspaceClass] ??
      (CONFLICT_CLASSES.has(airspaceClass) ? CONTROLLED_REQUIREMENT : DEFAULT_REQUIREMENT),
    accuracyMeters: source.accuracyMeters ?? DEFAULT_AIRSPACE_ACCURACY_METERS,
    source: source.source,
    licence: source.licence,
  };
}

/** Restriction zones from parsed OpenAir airspaces, with ids made from their names (`airspace-ctr-muenster`). */
export function restrictionZonesFromOpenAir(
  airspaces: readonly OpenAirAirspace[],
  source: AirspaceSource,
): RestrictionZone[] {
  const nextId = idMaker(source.idPrefix ?? 'airspace');
  return airspaces.map((airspace) =>
    restrictionZoneFromAirspace(airspace, nextId(airspace.name), {
      ...source,
      source: `${source.source} (${airspace.file}, line ${airspace.line})`,
    }),
  );
}

/** The first of these properties that a feature has. */
function pick(
  properties: Record<string, unknown>,
  names: readonly string[],
): { name: string; value: unknown } | undefined {
  for (const name of names) if (properties[name] !== undefined) return { name, value: properties[name] };
  return undefined;
}

function readLimit(
  properties: Record<string, unknown>,
  names: readonly string[],
  path: PropertyKey[],
  file: string,
  issues: ValidationIssue[],
): ZoneLimit | undefined {
  const found = pick(properties, names);
  const fieldPath = formatJsonPath([...path, found?.name ?? names[0]!]);
  if (!found) {
    issues.push({
      code: 'missing_limit',
      file,
      path: fieldPath,
      message: `the zone has no ${names.join(' or ')}`,
    });
    return undefined;
  }
  if (typeof found.value === 'string') {
    const parsed = parseOpenAirAltitude(found.value);
    if (parsed.error !== undefined)
      issues.push({ code: 'invalid_limit', file, path: fieldPath, message: parsed.error });
    return parsed.value;
  }
  const parsed = zoneLimitSchema.safeParse(found.value);
  if (parsed.success) return parsed.data;
  issues.push({
    code: 'invalid_limit',
    file,
    path: fieldPath,
    message:
      'write the limit as text ("GND", "2500ft MSL", "FL80") or as {"reference": …, "heightMeters": …}',
  });
  return undefined;
}

function isLonLatRing(value: unknown): value is LonLat[] {
  return (
    Array.isArray(value) &&
    value.length >= 3 &&
    value.every(
      (point) =>
        Array.isArray(point) &&
        point.length >= 2 &&
        typeof point[0] === 'number' &&
        typeof point[1] === 'number' &&
        Math.abs(point[0]) <= 180 &&
        Math.abs(point[1]) <= 90,
    )
  );
}

/**
 * Restriction zones from a GeoJSON FeatureCollection of Polygon/MultiPolygon features in WGS84 with lower and
 * upper limits in their properties (`lower_limit`/`lowerLimit`/`AL` and `upper_limit`/`upperLimit`/`AH`, as
 * OpenAir-style text or as zone-limit objects), a name (`name`/`AN`) and a class (`class`/`AC`, default `Q`).
 * A feature that cannot be read is left out with an issue naming the file and its JSON path.
 */
export function readGeoJsonRestrictionZones(
  json: unknown,
  file: string,
  source: AirspaceSource,
): { zones: RestrictionZone[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const features = (json as { type?: unknown; features?: unknown } | null)?.features;
  if ((json as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    return {
      zones: [],
      issues: [{ code: 'invalid_geojson', file, path: '$', message: 'expected a GeoJSON FeatureCollection' }],
    };
  }
  const nextId = idMaker(source.idPrefix ?? 'airspace');
  const zones: RestrictionZone[] = [];
  features.forEach((feature: unknown, index) => {
    const path = ['features', index];
    const { geometry, properties: rawProperties } = (feature ?? {}) as {
      geometry?: unknown;
      properties?: unknown;
    };
    const properties = (
      typeof rawProperties === 'object' && rawProperties !== null ? rawProperties : {}
    ) as Record<string, unknown>;
    const { type, coordinates } = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
    const polygons = type === 'Polygon' ? [coordinates] : type === 'MultiPolygon' ? coordinates : undefined;
    if (!Array.isArray(polygons)) {
      issues.push({
        code: 'invalid_geometry',
        file,
        path: formatJsonPath([...path, 'geometry']),
        message: 'only Polygon and MultiPolygon features can be zones',
      });
      return;
    }
    const issueCount = issues.length;
    const lowerLimit = readLimit(
      properties,
      ['lower_limit', 'lowerLimit', 'AL'],
      [...path, 'properties'],
      file,
      issues,
    );
    const upperLimit = readLimit(
      properties,
      ['upper_limit', 'upperLimit', 'AH'],
      [...path, 'properties'],
      file,
      issues,
    );
    const rings = polygons.map((polygon) => (Array.isArray(polygon) ? (polygon[0] as unknown) : undefined));
    if (!rings.every(isLonLatRing)) {
      issues.push({
        code: 'invalid_geometry',
        file,
        path: formatJsonPath([...path, 'geometry', 'coordinates']),
        message: 'each polygon needs an outer ring of at least 3 [longitude, latitude] positions',
      });
    }
    if (issues.length > issueCount || !lowerLimit || !upperLimit) return;
    const name = String(pick(properties, ['name', 'NAME', 'AN'])?.value ?? `feature ${index}`);
    const airspaceClass = String(pick(properties, ['class', 'CLASS', 'AC'])?.value ?? 'Q');
    for (const ring of rings as LonLat[][]) {
      const open = ring.map((point): LonLat => [point[0], point[1]]);
      const first = open[0]!;
      const last = open.at(-1)!;
      if (first[0] === last[0] && first[1] === last[1]) open.pop();
      zones.push(
        restrictionZoneFromAirspace(
          { airspaceClass, name, lowerLimit, upperLimit, ring: open },
          nextId(name),
          {
            ...source,
            source: `${source.source} (${file}, feature ${index})`,
          },
        ),
      );
    }
  });
  return { zones, issues };
}
