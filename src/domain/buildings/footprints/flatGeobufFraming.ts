/**
 * Follows the framing of a FlatGeobuf byte stream (magic bytes, size-prefixed header, optional packed R-tree, then
 * size-prefixed features) without decoding anything, so a reader knows whether the stream ended at a feature
 * boundary or inside a feature. The `flatgeobuf` package's streaming reader cannot tell: at the end of a cut file
 * it decodes the zero-padded rest of the last feature, and a header announcing an index for zero features sends
 * its tree-size loop spinning forever. Format: https://github.com/flatgeobuf/flatgeobuf (header.fbs, feature.fbs).
 */

const MAGIC_BYTES = [0x66, 0x67, 0x62]; // "fgb", then the major version, "fgb", the patch version
const MAGIC_LENGTH = 8;
const SIZE_PREFIX_BYTES = 4;
// Header fields by their order in header.fbs: features_count (uint64) is the 9th, index_node_size (uint16) the 10th.
const FEATURES_COUNT_FIELD = 8;
const INDEX_NODE_SIZE_FIELD = 9;
const DEFAULT_INDEX_NODE_SIZE = 16;
/** One node of the packed R-tree: a bounding box (4 doubles) and an offset (uint64). */
const INDEX_NODE_BYTES = 40;
/** Far more than any real header (columns, CRS WKT, metadata); more means the bytes are not FlatGeobuf. */
const MAXIMUM_HEADER_BYTES = 64 * 2 ** 20;

/** What the header says about what follows it. */
export interface FlatGeobufLayout {
  /** 0 when the writer did not know. */
  featuresCount: number;
  indexBytes: number;
}

/** Why the stream cannot be read (further). */
export class FlatGeobufFramingError extends Error {}

/** Fed with the stream's chunks in order; throws {@link FlatGeobufFramingError} where the framing breaks. */
export class FlatGeobufFraming {
  /** Bytes consumed so far: the position of the next chunk's first byte. */
  private offset = 0;
  /** Bytes kept to read the magic, the header and each feature's size prefix across chunk boundaries. */
  private pending: number[] = [];
  private headerBytes = -1;
  private layout: FlatGeobufLayout | undefined;
  /** Where the next feature's size prefix starts, once the header and index are passed. */
  private nextFeatureAt = -1;
  /** Features whose size prefix has been read. */
  private featuresStarted = 0;

  /** Takes the next chunk; throws when it shows the stream is not FlatGeobuf. */
  consume(chunk: Uint8Array): void {
    const base = this.offset;
    let index = 0;
    while (index < chunk.length) {
      if (this.nextFeatureAt < 0) {
        index = this.consumeHead(chunk, index, base);
        continue;
      }
      const position = base + index;
      if (position < this.nextFeatureAt) {
        index += Math.min(chunk.length - index, this.nextFeatureAt - position);
        continue;
      }
      this.pending.push(chunk[index]!);
      index++;
      if (this.pending.length === SIZE_PREFIX_BYTES) {
        this.nextFeatureAt = base + index + readUint32(this.pending);
        this.pending = [];
        this.featuresStarted++;
      }
    }
    this.offset = base + chunk.length;
  }

  /** Called at the end of the stream: throws unless it ended after a whole feature. */
  finish(): void {
    if (this.offset === 0) throw new FlatGeobufFramingError('not a FlatGeobuf file: the file is empty');
    if (this.nextFeatureAt < 0)
      throw new FlatGeobufFramingError('the file ends inside its header (truncated?)');
    if (this.pending.length > 0 || this.offset < this.nextFeatureAt) {
      const feature = this.pending.length > 0 ? this.featuresStarted : this.featuresStarted - 1;
      throw new FlatGeobufFramingError(`the file ends inside feature ${feature} (truncated?)`);
    }
    const announced = this.layout?.featuresCount ?? 0;
    if (announced > this.featuresStarted) {
      throw new FlatGeobufFramingError(
        `the file ends after ${this.featuresStarted} of the ${announced} features its header announces (truncated?)`,
      );
    }
  }

  /** The magic bytes and the header, gathered byte by byte (they are small), then the index size. */
  private consumeHead(chunk: Uint8Array, start: number, base: number): number {
    let index = start;
    while (index < chunk.length && this.nextFeatureAt < 0) {
      this.pending.push(chunk[index]!);
      index++;
      const length = this.pending.length;
      if (length === MAGIC_BYTES.length && !MAGIC_BYTES.every((byte, at) => this.pending[at] === byte)) {
        throw new FlatGeobufFramingError('not a FlatGeobuf file: wrong magic bytes');
      }
      if (length === MAGIC_LENGTH + SIZE_PREFIX_BYTES) {
        this.headerBytes = readUint32(this.pending.slice(MAGIC_LENGTH));
        if (this.headerBytes > MAXIMUM_HEADER_BYTES)
          throw new FlatGeobufFramingError('not a FlatGeobuf file: unreadable header');
      }
      if (this.headerBytes >= 0 && length === MAGIC_LENGTH + SIZE_PREFIX_BYTES + this.headerBytes) {
        this.layout = readLayout(new Uint8Array(this.pending.slice(MAGIC_LENGTH + SIZE_PREFIX_BYTES)));
        this.pending = [];
        this.nextFeatureAt = base + index + this.layout.indexBytes;
      }
    }
    return index;
  }
}

function readUint32(bytes: readonly number[]): number {
  return (bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16)) + bytes[3]! * 2 ** 24;
}

/** Reads the two header fields that decide where the features start (a FlatBuffers table, read by hand). */
export function readLayout(header: Uint8Array): FlatGeobufLayout {
  try {
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    const table = view.getUint32(0, true);
    const vtable = table - view.getInt32(table, true);
    const vtableBytes = view.getUint16(vtable, true);
    const fieldOffset = (field: number) => {
      const entry = 4 + field * 2;
      return entry < vtableBytes ? view.getUint16(vtable + entry, true) : 0;
    };
    const countAt = fieldOffset(FEATURES_COUNT_FIELD);
    const nodeSizeAt = fieldOffset(INDEX_NODE_SIZE_FIELD);
    const featuresCount = countAt ? Number(view.getBigUint64(table + countAt, true)) : 0;
    const indexNodeSize = nodeSizeAt ? view.getUint16(table + nodeSizeAt, true) : DEFAULT_INDEX_NODE_SIZE;
    if (indexNodeSize > 0 && featuresCount === 0) {
      // An index needs the count; the reader would loop forever computing the tree's size.
      throw new FlatGeobufFramingError('the header announces a spatial index but no features');
    }
    return { featuresCount, indexBytes: indexNodeSize > 0 ? treeBytes(featuresCount, indexNodeSize) : 0 };
  } catch (error) {
    if (error instanceof FlatGeobufFramingError) throw error;
    throw new FlatGeobufFramingError('not a FlatGeobuf file: unreadable header');
  }
}

/** Size of the packed Hilbert R-tree (packedrtree.ts `calcTreeSize`): all levels up to the single root. */
function treeBytes(itemCount: number, nodeSize: number): number {
  const size = Math.min(Math.max(nodeSize, 2), 65535);
  let level = itemCount;
  let nodes = level;
  do {
    level = Math.ceil(level / size);
    nodes += level;
  } while (level !== 1);
  return nodes * INDEX_NODE_BYTES;
}
