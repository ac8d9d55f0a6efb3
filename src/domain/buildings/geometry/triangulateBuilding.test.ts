import { describe, expect, it } from 'vitest';
import type { BuildingSource, Point3, Surface } from '../buildingModel';
import { triangulateBuilding } from './triangulateBuilding';

const X0 = 405000;
const Y0 = 5757000;
const Z0 = 60;

/** Walls, ground and flat roof of a prism over a counter-clockwise footprint (seen from above). */
function prism(footprint: [number, number][], heightMeters: number, hole?: [number, number][]): Surface[] {
  const at = (xy: [number, number], z: number): Point3 => [X0 + xy[0], Y0 + xy[1], Z0 + z];
  const walls = (ring: [number, number][]): Surface[] =>
    ring.map((corner, index) => {
      const next = ring[(index + 1) % ring.length]!;
      return {
        kind: 'wall',
        exterior: [at(corner, 0), at(next, 0), at(next, heightMeters), at(corner, heightMeters)],
        holes: [],
      };
    });
  // A hole's ring runs clockwise seen from above, so its walls face into the courtyard.
  const holeRing = hole ? [...hole].reverse() : undefined;
  return [
    {
      kind: 'ground',
      exterior: [...footprint].reverse().map((xy) => at(xy, 0)),
      holes: holeRing ? [[...holeRing].reverse().map((xy) => at(xy, 0))] : [],
    },
    {
      kind: 'roof',
      exterior: footprint.map((xy) => at(xy, heightMeters)),
      holes: holeRing ? [holeRing.map((xy) => at(xy, heightMeters))] : [],
    },
    ...walls(footprint),
    ...(holeRing ? walls(holeRing) : []),
  ];
}

function building(surfaces: Surface[], sourceId = 'DENW_TEST'): BuildingSource {
  return {
    attributes: { sourceId, addresses: [], groundHeightMeters: Z0, sourceFile: 'test.gml', levelOfDetail: 2 },
    surfaces,
  };
}

/** Sum of triangle areas per surface kind and the mesh's signed volume (positive when faces point out). */
function measure(mesh: NonNullable<ReturnType<typeof triangulateBuilding>['mesh']>) {
  const { positions, indices, normals } = mesh;
  let volume = 0;
  let area = 0;
  let normalsAgree = true;
  for (let corner = 0; corner < indices.length; corner += 3) {
    const [a, b, c] = [indices[corner]!, indices[corner + 1]!, indices[corner + 2]!];
    const p = (index: number) => [
      positions[3 * index]! - X0,
      positions[3 * index + 1]! - Y0,
      positions[3 * index + 2]! - Z0,
    ];
    const [pa, pb, pc] = [p(a), p(b), p(c)] as [number[], number[], number[]];
    const ab = pb.map((value, axis) => value - pa[axis]!);
    const ac = pc.map((value, axis) => value - pa[axis]!);
    const n = [
      ab[1]! * ac[2]! - ab[2]! * ac[1]!,
      ab[2]! * ac[0]! - ab[0]! * ac[2]!,
      ab[0]! * ac[1]! - ab[1]! * ac[0]!,
    ];
    area += Math.hypot(n[0]!, n[1]!, n[2]!) / 2;
    volume += (pa[0]! * n[0]! + pa[1]! * n[1]! + pa[2]! * n[2]!) / 6;
    const stored = [normals[3 * a]!, normals[3 * a + 1]!, normals[3 * a + 2]!];
    if (stored[0]! * n[0]! + stored[1]! * n[1]! + stored[2]! * n[2]! <= 0) normalsAgree = false;
  }
  return { volume, area, normalsAgree };
}

describe('triangulateBuilding', () => {
  it('closes a box: outward triangles, the right volume and surface area', () => {
    const { mesh, issues } = triangulateBuilding(
      building(
        prism(
          [
            [0, 0],
            [10, 0],
            [10, 8],
            [0, 8],
          ],
          6,
        ),
      ),
    );
    expect(issues).toEqual([]);
    const { volume, area, normalsAgree } = measure(mesh!);
    expect(volume).toBeCloseTo(10 * 8 * 6, 6);
    expect(area).toBeCloseTo(2 * 80 + 2 * 60 + 2 * 48, 6);
    expect(normalsAgree).toBe(true);
    expect(mesh!.indices.length / 3).toBe(12);
    expect([...mesh!.triangleSurfaceKinds].filter((kind) => kind === 1)).toHaveLength(2);
  });

  it('triangulates a concave L-shape without covering the notch', () => {
    const { mesh } = triangulateBuilding(
      building(
        prism(
          [
            [0, 0],
            [10, 0],
            [10, 4],
            [4, 4],
            [4, 10],
            [0, 10],
          ],
          3,
        ),
      ),
    );
    expect(measure(mesh!).volume).toBeCloseTo((10 * 4 + 4 * 6) * 3, 6);
  });

  it('keeps the courtyard of a block open, its walls facing into the yard', () => {
    const { mesh, issues } = triangulateBuilding(
      building(
        prism(
          [
            [0, 0],
            [30, 0],
            [30, 30],
            [0, 30],
          ],
          12,
          [
            [10, 10],
            [20, 10],
            [20, 20],
            [10, 20],
          ],
        ),
      ),
    );
    expect(issues).toEqual([]);
    expect(measure(mesh!).volume).toBeCloseTo((900 - 100) * 12, 6);
    expect(measure(mesh!).normalsAgree).toBe(true);
  });

  it('triangulates a gable roof in the planes of its two slopes', () => {
    const p = (x: number, y: number, z: number): Point3 => [X0 + x, Y0 + y, Z0 + z];
    // 10 m × 8 m, eaves at 5 m, ridge along x at 9 m.
    const surfaces: Surface[] = [
      { kind: 'ground', exterior: [p(0, 0, 0), p(0, 8, 0), p(10, 8, 0), p(10, 0, 0)], holes: [] },
      { kind: 'wall', exterior: [p(0, 0, 0), p(10, 0, 0), p(10, 0, 5), p(0, 0, 5)], holes: [] },
      { kind: 'wall', exterior: [p(10, 8, 0), p(0, 8, 0), p(0, 8, 5), p(10, 8, 5)], holes: [] },
      {
        kind: 'wall',
        exterior: [p(10, 0, 0), p(10, 8, 0), p(10, 8, 5), p(10, 4, 9), p(10, 0, 5)],
        holes: [],
      },
      { kind: 'wall', exterior: [p(0, 8, 0), p(0, 0, 0), p(0, 0, 5), p(0, 4, 9), p(0, 8, 5)], holes: [] },
      { kind: 'roof', exterior: [p(0, 0, 5), p(10, 0, 5), p(10, 4, 9), p(0, 4, 9)], holes: [] },
      { kind: 'roof', exterior: [p(10, 8, 5), p(0, 8, 5), p(0, 4, 9), p(10, 4, 9)], holes: [] },
    ];
    const { mesh, issues } = triangulateBuilding(building(surfaces));
    expect(issues).toEqual([]);
    const { volume, normalsAgree } = measure(mesh!);
    expect(volume).toBeCloseTo(10 * 8 * 5 + ((8 * 4) / 2) * 10, 6);
    expect(normalsAgree).toBe(true);
    // Each roof triangle's normal leans to its own side and upward at 45°.
    const roofNormals = new Set<string>();
    mesh!.triangleSurfaceKinds.forEach((kind, triangle) => {
      if (kind !== 1) return;
      const vertex = mesh!.indices[3 * triangle]!;
      roofNormals.add([1, 2].map((axis) => mesh!.normals[3 * vertex + axis]!.toFixed(3)).join(','));
    });
    expect([...roofNormals].sort()).toEqual(['-0.707,0.707', '0.707,0.707']);
  });

  it('joins the surfaces of two building parts into one building mesh', () => {
    const part = prism(
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ],
      6,
    );
    const annex = prism(
      [
        [10, 0],
        [16, 0],
        [16, 10],
        [10, 10],
      ],
      3,
    );
    const { mesh } = triangulateBuilding(building([...part, ...annex]));
    expect(measure(mesh!).volume).toBeCloseTo(600 + 180, 6);
  });

  it('turns a shell that faces inward outward, and says so', () => {
    const inward = prism(
      [
        [0, 0],
        [10, 0],
        [10, 8],
        [0, 8],
      ],
      6,
    ).map((surface) => ({
      ...surface,
      exterior: [...surface.exterior].reverse(),
    }));
    const { mesh, issues } = triangulateBuilding(building(inward));
    expect(measure(mesh!).volume).toBeCloseTo(480, 6);
    expect(issues.map((issue) => issue.code)).toContain('inside-out');
  });

  it('skips a self-intersecting (bow-tie) polygon and a degenerate one, naming the building, and keeps the rest', () => {
    const surfaces = prism(
      [
        [0, 0],
        [10, 0],
        [10, 8],
        [0, 8],
      ],
      6,
    );
    const p = (x: number, y: number): Point3 => [X0 + x, Y0 + y, Z0 + 6];
    surfaces.push({ kind: 'roof', exterior: [p(0, 0), p(10, 8), p(10, 0), p(0, 8)], holes: [] });
    surfaces.push({ kind: 'roof', exterior: [p(0, 0), p(5, 0), p(10, 0)], holes: [] });
    const { mesh, issues } = triangulateBuilding(building(surfaces, 'DENW_BROKEN'));
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'self-intersecting-polygon',
        featureId: 'DENW_BROKEN',
        file: 'test.gml',
      }),
      expect.objectContaining({ severity: 'warning', code: 'degenerate-polygon', featureId: 'DENW_BROKEN' }),
    ]);
    expect(measure(mesh!).volume).toBeCloseTo(480, 6);
  });

  it('reports a building with no usable surface and returns no mesh', () => {
    const p = (x: number): Point3 => [X0 + x, Y0, Z0];
    const { mesh, issues } = triangulateBuilding(
      building([{ kind: 'roof', exterior: [p(0), p(1), p(2)], holes: [] }]),
    );
    expect(mesh).toBeUndefined();
    expect(issues.at(-1)).toMatchObject({ severity: 'error', code: 'no-geometry' });
  });
});
