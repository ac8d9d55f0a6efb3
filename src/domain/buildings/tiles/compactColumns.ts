/**
 * Growing columns of numbers and strings held in typed arrays, for what the pipeline keeps per building until the
 * end (the tile index, the address entries). Their bytes live outside the garbage-collected heap, without an
 * object header or boxed number per value, so V8 does not size its heap at a multiple of them as it does for live
 * JS objects. They grow by fixed blocks, not by copying into ever larger arrays: no spare capacity beyond one
 * block, and no outgrown arrays left for the garbage collector.
 */

const BLOCK_BYTES = 64 * 1024;

/** Doubles, 8 bytes each. */
export class Float64Column {
  private readonly blocks: Float64Array[] = [];
  length = 0;

  push(value: number): void {
    const slot = this.length % FLOAT64_BLOCK_LENGTH;
    if (slot === 0) this.blocks.push(new Float64Array(FLOAT64_BLOCK_LENGTH));
    this.blocks[this.blocks.length - 1]![slot] = value;
    this.length++;
  }

  get(index: number): number {
    return this.blocks[Math.floor(index / FLOAT64_BLOCK_LENGTH)]![index % FLOAT64_BLOCK_LENGTH]!;
  }
}
const FLOAT64_BLOCK_LENGTH = BLOCK_BYTES / 8;

/** 32-bit integers, 4 bytes each. */
export class Int32Column {
  private readonly blocks: Int32Array[] = [];
  length = 0;

  push(value: number): void {
    const slot = this.length % INT32_BLOCK_LENGTH;
    if (slot === 0) this.blocks.push(new Int32Array(INT32_BLOCK_LENGTH));
    this.blocks[this.blocks.length - 1]![slot] = value;
    this.length++;
  }

  get(index: number): number {
    return this.blocks[Math.floor(index / INT32_BLOCK_LENGTH)]![index % INT32_BLOCK_LENGTH]!;
  }
}
const INT32_BLOCK_LENGTH = BLOCK_BYTES / 4;

/**
 * Strings stored exactly (lone surrogates too, which a UTF-8 round trip would not keep): one byte per character
 * when every character is below U+0100 (German addresses and ids are), else two per UTF-16 code unit; plus eight
 * bytes per string for where it is.
 */
export class StringColumn {
  private readonly blocks: Uint8Array[] = [];
  /** Bytes used in the last block. */
  private blockUsed = BLOCK_BYTES;
  /** Per string: its block and its offset there. */
  private readonly positions = new Int32Column();
  /** Per string: its length in UTF-16 code units × 2, plus 1 when stored two bytes per unit. */
  private readonly shapes = new Int32Column();

  get length(): number {
    return this.shapes.length;
  }

  push(text: string): void {
    let wide = false;
    for (let index = 0; index < text.length && !wide; index++) wide = text.charCodeAt(index) > 0xff;
    const bytes = wide ? text.length * 2 : text.length;
    let block = this.blocks[this.blocks.length - 1];
    if (block === undefined || this.blockUsed + bytes > block.length) {
      block = new Uint8Array(Math.max(BLOCK_BYTES, bytes));
      this.blocks.push(block);
      this.blockUsed = 0;
    }
    const start = this.blockUsed;
    for (let index = 0; index < text.length; index++) {
      const unit = text.charCodeAt(index);
      if (wide) {
        block[start + index * 2] = unit & 0xff;
        block[start + index * 2 + 1] = unit >>> 8;
      } else {
        block[start + index] = unit;
      }
    }
    this.blockUsed += bytes;
    this.positions.push((this.blocks.length - 1) * BLOCK_BYTES + start);
    this.shapes.push(text.length * 2 + (wide ? 1 : 0));
  }

  get(index: number): string {
    const { block, start, length, wide } = this.locate(index);
    let text = '';
    // In slices: fromCharCode takes its arguments on the stack.
    for (let offset = 0; offset < length; offset += 4096) {
      const end = Math.min(length, offset + 4096);
      const units: number[] = [];
      for (let unit = offset; unit < end; unit++) units.push(unitAt(block, start, unit, wide));
      text += String.fromCharCode(...units);
    }
    return text;
  }

  /** Whether the string at `index` is `text`, without making a string of it. */
  equals(index: number, text: string): boolean {
    const { block, start, length, wide } = this.locate(index);
    if (length !== text.length) return false;
    for (let unit = 0; unit < length; unit++) {
      if (unitAt(block, start, unit, wide) !== text.charCodeAt(unit)) return false;
    }
    return true;
  }

  /** {@link hashOfText} of the string at `index`. */
  hashAt(index: number): number {
    const { block, start, length, wide } = this.locate(index);
    let hash = FNV_OFFSET;
    for (let unit = 0; unit < length; unit++)
      hash = Math.imul(hash ^ unitAt(block, start, unit, wide), FNV_PRIME);
    return finishHash(hash);
  }

  private locate(index: number): { block: Uint8Array; start: number; length: number; wide: boolean } {
    const position = this.positions.get(index);
    const shape = this.shapes.get(index);
    // Blocks longer than BLOCK_BYTES hold one string each, so their position still starts a block.
    return {
      block: this.blocks[Math.floor(position / BLOCK_BYTES)]!,
      start: position % BLOCK_BYTES,
      length: shape >>> 1,
      wide: (shape & 1) === 1,
    };
  }
}

function unitAt(block: Uint8Array, start: number, unit: number, wide: boolean): number {
  return wide ? block[start + unit * 2]! | (block[start + unit * 2 + 1]! << 8) : block[start + unit]!;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units, with a final mix so that ids differing in their last digits spread out. */
export function hashOfText(text: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < text.length; index++)
    hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return finishHash(hash);
}

function finishHash(hash: number): number {
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
}
