/**
 * What the reader gathers about one `bldg:Building` while its elements stream past, before it becomes a
 * BuildingSource. Only the current building is held, so memory grows with one building, not with the file.
 */
import type { BuildingAddress, Point3 } from '../buildingModel';
import type { BoundarySurfaceKind } from './cityGmlNamespaces';

/** A polygon as read: exterior ring and holes, closing points already dropped. */
export interface ParsedPolygon {
  id: string | undefined;
  exterior: Point3[];
  holes: Point3[][];
}

/** A polygon of a `bldg:boundedBy` surface, with the surface type it came from. */
export interface BoundaryPolygon {
  kind: BoundarySurfaceKind;
  polygon: ParsedPolygon;
}

/** A boundary surface member given as `xlink:href` to a polygon written elsewhere in the building. */
export interface BoundaryReference {
  kind: BoundarySurfaceKind;
  polygonId: string;
}

/** The Building itself or one of its BuildingParts: each carries its own attributes and geometry. */
export interface GeometryOwnerDraft {
  id: string | undefined;
  functionCode?: string;
  roofTypeCode?: string;
  measuredHeightMeters?: number;
  storeysAboveGround?: number;
  boundaryPolygons: BoundaryPolygon[];
  boundaryReferences: BoundaryReference[];
  /** Polygons written inline in `lod2Solid` / `lod2MultiSurface`: used only when there are no boundary surfaces. */
  solidPolygons: ParsedPolygon[];
  /** `xlink:href` targets (without `#`) of the solid's surface members. */
  solidReferences: string[];
}

/** One building being read. */
export interface BuildingDraft {
  /** gml:id of the Building, or `<file>#<index>` when it has none. */
  sourceId: string;
  /** How issues name the building: its gml:id, or `#<index>`. */
  featureId: string;
  /** The Building first, then its parts in document order. */
  owners: GeometryOwnerDraft[];
  /** Addresses of the Building and all parts, deduplicated, in document order. */
  addresses: BuildingAddress[];
  /** Every polygon with a gml:id, so that a solid's xlinks can be resolved within the building. */
  polygonsById: Map<string, ParsedPolygon>;
  /** The first srsName we cannot place; the building is skipped when set. */
  unsupportedSrsName?: string;
  /** Set when a ring had no srsName anywhere above it; the building is skipped. */
  lacksSrsName: boolean;
}

/** A fresh draft for a Building with the given gml:id (or none) at its 0-based position in the file. */
export function createBuildingDraft(
  gmlId: string | undefined,
  index: number,
  sourceFile: string,
): BuildingDraft {
  return {
    sourceId: gmlId ?? `${sourceFile}#${index}`,
    featureId: gmlId ?? `#${index}`,
    owners: [createOwnerDraft(gmlId)],
    addresses: [],
    polygonsById: new Map(),
    lacksSrsName: false,
  };
}

/** A fresh Building or BuildingPart record. */
export function createOwnerDraft(gmlId: string | undefined): GeometryOwnerDraft {
  return { id: gmlId, boundaryPolygons: [], boundaryReferences: [], solidPolygons: [], solidReferences: [] };
}

/** Adds an address unless it is empty or the same address was already seen (a part often repeats its building's). */
export function addAddress(draft: BuildingDraft, address: BuildingAddress): void {
  if (
    address.street === undefined &&
    address.houseNumber === undefined &&
    address.postalCode === undefined &&
    address.locality === undefined
  ) {
    return;
  }
  const isDuplicate = draft.addresses.some(
    (known) =>
      known.street === address.street &&
      known.houseNumber === address.houseNumber &&
      known.postalCode === address.postalCode &&
      known.locality === address.locality,
  );
  if (!isDuplicate) draft.addresses.push(address);
}
