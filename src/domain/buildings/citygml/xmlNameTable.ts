/**
 * Resolved names found by a hash of their characters where they stand in the scanner's buffer: a name seen before
 * costs a hash computed while scanning it and one comparison, no new string and no Map lookup (which would hash
 * a freshly sliced string again). An open-addressing table; it is emptied whenever namespace bindings change.
 */

/** An element's or attribute's name resolved against the bindings in force; shared while they hold. */
export interface XmlName {
  qualifiedName: string;
  /** Namespace URI; '' for none (unprefixed attributes, elements without a default namespace). */
  uri: string;
  local: string;
}

/** The hash the scanner folds each name character into: `hash = nextNameHash(hash, code)`, starting at 0. */
export function nextNameHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

export class XmlNameTable {
  private names: (XmlName | undefined)[];
  private hashes: Int32Array;
  private count = 0;

  constructor(private capacity = 256) {
    this.names = new Array<XmlName | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
  }

  /** The name whose qualified name is `buffer[start, end)` and hashes to `hash`, if known. */
  find(buffer: string, start: number, end: number, hash: number): XmlName | undefined {
    const mask = this.capacity - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const name = this.names[slot];
      if (name === undefined) return undefined;
      const qualifiedName = name.qualifiedName;
      if (
        this.hashes[slot] === hash &&
        qualifiedName.length === end - start &&
        buffer.startsWith(qualifiedName, start)
      )
        return name;
    }
  }

  add(hash: number, name: XmlName): void {
    if (2 * (this.count + 1) > this.capacity) this.grow();
    const mask = this.capacity - 1;
    let slot = hash & mask;
    while (this.names[slot] !== undefined) slot = (slot + 1) & mask;
    this.names[slot] = name;
    this.hashes[slot] = hash;
    this.count++;
  }

  clear(): void {
    if (this.count === 0) return;
    this.names.fill(undefined);
    this.count = 0;
  }

  private grow(): void {
    const names = this.names;
    const hashes = this.hashes;
    this.capacity *= 2;
    this.names = new Array<XmlName | undefined>(this.capacity).fill(undefined);
    this.hashes = new Int32Array(this.capacity);
    this.count = 0;
    names.forEach((name, slot) => {
      if (name !== undefined) this.add(hashes[slot]!, name);
    });
  }
}
