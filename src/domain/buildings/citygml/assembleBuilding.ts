/**
 * Turns a finished BuildingDraft into a BuildingSource: picks the geometry of each Building/BuildingPart without
 * counting a polygon twice, merges attributes, derives the ground height and, when missing, the height.
 */
import type { BuildingIssue, BuildingSource, Point3, Surface, SurfaceKind } from '../buildingModel';
import type { BuildingDraft, GeometryOwnerDraft, ParsedPolygon } from './buildingDraft';
import type { BoundarySurfaceKind } from './cityGmlNamespaces';

/** Where the building came from and where its issues go. */
export interface AssemblyContext {
  sourceFile: string;
  report(issue: BuildingIssue): void;
}

/** sin(10°): a surface tilted more than 10° from vertical counts as roof (facing up) or ground (facing down). */
const HORIZONTAL_NORMAL_MIN = 0.17;

/** Builds the BuildingSource, or reports why the building is skipped and returns undefined. */
export function assembleBuilding(draft: BuildingDraft, context: AssemblyContext): BuildingSource | undefined {
  const issue = (severity: BuildingIssue['severity'], code: string, message: string): void =>
    context.report({ severity, code, file: context.sourceFile, featureId: draft.featureId, message });

  if (draft.unsupportedSrsName !== undefined) {
    issue(
      'error',
      'unknown-crs',
      `Building ${draft.featureId} in ${context.sourceFile} uses srsName "${draft.unsupportedSrsName}", ` +
        'which is not EPSG:25832 with DHHN2016 heights; skipped.',
    );
    return undefined;
  }
  if (draft.lacksSrsName) {
    issue('error', 'missing-crs', `Building ${draft.featureId} has geometry without any srsName; skipped.`);
    return undefined;
  }

  const surfaces: Surface[] = [];
  let lowestGroundZ = Infinity;
  for (const owner of draft.owners) {
    for (const { kind, polygon, countsAsGround } of ownerPolygons(owner, draft, issue)) {
      surfaces.push({ kind, exterior: polygon.exterior, holes: polygon.holes });
      if (countsAsGround) lowestGroundZ = Math.min(lowestGroundZ, lowestZ(polygon.exterior));
    }
  }
  if (surfaces.length === 0) {
    issue('error', 'no-geometry', `Building ${draft.featureId} has no usable LoD2 polygons; skipped.`);
    return undefined;
  }

  const { lowestZ: lowestAnyZ, highestZ } = heightRange(surfaces);
  let groundHeightMeters = lowestGroundZ;
  if (!Number.isFinite(groundHeightMeters)) {
    groundHeightMeters = lowestAnyZ;
    issue(
      'warning',
      'missing-ground-surface',
      `Building ${draft.featureId} has no ground surface; its lowest point (${lowestAnyZ} m) is used as ground height.`,
    );
  }

  const attribute = <
    K extends 'functionCode' | 'roofTypeCode' | 'measuredHeightMeters' | 'storeysAboveGround',
  >(
    key: K,
  ): GeometryOwnerDraft[K] => draft.owners.find((owner) => owner[key] !== undefined)?.[key];

  // The building's own height if it has one; otherwise its tallest part (NRW often puts heights on the parts).
  const partHeights = draft.owners
    .map((owner) => owner.measuredHeightMeters)
    .filter((value) => value !== undefined);
  let measuredHeightMeters =
    draft.owners[0]?.measuredHeightMeters ?? (partHeights.length > 0 ? Math.max(...partHeights) : undefined);
  if (measuredHeightMeters === undefined) {
    measuredHeightMeters = roundToMillimetres(highestZ - groundHeightMeters);
    issue(
      'warning',
      'derived-height',
      `Building ${draft.featureId} has no bldg:measuredHeight; ${measuredHeightMeters} m derived from its geometry.`,
    );
  }

  return {
    attributes: {
      sourceId: draft.sourceId,
      functionCode: attribute('functionCode'),
      roofTypeCode: attribute('roofTypeCode'),
      measuredHeightMeters,
      storeysAboveGround: attribute('storeysAboveGround'),
      addresses: draft.addresses,
      groundHeightMeters,
      sourceFile: context.sourceFile,
      levelOfDetail: 2,
    },
    surfaces,
  };
}

interface KindedPolygon {
  kind: SurfaceKind;
  polygon: ParsedPolygon;
  /** Only real ground surfaces (and inferred ones) fix the ground height; an overhang's underside does not. */
  countsAsGround: boolean;
}

/**
 * The boundary surfaces when the owner has any (the solid's xlinks point at the same polygons), otherwise the
 * solid's or multi-surface's polygons with a kind inferred from their normal.
 */
function ownerPolygons(
  owner: GeometryOwnerDraft,
  draft: BuildingDraft,
  issue: (severity: 'warning', code: string, message: string) => void,
): KindedPolygon[] {
  const resolve = (polygonId: string): ParsedPolygon | undefined => {
    const polygon = draft.polygonsById.get(polygonId);
    if (polygon === undefined) {
      issue(
        'warning',
        'unresolved-xlink',
        `Building ${draft.featureId}: xlink:href="#${polygonId}" points to no polygon of this building; ignored.`,
      );
    }
    return polygon;
  };

  if (owner.boundaryPolygons.length > 0 || owner.boundaryReferences.length > 0) {
    const boundary: KindedPolygon[] = owner.boundaryPolygons.map(({ kind, polygon }) =>
      kindedBoundary(kind, polygon),
    );
    for (const { kind, polygonId } of owner.boundaryReferences) {
      const polygon = resolve(polygonId);
      if (polygon !== undefined) boundary.push(kindedBoundary(kind, polygon));
    }
    return boundary;
  }

  // No boundary surfaces: the solid's own polygons, each once even when also referenced by xlink.
  const polygons = new Set<ParsedPolygon>(owner.solidPolygons);
  for (const polygonId of owner.solidReferences) {
    const polygon = resolve(polygonId);
    if (polygon !== undefined) polygons.add(polygon);
  }
  return [...polygons].map((polygon) => {
    const kind = inferSurfaceKind(polygon.exterior);
    return { kind, polygon, countsAsGround: kind === 'ground' };
  });
}

function kindedBoundary(kind: BoundarySurfaceKind, polygon: ParsedPolygon): KindedPolygon {
  return { kind: surfaceKindOf(kind), polygon, countsAsGround: kind === 'ground' };
}

function surfaceKindOf(kind: BoundarySurfaceKind): SurfaceKind {
  if (kind === 'outerFloor') return 'roof';
  if (kind === 'outerCeiling') return 'ground';
  return kind;
}

/** Classifies a polygon by its Newell normal; GML solids are oriented outward, so up means roof. */
export function inferSurfaceKind(exterior: readonly Point3[]): SurfaceKind {
  const [originX, originY, originZ] = exterior[0] ?? [0, 0, 0];
  let normalX = 0;
  let normalY = 0;
  let normalZ = 0;
  for (let index = 0; index < exterior.length; index += 1) {
    // Relative to the first point, so that UTM-sized coordinates do not cancel each other out.
    const [x1, y1, z1] = exterior[index]!;
    const [x2, y2, z2] = exterior[(index + 1) % exterior.length]!;
    const ax = x1 - originX;
    const ay = y1 - originY;
    const az = z1 - originZ;
    const bx = x2 - originX;
    const by = y2 - originY;
    const bz = z2 - originZ;
    normalX += (ay - by) * (az + bz);
    normalY += (az - bz) * (ax + bx);
    normalZ += (ax - bx) * (ay + by);
  }
  const length = Math.hypot(normalX, normalY, normalZ);
  if (length === 0) return 'wall';
  const upward = normalZ / length;
  if (upward >= HORIZONTAL_NORMAL_MIN) return 'roof';
  if (upward <= -HORIZONTAL_NORMAL_MIN) return 'ground';
  return 'wall';
}

function lowestZ(points: readonly Point3[]): number {
  let lowest = Infinity;
  for (const point of points) if (point[2] < lowest) lowest = point[2];
  return lowest;
}

function heightRange(surfaces: readonly Surface[]): { lowestZ: number; highestZ: number } {
  let lowest = Infinity;
  let highest = -Infinity;
  for (const surface of surfaces) {
    for (const point of surface.exterior) {
      if (point[2] < lowest) lowest = point[2];
      if (point[2] > highest) highest = point[2];
    }
  }
  return { lowestZ: lowest, highestZ: highest };
}

function roundToMillimetres(meters: number): number {
  return Math.round(meters * 1000) / 1000;
}
