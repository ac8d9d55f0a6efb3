import type { Utm32Point } from '../../geo/projection';
import type { BuildingMesh } from '../buildingModel';
import { squareCellAround, type QuadtreeCell, type QuadtreeItemPlacement } from './buildingQuadtree';
import type { MeshHandle, MeshSpillStore } from './meshSpillStore';
import { footprintCentroid } from './placeBuilding';

/** A building in the index: its position in the order buildings were added. */
export type IndexedBuilding = number;

/** What became of a building handed to the index. */
export type IndexAddResult =
  | { added: true; entry: IndexedBuilding; footprintCentroid: Utm32Point }
  /** Another building with the same sourceId came first (a file given twice); this one was not stored. */
  | { added: false; firstSourceFile: string };

/**
 * Pass 1 of the tiler: each building's mesh goes to the spill store and only what the quadtree and the sort
 * need stays in memory (plus the extent of all vertices, for the root cell). The first building of each
 * sourceId wins. Parallel arrays rather than an object per building: numbers in a JS array of doubles take
 * 8 bytes, with no object header or boxed number. Measured on 50,000 generated buildings: 134 bytes per
 * building retained, sourceId strings and the duplicate check included (226 with an object per building).
 */
export class BuildingTileIndex {
  private readonly sourceIds: string[] = [];
  private readonly handles: MeshHandle[] = [];
  /** Easting, northing of each building's footprint centroid, one pair per building. */
  private readonly centroids: number[] = [];
  private readonly vertexCounts: number[] = [];
  private readonly sourceFileById = new Map<string, string>();
  private readonly minimum = { eastingMeters: Infinity, northingMeters: Infinity };
  private readonly maximum = { eastingMeters: -Infinity, northingMeters: -Infinity };

  constructor(private readonly store: MeshSpillStore) {}

  /** Number of buildings indexed (duplicates not counted). */
  get size(): number {
    return this.sourceIds.length;
  }

  /** Puts the mesh into the store and indexes it, unless a building with its sourceId is there already. */
  add(mesh: BuildingMesh): IndexAddResult {
    const { sourceId, sourceFile } = mesh.attributes;
    const firstSourceFile = this.sourceFileById.get(sourceId);
    if (firstSourceFile !== undefined) return { added: false, firstSourceFile };
    this.sourceFileById.set(sourceId, sourceFile);
    this.extendExtent(mesh.positions);
    const centroid = footprintCentroid(mesh);
    this.sourceIds.push(sourceId);
    this.handles.push(this.store.put(mesh));
    this.centroids.push(centroid.eastingMeters, centroid.northingMeters);
    this.vertexCounts.push(mesh.positions.length / 3);
    return { added: true, entry: this.sourceIds.length - 1, footprintCentroid: centroid };
  }

  /** Every building, sorted by sourceId: feature ids and tiles then do not depend on the readers' order. */
  sortedEntries(): IndexedBuilding[] {
    const { sourceIds } = this;
    const entries = Array.from(sourceIds, (_, entry) => entry);
    return entries.sort((a, b) =>
      sourceIds[a]! < sourceIds[b]! ? -1 : sourceIds[a]! > sourceIds[b]! ? 1 : 0,
    );
  }

  /** The square cell covering every vertex of the indexed buildings: the quadtree's root. */
  rootCell(): QuadtreeCell {
    return squareCellAround(this.minimum, this.maximum);
  }

  /** Where the building's footprint centre is; decides which quadtree cell owns it. */
  footprintCentroidOf(entry: IndexedBuilding): Utm32Point {
    return { eastingMeters: this.centroids[entry * 2]!, northingMeters: this.centroids[entry * 2 + 1]! };
  }

  /** What the quadtree needs of the building. */
  placementOf(entry: IndexedBuilding): QuadtreeItemPlacement {
    return { point: this.footprintCentroidOf(entry), vertexCount: this.vertexCounts[entry]! };
  }

  /** The stored mesh of the building. */
  meshOf(entry: IndexedBuilding): BuildingMesh {
    return this.store.get(this.handles[entry]!);
  }

  private extendExtent(positions: Float64Array): void {
    const { minimum, maximum } = this;
    for (let offset = 0; offset < positions.length; offset += 3) {
      const easting = positions[offset]!;
      const northing = positions[offset + 1]!;
      if (easting < minimum.eastingMeters) minimum.eastingMeters = easting;
      if (northing < minimum.northingMeters) minimum.northingMeters = northing;
      if (easting > maximum.eastingMeters) maximum.eastingMeters = easting;
      if (northing > maximum.northingMeters) maximum.northingMeters = northing;
    }
  }
}
