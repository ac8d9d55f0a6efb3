import { EPSG_25832, EPSG_4326 } from '../../geo/projection';
import type { FootprintProblem } from './checkFootprintPolygon';
import {
  crsFromName,
  crsFromWkt,
  isPlausibleUtm32,
  looksLikeDegrees,
  type FootprintCrs,
} from './footprintCrs';
import type { PlanarPoint } from './footprintPolygon';

/** What a file says about its CRS: a name (GeoJSON `crs`, FlatGeobuf code) or WKT (`.prj`, FlatGeobuf). */
export interface DeclaredCrs {
  kind: 'name' | 'wkt';
  text: string;
}

/** Everything known about a file's CRS when reading starts. */
export interface CrsEvidence {
  /** The caller's choice (`EPSG:25832`, `EPSG:4326`, or any name {@link crsFromName} reads); wins over the file. */
  explicit?: string;
  declared?: DeclaredCrs;
  /** The first finite coordinate in the file, to tell degrees from metres when nothing is declared. */
  firstCoordinate?: PlanarPoint;
}

/**
 * Decides the CRS of a whole file: explicit option, else the file's declaration, else a guess from the
 * coordinates (degrees → WGS84 with a warning, otherwise EPSG:25832). Undefined, with an error, when the declared
 * or requested CRS is neither; then nothing in the file can be placed.
 */
export function resolveFootprintCrs(
  evidence: CrsEvidence,
  report: (problem: FootprintProblem) => void,
): FootprintCrs | undefined {
  const declared = evidence.declared && readDeclared(evidence.declared);
  let crs: FootprintCrs | undefined;
  if (evidence.explicit !== undefined) {
    crs = crsFromName(evidence.explicit);
    if (crs === undefined) {
      report(unsupported(`requested CRS ${evidence.explicit} is not supported`));
      return undefined;
    }
    if (declared !== undefined && declared !== crs) {
      report({
        severity: 'warning',
        code: 'crs-overridden',
        message: `file declares ${declared}; read as ${crs} as requested`,
      });
    }
  } else if (evidence.declared !== undefined) {
    crs = declared;
    if (crs === undefined) {
      report(unsupported(`declared CRS ${abbreviate(evidence.declared.text)} is not supported`));
      return undefined;
    }
  } else {
    crs = guessFromCoordinate(evidence.firstCoordinate, report);
  }
  warnWhenCoordinatesDisagree(crs, evidence.firstCoordinate, report);
  return crs;
}

function readDeclared(declared: DeclaredCrs): FootprintCrs | undefined {
  return declared.kind === 'name' ? crsFromName(declared.text) : crsFromWkt(declared.text);
}

function guessFromCoordinate(
  coordinate: PlanarPoint | undefined,
  report: (problem: FootprintProblem) => void,
): FootprintCrs {
  if (coordinate !== undefined && looksLikeDegrees(coordinate)) {
    report({
      severity: 'warning',
      code: 'crs-assumed-wgs84',
      message: 'no CRS given and the coordinates look like degrees: read as WGS84 longitude/latitude',
    });
    return EPSG_4326;
  }
  return EPSG_25832;
}

function warnWhenCoordinatesDisagree(
  crs: FootprintCrs,
  coordinate: PlanarPoint | undefined,
  report: (problem: FootprintProblem) => void,
): void {
  if (coordinate === undefined) return;
  const fits = crs === EPSG_4326 ? looksLikeDegrees(coordinate) : isPlausibleUtm32(coordinate);
  if (fits) return;
  report({
    severity: 'warning',
    code: 'coordinates-out-of-range',
    message: `first coordinate (${coordinate.join(', ')}) does not look like ${crs}; buildings may land far from Münster`,
  });
}

function unsupported(message: string): FootprintProblem {
  return { severity: 'error', code: 'unsupported-crs', message: `${message}; use EPSG:25832 or WGS84` };
}

function abbreviate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
