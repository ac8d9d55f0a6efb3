import { describe, expect, it } from 'vitest';
import type { BuildingMesh } from '../buildingModel';
import { buildingGrid } from './buildingFixtures';
import { decodeMeshRecord, encodeMeshRecord, prepareMeshRecord, writeMeshRecord } from './meshRecord';

/** Equal down to the bit: typed arrays of the same class and contents, attributes deeply equal (−0 ≠ 0). */
function expectIdentical(actual: BuildingMesh, expected: BuildingMesh): void {
  expect(actual.positions).toBeInstanceOf(Float64Array);
  expect(actual.normals).toBeInstanceOf(Float32Array);
  expect(actual.indices).toBeInstanceOf(Uint32Array);
  expect(actual.triangleSurfaceKinds).toBeInstanceOf(Uint8Array);
  expect(actual.positions).toEqual(expected.positions);
  expect(actual.normals).toEqual(expected.normals);
  expect(actual.indices).toEqual(expected.indices);
  expect(actual.triangleSurfaceKinds).toEqual(expected.triangleSurfaceKinds);
  expect(actual.attributes).toStrictEqual(JSON.parse(JSON.stringify(expected.attributes)));
}

/** A mesh whose numbers JSON would change: NaN, ±Infinity and −0 in the attributes. */
function meshWithAwkwardNumbers(): BuildingMesh {
  const [mesh] = buildingGrid(1);
  return {
    ...mesh!,
    attributes: {
      ...mesh!.attributes,
      measuredHeightMeters: Number.NaN,
      storeysAboveGround: Number.POSITIVE_INFINITY,
      groundHeightMeters: -0,
      addresses: [{ street: 'Straße der Ziffern −∞', houseNumber: '1' }],
    },
  };
}

describe('mesh records', () => {
  it('give back every fixture exactly: Float64 positions, Float32 normals, indices, kinds, attributes', () => {
    for (const mesh of buildingGrid(12)) expectIdentical(decodeMeshRecord(encodeMeshRecord(mesh)), mesh);
  });

  it('keep positions to the last bit, far from any origin', () => {
    const [mesh] = buildingGrid(1);
    const positions = mesh!.positions.map(
      (value, index) => value + (index % 3 === 2 ? 1e-9 : 0.123456789012),
    );
    const decoded = decodeMeshRecord(encodeMeshRecord({ ...mesh!, positions }));
    expect(Array.from(decoded.positions)).toEqual(Array.from(positions));
  });

  it('keep NaN, ±Infinity and −0 in the attributes, which plain JSON would lose', () => {
    const mesh = meshWithAwkwardNumbers();
    const { attributes } = decodeMeshRecord(encodeMeshRecord(mesh));
    expect(attributes.measuredHeightMeters).toBeNaN();
    expect(attributes.storeysAboveGround).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(attributes.groundHeightMeters, -0)).toBe(true);
    expect(attributes.addresses).toEqual(mesh.attributes.addresses);
  });

  it('keep indices beyond 16 bits', () => {
    const [mesh] = buildingGrid(1);
    const indices = Uint32Array.from(mesh!.indices, (index) => index + 70_000);
    expect(decodeMeshRecord(encodeMeshRecord({ ...mesh!, indices })).indices).toEqual(indices);
  });

  it('decode from any byte offset, and write several records one after another into one buffer', () => {
    const meshes = buildingGrid(5);
    const prepared = meshes.map(prepareMeshRecord);
    const buffer = new Uint8Array(1 + prepared.reduce((sum, record) => sum + record.maximumByteLength, 0));
    // Starting at an odd offset: the decoder must copy rather than view misaligned Float64 data.
    let offset = 1;
    const ranges = prepared.map((record) => {
      const start = offset;
      offset += writeMeshRecord(record, buffer, offset);
      return [start, offset] as const;
    });
    ranges.forEach(([start, end], index) =>
      expectIdentical(decodeMeshRecord(buffer.subarray(start, end)), meshes[index]!),
    );
  });

  it('refuse to write into a buffer without room for the record', () => {
    const prepared = prepareMeshRecord(buildingGrid(1)[0]!);
    expect(() => writeMeshRecord(prepared, new Uint8Array(prepared.maximumByteLength - 1), 0)).toThrow(
      RangeError,
    );
  });
});
