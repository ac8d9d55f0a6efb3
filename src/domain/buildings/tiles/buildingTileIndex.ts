import type { Utm32Point } from '../../geo/projection';
import type { BuildingMesh } from '../buildingModel';
import {
  listLeaves,
  QuadtreeStreamBuilder,
  quadtreePathOf,
  squareCellAround,
  type QuadtreeBudget,
  type QuadtreeNode,
} from './buildingQuadtree';
import type { MeshSpillStore } from './meshSpillStore';
import { footprintCentroid } from './placeBuilding';
import { createInMemoryRecordSort, type RecordSort, type RecordSortFactory } from './recordSort';
import type { TileBuildings } from './tileContentWriter';

/** A building dropped because an earlier one had its sourceId (a file given twice, say); the first is kept. */
export interface DuplicateBuilding {
  sourceId: string;
  sourceFile: string;
  firstSourceFile: string;
}

/** The tree of a finished index and its leaves' buildings, for pass 2. */
export interface IndexedTiles {
  /** Leaves hold no items, only their number (`itemCount`). */
  root: QuadtreeNode<never>;
  /**
   * The buildings of each leaf of `root`, leaves depth first in child order (listLeaves), each leaf's sorted by
   * sourceId (feature ids). Once; the meshes come from the spill store as each leaf is asked for.
   */
  leaves: Iterator<TileBuildings>;
}

/*
 * The records, little-endian where only read back, big-endian where sorted byte-wise.
 * Read record (pass 1, sorted by sourceId): handle f64, centroid easting and northing f64, the mesh's extent
 * (minimum easting, northing, maximum easting, northing) f64, vertex count u32, source file number u32, then
 * the sourceId as UTF-16 code units, big-endian (so bytes compare as JavaScript's `<` compares strings).
 * Kept record (after the duplicate check, in sourceId order): handle, centroid easting, northing, vertex count.
 * Placed record (sorted by quadtree path, then rank in sourceId order): path as two u32 BE (high, low), rank
 * u32 BE, handle f64, centroid easting, northing f64, vertex count u32.
 */
const READ_ID_OFFSET = 64;
const KEPT_RECORD_BYTES = 28;
const PLACED_RECORD_BYTES = 40;

function compareReadRecords(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let index = READ_ID_OFFSET; index < length; index++) {
    const difference = a[index]! - b[index]!;
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

function comparePlacedRecords(a: Uint8Array, b: Uint8Array): number {
  for (let index = 0; index < 12; index++) {
    const difference = a[index]! - b[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Records that keep the order they were added in (a sort in which all compare equal). */
const inOrderAdded = () => 0;

function viewOf(record: Uint8Array): DataView {
  return new DataView(record.buffer, record.byteOffset, record.byteLength);
}

function decodeSourceId(record: Uint8Array): string {
  let text = '';
  for (let offset = READ_ID_OFFSET; offset < record.length; offset += 2) {
    text += String.fromCharCode((record[offset]! << 8) | record[offset + 1]!);
  }
  return text;
}

/**
 * The tiler's index, with nothing kept in memory per building: pass 1 hands each mesh to the spill store and a
 * small record (its store handle, footprint centroid, extent, vertex count, file, sourceId) to a record sort
 * (recordSort.ts; in a temporary file for `npm run tiles`). After the last building, `finishReading` sorts the
 * records by sourceId, drops all but the first of each sourceId and takes the extent of the buildings kept (the
 * quadtree's root); `tiles` then sorts them by their quadtree path and builds the tree from that stream
 * (QuadtreeStreamBuilder), so memory holds the tree's nodes and one leaf's buildings, however many there are.
 * The sorts are stable, so the tree and the feature ids do not depend on the readers' order.
 */
export class BuildingTileIndex {
  private readonly read: RecordSort;
  private kept: RecordSort | undefined;
  private readonly sourceFiles: string[] = [];
  private readonly recordScratch = new Uint8Array(READ_ID_OFFSET + 512);
  private keptCount = 0;
  private root = squareCellAround(
    { eastingMeters: 0, northingMeters: 0 },
    { eastingMeters: 0, northingMeters: 0 },
  );
  private state: 'reading' | 'read' | 'tiled' = 'reading';
  private readonly sorts: RecordSort[] = [];

  constructor(
    private readonly store: MeshSpillStore,
    private readonly createSort: RecordSortFactory = createInMemoryRecordSort,
  ) {
    this.read = this.newSort(compareReadRecords);
  }

  /** Buildings added so far, duplicates included. */
  get size(): number {
    return this.read.size;
  }

  /** Buildings kept after finishReading (duplicates dropped). */
  get buildingCount(): number {
    return this.keptCount;
  }

  /** Puts the mesh into the store and a record of it into the index. */
  add(mesh: BuildingMesh): void {
    if (this.state !== 'reading') throw new Error('Buildings cannot be added after finishReading().');
    const { sourceId, sourceFile } = mesh.attributes;
    const centroid = footprintCentroid(mesh);
    const byteLength = READ_ID_OFFSET + sourceId.length * 2;
    const record = byteLength <= this.recordScratch.length ? this.recordScratch : new Uint8Array(byteLength);
    const view = viewOf(record);
    view.setFloat64(0, this.store.put(mesh), true);
    view.setFloat64(8, centroid.eastingMeters, true);
    view.setFloat64(16, centroid.northingMeters, true);
    writeExtent(view, mesh.positions);
    view.setUint32(56, mesh.positions.length / 3, true);
    view.setUint32(60, this.numberOfFile(sourceFile), true);
    for (let index = 0; index < sourceId.length; index++) {
      view.setUint16(READ_ID_OFFSET + index * 2, sourceId.charCodeAt(index), false);
    }
    this.read.add(record.subarray(0, byteLength));
  }

  /**
   * Ends pass 1: drops every building whose sourceId an earlier one had (each reported to `onDuplicate`, in
   * sourceId order) and returns the number kept.
   */
  finishReading(onDuplicate: (duplicate: DuplicateBuilding) => void = () => undefined): number {
    if (this.state !== 'reading') throw new Error('finishReading() may be called only once.');
    this.state = 'read';
    const kept = this.newSort(inOrderAdded);
    const minimum = { eastingMeters: Infinity, northingMeters: Infinity };
    const maximum = { eastingMeters: -Infinity, northingMeters: -Infinity };
    let previous = new Uint8Array(0);
    let previousFile = 0;
    const keptRecord = new Uint8Array(KEPT_RECORD_BYTES);
    const keptView = viewOf(keptRecord);
    for (const record of this.read.sorted()) {
      const view = viewOf(record);
      const file = view.getUint32(60, true);
      if (previous.length > 0 && compareReadRecords(previous, record) === 0) {
        onDuplicate({
          sourceId: decodeSourceId(record),
          sourceFile: this.sourceFiles[file]!,
          firstSourceFile: this.sourceFiles[previousFile]!,
        });
        continue;
      }
      previous = record.slice();
      previousFile = file;
      minimum.eastingMeters = Math.min(minimum.eastingMeters, view.getFloat64(24, true));
      minimum.northingMeters = Math.min(minimum.northingMeters, view.getFloat64(32, true));
      maximum.eastingMeters = Math.max(maximum.eastingMeters, view.getFloat64(40, true));
      maximum.northingMeters = Math.max(maximum.northingMeters, view.getFloat64(48, true));
      keptView.setFloat64(0, view.getFloat64(0, true), true);
      keptView.setFloat64(8, view.getFloat64(8, true), true);
      keptView.setFloat64(16, view.getFloat64(16, true), true);
      keptView.setUint32(24, view.getUint32(56, true), true);
      kept.add(keptRecord);
    }
    this.dropSort(this.read);
    this.kept = kept;
    this.keptCount = kept.size;
    if (this.keptCount > 0) this.root = squareCellAround(minimum, maximum);
    return this.keptCount;
  }

  /** Pass 2: the quadtree of the kept buildings and a stream of its leaves' buildings. Once. */
  tiles(budget: QuadtreeBudget): IndexedTiles {
    if (this.state !== 'read' || !this.kept) throw new Error('tiles() needs finishReading() first, once.');
    if (this.keptCount === 0) throw new Error('A tileset needs at least one building.');
    this.state = 'tiled';
    const placed = this.newSort(comparePlacedRecords);
    const record = new Uint8Array(PLACED_RECORD_BYTES);
    const view = viewOf(record);
    let rank = 0;
    for (const keptRecord of this.kept.sorted()) {
      const kept = viewOf(keptRecord);
      const easting = kept.getFloat64(8, true);
      const northing = kept.getFloat64(16, true);
      const path = quadtreePathOf(
        { eastingMeters: easting, northingMeters: northing },
        this.root,
        budget.maxLevel,
      );
      view.setUint32(0, Math.floor(path / 2 ** 32), false);
      view.setUint32(4, path % 2 ** 32, false);
      view.setUint32(8, rank++, false);
      view.setFloat64(12, kept.getFloat64(0, true), true);
      view.setFloat64(20, easting, true);
      view.setFloat64(28, northing, true);
      view.setUint32(36, kept.getUint32(24, true), true);
      placed.add(record);
    }
    this.dropSort(this.kept);
    this.kept = undefined;
    // The tree needs one pass over the sorted records and pass 2 another: the first copies them, in order.
    const inTreeOrder = this.newSort(inOrderAdded);
    const builder = new QuadtreeStreamBuilder(this.root, budget);
    for (const placedRecord of placed.sorted()) {
      const placedView = viewOf(placedRecord);
      const path = placedView.getUint32(0, false) * 2 ** 32 + placedView.getUint32(4, false);
      builder.add(path, placedView.getUint32(36, true));
      inTreeOrder.add(placedRecord);
    }
    this.dropSort(placed);
    const root = builder.finish();
    return { root, leaves: this.leafBuildings(root, inTreeOrder) };
  }

  /** Frees the records still held (temporary files); the spill store is its owner's. */
  dispose(): void {
    for (const sort of this.sorts.splice(0)) sort.dispose();
  }

  private *leafBuildings(root: QuadtreeNode<never>, records: RecordSort): Generator<TileBuildings> {
    const iterator = records.sorted()[Symbol.iterator]();
    for (const leaf of listLeaves(root)) {
      const buildings: { rank: number; handle: number; centroid: Utm32Point }[] = [];
      for (let item = 0; item < leaf.itemCount; item++) {
        const next = iterator.next();
        if (next.done) throw new Error('The index ended before the tree did.');
        const view = viewOf(next.value);
        buildings.push({
          rank: view.getUint32(8, false),
          handle: view.getFloat64(12, true),
          centroid: { eastingMeters: view.getFloat64(20, true), northingMeters: view.getFloat64(28, true) },
        });
      }
      buildings.sort((a, b) => a.rank - b.rank);
      yield {
        meshes: buildings.map((building) => this.store.get(building.handle)),
        centroids: buildings.map((building) => building.centroid),
      };
    }
    this.dropSort(records);
  }

  private newSort(compare: (a: Uint8Array, b: Uint8Array) => number): RecordSort {
    const sort = this.createSort(compare);
    this.sorts.push(sort);
    return sort;
  }

  private dropSort(sort: RecordSort): void {
    const at = this.sorts.indexOf(sort);
    if (at >= 0) this.sorts.splice(at, 1);
    sort.dispose();
  }

  private numberOfFile(sourceFile: string): number {
    // The last file is nearly always the one asked for: files are read one after another.
    const last = this.sourceFiles.length - 1;
    if (this.sourceFiles[last] === sourceFile) return last;
    const known = this.sourceFiles.indexOf(sourceFile);
    return known >= 0 ? known : this.sourceFiles.push(sourceFile) - 1;
  }
}

/** The mesh's extent on the plane, written at bytes 24–56 of a read record. */
function writeExtent(view: DataView, positions: Float64Array): void {
  let minimumEasting = Infinity;
  let minimumNorthing = Infinity;
  let maximumEasting = -Infinity;
  let maximumNorthing = -Infinity;
  for (let offset = 0; offset < positions.length; offset += 3) {
    const easting = positions[offset]!;
    const northing = positions[offset + 1]!;
    if (easting < minimumEasting) minimumEasting = easting;
    if (northing < minimumNorthing) minimumNorthing = northing;
    if (easting > maximumEasting) maximumEasting = easting;
    if (northing > maximumNorthing) maximumNorthing = northing;
  }
  view.setFloat64(24, minimumEasting, true);
  view.setFloat64(32, minimumNorthing, true);
  view.setFloat64(40, maximumEasting, true);
  view.setFloat64(48, maximumNorthing, true);
}
