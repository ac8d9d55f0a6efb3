/**
 * The pipeline's intermediate model: every reader (CityGML LoD2, footprints) produces BuildingSource records;
 * the geometry stage turns them into BuildingMesh records; the tiler writes those as 3D Tiles.
 * Coordinates are EPSG:25832 metres; heights are DHHN2016 (orthometric) metres, as NRW ships them.
 */

/** x = easting, y = northing (EPSG:25832, metres), z = DHHN2016 height (metres). */
export type Point3 = [x: number, y: number, z: number];

/** The surface types of CityGML's boundary surfaces; footprint extrusions use the same. */
export type SurfaceKind = 'wall' | 'roof' | 'ground' | 'closure';

/** A planar polygon: the outer ring and its holes, each ring without repeating its first point at the end. */
export interface Surface {
  kind: SurfaceKind;
  exterior: Point3[];
  holes: Point3[][];
}

/** A postal address as CityGML's xAL or a footprint's properties give it. */
export interface BuildingAddress {
  street?: string;
  houseNumber?: string;
  postalCode?: string;
  locality?: string;
}

/** What the buildings layer shows, searches and styles by; one merged property table per GLB holds these. */
export interface BuildingAttributes {
  /** gml:id of the bldg:Building, or the footprint's id (or `<file>#<feature index>` when it has none). */
  sourceId: string;
  /** ALKIS building function code, e.g. `31001_1010`. */
  functionCode?: string;
  /** CityGML roofType code, e.g. `3100` (gable roof). */
  roofTypeCode?: string;
  measuredHeightMeters?: number;
  storeysAboveGround?: number;
  /** Every address of the building (a corner house has several). */
  addresses: BuildingAddress[];
  /** Lowest point of the ground surfaces (or the footprint's base), DHHN2016 metres. */
  groundHeightMeters: number;
  /** The file the building was read from, as given on the command line (no absolute paths). */
  sourceFile: string;
  /** Level of detail of the geometry: 1 = extruded footprint (flat roof), 2 = real roof shapes. */
  levelOfDetail: 1 | 2;
}

/** One building as read: all surfaces of the building and its parts, in the source CRS. */
export interface BuildingSource {
  attributes: BuildingAttributes;
  surfaces: Surface[];
}

/** A problem with one input feature, reported as data; the rest of the input is still converted. */
export interface BuildingIssue {
  /** `error` means the building was skipped; `warning` means it was converted with a repair or default. */
  severity: 'error' | 'warning';
  code: string;
  file: string;
  /** gml:id, or `#<index>` of the feature when it has no id. */
  featureId?: string;
  message: string;
}

/** Triangles of one building, ready for a tile; positions still in EPSG:25832 + height. */
export interface BuildingMesh {
  attributes: BuildingAttributes;
  /** x, y, z per vertex (EPSG:25832 metres, DHHN2016 metres). */
  positions: Float64Array;
  /** Unit normals per vertex, in the same east/north/up frame as the positions. Flat shading: no shared vertices across surfaces. */
  normals: Float32Array;
  /** Three vertex indices per triangle, counter-clockwise seen from outside. */
  indices: Uint32Array;
  /** Surface kind per triangle (0 wall, 1 roof, 2 ground, 3 closure), for styling roofs apart from walls. */
  triangleSurfaceKinds: Uint8Array;
}
