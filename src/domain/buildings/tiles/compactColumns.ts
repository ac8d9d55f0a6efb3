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

  /**
   * Compares the strings at `a` and `b` as `<` and `>` compare strings (by UTF-16 code units, a prefix first),
   * without making strings of them: negative, zero or positive.
   */
  compare(a: number, b: number): number {
    const [positionA, positionB] = [this.positions.get(a), this.positions.get(b)];
    const [shapeA, shapeB] = [this.shapes.get(a), this.shapes.get(b)];
    const blockA = this.blocks[Math.floor(positionA / BLOCK_BYTES)]!;
    const blockB = this.blocks[Math.floor(positionB / BLOCK_BYTES)]!;
    const [startA, startB] = [positionA % BLOCK_BYTES, positionB % BLOCK_BYTES];
    const [wideA, wideB] = [(shapeA & 1) === 1, (shapeB & 1) === 1];
    const [lengthA, lengthB] = [shapeA >>> 1, shapeB >>> 1];
    const common = Math.min(lengthA, lengthB);
    for (let unit = 0; unit < common; unit++) {
      const difference = unitAt(blockA, startA, unit, wideA) - unitAt(blockB, startB, unit, wideB);
      if (difference !== 0) return difference;
    }
    return lengthA - lengthB;
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

/**
 * A hash table from strings to their indexes in a StringColumn (open addressing, linear probing, at most half
 * full): 4 to 8 bytes per string in an Int32Array, where a Map<string, …> or Set<string> takes about 50 on the
 * JS heap besides the strings. The strings stay in their column.
 */
export class StringIndexTable {
  private slots = new Int32Array(1024).fill(-1);
  private size = 0;

  constructor(private readonly strings: StringColumn) {}

  /** The index of the column's string `text` (`hash` = hashOfText(text)) in the table, if any. */
  find(text: string, hash: number): number | undefined {
    const { slots } = this;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = slots[slot]!;
      if (index < 0) return undefined;
      if (this.strings.equals(index, text)) return index;
    }
  }

  /** Adds the column's string at `index` (`hash` = its hashOfText), which is not in the table yet. */
  insert(index: number, hash: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    this.place(index, hash);
    this.size++;
  }

  private place(index: number, hash: number): void {
    const { slots } = this;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot]! >= 0) slot = (slot + 1) & mask;
    slots[slot] = index;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    for (const index of old) if (index >= 0) this.place(index, this.strings.hashAt(index));
  }
}

/** A set of strings in a StringColumn and a StringIndexTable: a compact Set<string> for many ids. */
export class CompactStringSet {
  private readonly strings = new StringColumn();
  private readonly table = new StringIndexTable(this.strings);

  has(text: string): boolean {
    return this.table.find(text, hashOfText(text)) !== undefined;
  }

  add(text: string): void {
    const hash = hashOfText(text);
    if (this.table.find(text, hash) !== undefined) return;
    this.strings.push(text);
    this.table.insert(this.strings.length - 1, hash);
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
