/**
 * What each element means to the reader, decided from its parent's role and its namespace URI + local name only
 * (never the prefix). Returning undefined skips the element's whole subtree: terrain intersection, LoD1/3/4
 * geometry, appearance, generic attributes and installations are never looked into.
 */
import {
  boundarySurfaceKindOf,
  GML_NAMESPACE,
  isBuildingNamespace,
  XAL_NAMESPACE,
} from './cityGmlNamespaces';

/** The roles an element can play; numbers, so the per-element role stack is a plain small-integer array. */
export const Role = {
  /** Outside any building: walked, so that a Building is found wherever it sits. */
  Outside: 0,
  /** A `bldg:Building` or `bldg:BuildingPart`. */
  Owner: 1,
  PartProperty: 2,
  /** `bldg:function`, `roofType`, `measuredHeight`, `storeysAboveGround`: their text is read. */
  AttributeValue: 3,
  BoundedBy: 4,
  BoundarySurface: 5,
  /** The `gml:boundedBy` of a building, whose Envelope may carry the srsName. */
  EnvelopeHolder: 6,
  Envelope: 7,
  /** `bldg:lod2Solid` / `bldg:lod2MultiSurface`: the start of geometry we read. */
  GeometryProperty: 8,
  /** A GML aggregate inside it (Solid, CompositeSurface, MultiSurface, surfaceMember, …). */
  GeometryContainer: 9,
  Polygon: 10,
  Exterior: 11,
  Interior: 12,
  LinearRing: 13,
  PosList: 14,
  Pos: 15,
  /** `gml:coordinates`, the GML 2 encoding: not supported, the ring is dropped. */
  Coordinates: 16,
  /** A geometry element that only points elsewhere with `xlink:href`. */
  Reference: 17,
  AddressProperty: 18,
  AddressPart: 19,
  /** `xAL:ThoroughfareName`, `ThoroughfareNumber`, `PostalCodeNumber`, `LocalityName`: their text is read. */
  AddressField: 20,
} as const;

/** One of the values of {@link Role}. */
export type Role = (typeof Role)[keyof typeof Role];

const OWNER_ATTRIBUTES: ReadonlySet<string> = new Set([
  'function',
  'roofType',
  'measuredHeight',
  'storeysAboveGround',
]);

const ADDRESS_FIELDS: ReadonlySet<string> = new Set([
  'ThoroughfareName',
  'ThoroughfareNumber',
  'PostalCodeNumber',
  'LocalityName',
]);

/** The role of an element under a parent of role `parent`; undefined to skip its subtree. */
export function roleOfElement(
  parent: Role,
  uri: string,
  local: string,
  hasXlinkHref: boolean,
): Role | undefined {
  switch (parent) {
    case Role.Outside:
      return local === 'Building' && isBuildingNamespace(uri) ? Role.Owner : Role.Outside;
    case Role.Owner:
      if (isBuildingNamespace(uri)) return ownerChildRole(local);
      return uri === GML_NAMESPACE && local === 'boundedBy' ? Role.EnvelopeHolder : undefined;
    case Role.PartProperty:
      return local === 'BuildingPart' && isBuildingNamespace(uri) ? Role.Owner : undefined;
    case Role.BoundedBy:
      return isBuildingNamespace(uri) && boundarySurfaceKindOf(local) !== undefined
        ? Role.BoundarySurface
        : undefined;
    case Role.BoundarySurface:
      return local === 'lod2MultiSurface' && isBuildingNamespace(uri) ? Role.GeometryProperty : undefined;
    case Role.EnvelopeHolder:
      return local === 'Envelope' && uri === GML_NAMESPACE ? Role.Envelope : undefined;
    case Role.AddressProperty:
    case Role.AddressPart:
      return uri === XAL_NAMESPACE && ADDRESS_FIELDS.has(local) ? Role.AddressField : Role.AddressPart;
    case Role.GeometryProperty:
    case Role.GeometryContainer:
      if (uri !== GML_NAMESPACE) return undefined;
      if (hasXlinkHref) return Role.Reference;
      if (local === 'Polygon' || local === 'Triangle' || local === 'Rectangle') return Role.Polygon;
      return Role.GeometryContainer;
    case Role.Polygon:
      if (uri !== GML_NAMESPACE) return undefined;
      return local === 'exterior' ? Role.Exterior : local === 'interior' ? Role.Interior : undefined;
    case Role.Exterior:
    case Role.Interior:
      return local === 'LinearRing' && uri === GML_NAMESPACE ? Role.LinearRing : undefined;
    case Role.LinearRing:
      if (uri !== GML_NAMESPACE) return undefined;
      if (local === 'posList') return Role.PosList;
      if (local === 'pos') return Role.Pos;
      return local === 'coordinates' ? Role.Coordinates : undefined;
    default:
      return undefined;
  }
}

function ownerChildRole(local: string): Role | undefined {
  if (OWNER_ATTRIBUTES.has(local)) return Role.AttributeValue;
  switch (local) {
    case 'boundedBy':
      return Role.BoundedBy;
    case 'lod2Solid':
    case 'lod2MultiSurface':
      return Role.GeometryProperty;
    case 'consistsOfBuildingPart':
      return Role.PartProperty;
    case 'address':
      return Role.AddressProperty;
    default:
      return undefined;
  }
}
