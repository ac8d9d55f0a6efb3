/**
 * Which srsName values mean "ETRS89 / UTM 32N (EPSG:25832) with DHHN2016 heights", the CRS the pipeline works in.
 * Anything else is reported and skipped rather than guessed: a wrong CRS would put buildings kilometres off.
 */

const UTM32_EPSG_CODE = '25832';
const DHHN2016_EPSG_CODE = '7837';

/** The AdV spellings NRW uses: with `*GCG2016` in the 2021 tiles, without it in the 2026 tiles (README, section 1). */
const ADV_SRS_NAMES: ReadonlySet<string> = new Set([
  'urn:adv:crs:etrs89_utm32*de_dhhn2016_nh',
  'urn:adv:crs:etrs89_utm32*de_dhhn2016_nh*gcg2016',
]);

const verdictBySrsName = new Map<string, boolean>();

/** Whether an srsName denotes EPSG:25832 (optionally compounded with the DHHN2016 height, EPSG:7837). */
export function isSupportedSrsName(srsName: string): boolean {
  let verdict = verdictBySrsName.get(srsName);
  if (verdict === undefined) {
    verdict = classifySrsName(srsName.trim().toLowerCase());
    // The cache stays tiny: a file carries one or two distinct srsName values.
    if (verdictBySrsName.size < 64) verdictBySrsName.set(srsName, verdict);
  }
  return verdict;
}

function classifySrsName(name: string): boolean {
  if (ADV_SRS_NAMES.has(name)) return true;
  const codes = epsgCodesOf(name);
  if (codes === undefined) return false;
  return (
    (codes.length === 1 && codes[0] === UTM32_EPSG_CODE) ||
    (codes.length === 2 && codes[0] === UTM32_EPSG_CODE && codes[1] === DHHN2016_EPSG_CODE)
  );
}

/** EPSG codes named by a simple or compound CRS reference, in order; undefined when it is not an EPSG reference. */
function epsgCodesOf(name: string): string[] | undefined {
  // OGC compound URN: urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837 (each part may carry a version).
  if (name.startsWith('urn:ogc:def:crs,')) {
    const codes: string[] = [];
    for (const part of name.slice('urn:ogc:def:crs,'.length).split(',')) {
      const code = epsgCodeOf(part.startsWith('crs:') ? `urn:ogc:def:${part}` : part);
      if (code === undefined) return undefined;
      codes.push(code);
    }
    return codes;
  }
  // EPSG:25832+7837, a common shorthand for the compound CRS.
  const plus = name.indexOf('+');
  if (name.startsWith('epsg:') && plus > 0) {
    return [name.slice('epsg:'.length, plus), name.slice(plus + 1)];
  }
  const code = epsgCodeOf(name);
  return code === undefined ? undefined : [code];
}

function epsgCodeOf(name: string): string | undefined {
  const prefixes = [
    'epsg:',
    'urn:ogc:def:crs:epsg:',
    'urn:x-ogc:def:crs:epsg:',
    'http://www.opengis.net/def/crs/epsg/0/',
    'https://www.opengis.net/def/crs/epsg/0/',
    'http://www.opengis.net/gml/srs/epsg.xml#',
  ];
  for (const prefix of prefixes) {
    if (!name.startsWith(prefix)) continue;
    // URNs carry an optional version before the code: EPSG::25832 or EPSG:9.9.1:25832.
    const rest = name.slice(prefix.length);
    const code = rest.slice(rest.lastIndexOf(':') + 1);
    return /^\d+$/.test(code) ? code : undefined;
  }
  return undefined;
}
