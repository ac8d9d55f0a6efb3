/**
 * Namespace URIs of the CityGML 1.0 / 2.0 documents NRW ships (AdV profile). Elements are matched by URI and local
 * name, never by prefix: the 2021 tiles bind xAL to `xAL:`, the 2026 tiles to `xal:`, with the same URI.
 */

/** GML 3.1.1, used by both CityGML 1.0 and 2.0. */
export const GML_NAMESPACE = 'http://www.opengis.net/gml';
/** XLink, for `xlink:href` references from a solid to the boundary surfaces' polygons. */
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
/** OASIS xAL 2.0, the address schema inside `core:xalAddress`. */
export const XAL_NAMESPACE = 'urn:oasis:names:tc:ciq:xsdschema:xAL:2.0';

const BUILDING_NAMESPACES: ReadonlySet<string> = new Set([
  'http://www.opengis.net/citygml/building/1.0',
  'http://www.opengis.net/citygml/building/2.0',
]);

/** Whether a namespace URI is the CityGML building module of version 1.0 or 2.0. */
export function isBuildingNamespace(uri: string): boolean {
  return BUILDING_NAMESPACES.has(uri);
}

/** How a boundary surface element of the building module is drawn; undefined for interior (LoD4) surfaces. */
export type BoundarySurfaceKind = 'wall' | 'roof' | 'ground' | 'closure' | 'outerFloor' | 'outerCeiling';

/** The kind of a `bldg:*Surface` below `bldg:boundedBy`, by local name; undefined for surfaces we do not draw. */
export function boundarySurfaceKindOf(localName: string): BoundarySurfaceKind | undefined {
  switch (localName) {
    case 'WallSurface':
      return 'wall';
    case 'RoofSurface':
      return 'roof';
    case 'GroundSurface':
      return 'ground';
    case 'ClosureSurface':
      return 'closure';
    // CityGML 2.0 §10.3.3: an OuterFloorSurface faces up (a terrace), an OuterCeilingSurface faces down (the underside
    // of an overhang); they are mapped to roof and ground by that orientation in buildingAssembly.ts.
    case 'OuterFloorSurface':
      return 'outerFloor';
    case 'OuterCeilingSurface':
      return 'outerCeiling';
    default:
      return undefined;
  }
}
