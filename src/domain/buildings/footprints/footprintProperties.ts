import type { BuildingAddress } from '../buildingModel';
import type { FootprintProblem } from './checkFootprintPolygon';

/** Storey height used when a footprint gives storeys but no height: 3.0 m, a common planning rule of thumb. */
export const DEFAULT_STOREY_HEIGHT_METERS = 3.0;

/** LoD1 blocks have flat roofs: CityGML/AdV roofType 1000 (Flachdach). */
export const FLAT_ROOF_TYPE_CODE = '1000';

// Property names in order of preference. Lookups ignore case, and also match the first ten characters because
// dBASE truncates Shapefile column names (`storeysAboveGround` arrives as `storeysAbo`).
const HEIGHT_KEYS = ['height', 'measuredHeight', 'hoehe'];
const STOREY_KEYS = ['storeys', 'storeysAboveGround', 'geschosse'];
const BASE_HEIGHT_KEYS = ['groundHeight', 'baseHeight'];
const ID_KEYS = ['id', 'gml_id'];
const FUNCTION_KEYS = ['function'];
const ROOF_TYPE_KEYS = ['roofType'];
const STREET_KEYS = ['street', 'strasse'];
const HOUSE_NUMBER_KEYS = ['houseNumber', 'hausnummer'];
const POSTAL_CODE_KEYS = ['postalCode', 'plz'];
const LOCALITY_KEYS = ['locality', 'ort'];

/** Each name's lower-case and dBASE-truncated forms, made once rather than on every lookup of every feature. */
const LOOKUP_NAMES = new Map<string, [lower: string, truncated: string]>();

function lookupNamesOf(name: string): [lower: string, truncated: string] {
  let forms = LOOKUP_NAMES.get(name);
  if (forms === undefined) {
    const lower = name.toLowerCase();
    forms = [lower, lower.slice(0, 10)];
    LOOKUP_NAMES.set(name, forms);
  }
  return forms;
}

/** A feature's properties, looked up by any of several names. */
export class FootprintProperties {
  private readonly byLowerCaseName = new Map<string, unknown>();

  constructor(properties: Readonly<Record<string, unknown>> | null | undefined) {
    for (const [name, value] of Object.entries(properties ?? {})) {
      if (value !== null && value !== undefined && value !== '')
        this.byLowerCaseName.set(name.toLowerCase(), value);
    }
  }

  /** The value of the first name present (exact or dBASE-truncated), or undefined. */
  value(names: readonly string[]): unknown {
    for (const name of names) {
      const [lower, truncated] = lookupNamesOf(name);
      const value = this.byLowerCaseName.get(lower) ?? this.byLowerCaseName.get(truncated);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** A number, also from text such as `12.5` or German `12,5`; NaN when present but not numeric. */
  number(names: readonly string[]): number | undefined {
    const value = this.value(names);
    if (value === undefined) return undefined;
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && /^\s*[-+]?\d+([.,]\d+)?\s*$/.test(value)) {
      return Number(value.replace(',', '.'));
    }
    return Number.NaN;
  }

  /** Trimmed text of a string or number value; undefined when absent or blank. */
  text(names: readonly string[]): string | undefined {
    const value = this.value(names);
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    const text = String(value).trim();
    return text === '' ? undefined : text;
  }
}

/** How tall the block is and where that came from. */
export interface FootprintHeight {
  heightMeters: number;
  /** Set only when the source gave a height; a height derived from storeys is not a measurement. */
  measuredHeightMeters?: number;
  storeysAboveGround?: number;
}

/**
 * Height from `height`/`measuredHeight`/`hoehe`, else storeys × storey height. A height that is present but not
 * positive falls back to storeys with a warning; with neither the feature is skipped.
 */
export function readFootprintHeight(
  properties: FootprintProperties,
  storeyHeightMeters: number,
): { height: FootprintHeight | undefined; problems: FootprintProblem[] } {
  const problems: FootprintProblem[] = [];
  const measured = properties.number(HEIGHT_KEYS);
  const storeys = properties.number(STOREY_KEYS);
  const validStoreys = storeys !== undefined && Number.isFinite(storeys) && storeys > 0 ? storeys : undefined;
  if (measured !== undefined && Number.isFinite(measured) && measured > 0) {
    return {
      height: { heightMeters: measured, measuredHeightMeters: measured, storeysAboveGround: validStoreys },
      problems,
    };
  }
  if (measured !== undefined && validStoreys !== undefined) {
    problems.push({
      severity: 'warning',
      code: 'invalid-height',
      message: `height ${String(properties.value(HEIGHT_KEYS))} is not a positive number; used ${validStoreys} storeys × ${storeyHeightMeters} m`,
    });
  }
  if (validStoreys !== undefined) {
    return {
      height: { heightMeters: validStoreys * storeyHeightMeters, storeysAboveGround: validStoreys },
      problems,
    };
  }
  const found = measured ?? storeys;
  problems.push({
    severity: 'error',
    code: found === undefined ? 'missing-height' : 'invalid-height',
    message:
      found === undefined
        ? 'neither height nor storeys given'
        : `height or storeys ${String(properties.value(measured === undefined ? STOREY_KEYS : HEIGHT_KEYS))} is not a positive number`,
  });
  return { height: undefined, problems };
}

/** Base height (DHHN2016 m) from `groundHeight`/`baseHeight`; undefined when absent or not a finite number. */
export function readBaseHeight(properties: FootprintProperties): number | undefined {
  const base = properties.number(BASE_HEIGHT_KEYS);
  return base !== undefined && Number.isFinite(base) ? base : undefined;
}

/** The id a feature carries in its properties (`id`, `gml_id`), if any. */
export function readPropertyId(properties: FootprintProperties): string | undefined {
  return properties.text(ID_KEYS);
}

/** The descriptive attributes: ALKIS function, roof type (flat unless given) and the address, if any. */
export function readDescriptiveAttributes(properties: FootprintProperties): {
  functionCode?: string;
  roofTypeCode: string;
  addresses: BuildingAddress[];
} {
  // Only the parts present, in this order.
  const address: BuildingAddress = {};
  const street = properties.text(STREET_KEYS);
  if (street !== undefined) address.street = street;
  const houseNumber = properties.text(HOUSE_NUMBER_KEYS);
  if (houseNumber !== undefined) address.houseNumber = houseNumber;
  const postalCode = properties.text(POSTAL_CODE_KEYS);
  if (postalCode !== undefined) address.postalCode = postalCode;
  const locality = properties.text(LOCALITY_KEYS);
  if (locality !== undefined) address.locality = locality;
  const hasAddress =
    street !== undefined || houseNumber !== undefined || postalCode !== undefined || locality !== undefined;
  return {
    functionCode: properties.text(FUNCTION_KEYS),
    roofTypeCode: properties.text(ROOF_TYPE_KEYS) ?? FLAT_ROOF_TYPE_CODE,
    addresses: hasAddress ? [address] : [],
  };
}
