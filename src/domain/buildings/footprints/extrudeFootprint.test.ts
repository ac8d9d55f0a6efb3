import { describe, expect, it } from 'vitest';
import type { Point3, Surface } from '../buildingModel';
import { extrudeFootprint } from './extrudeFootprint';
import type { PlanarPoint } from './footprintPolygon';

const ORIGIN: PlanarPoint = [405754, 5757711];

/** A ring offset from a point near the Prinzipalmarkt, so precision is tested at real UTM magnitudes. */
function ring(points: [number, number][]): PlanarPoint[] {
  return points.map(([x, y]) => [ORIGIN[0] + x, ORIGIN[1] + y]);
}

/** Unit normal by Newell's method: counter-clockwise seen from the side it points to. */
function unitNormal(points: readonly Point3[]): [number, number, number] {
  let [nx, ny, nz] = [0, 0, 0];
  const [ox, oy, oz] = points[0]!;
  points.forEach((current, index) => {
    const next = points[(index + 1) % points.length]!;
    const [cx, cy, cz] = [current[0] - ox, current[1] - oy, current[2] - oz];
    const [px, py, pz] = [next[0] - ox, next[1] - oy, next[2] - oz];
    nx += (cy - py) * (cz + pz);
    ny += (cz - pz) * (cx + px);
    nz += (cx - px) * (cy + py);
  });
  const length = Math.hypot(nx, ny, nz);
  return [nx / length, ny / length, nz / length];
}

function centroid(points: readonly Point3[]): Point3 {
  const sum = points.reduce<Point3>(
    (total, [x, y, z]) => [total[0] + x, total[1] + y, total[2] + z],
    [0, 0, 0],
  );
  return [sum[0] / points.length, sum[1] / points.length, sum[2] / points.length];
}

/** Whether the wall's normal points away from a point known to be inside the building's footprint. */
function facesAwayFrom(wall: Surface, inside: PlanarPoint): boolean {
  const normal = unitNormal(wall.exterior);
  const [cx, cy] = centroid(wall.exterior);
  return normal[0] * (cx - inside[0]) + normal[1] * (cy - inside[1]) > 0;
}

const BOX = ring([
  [0, 0],
  [10, 0],
  [10, 8],
  [0, 8],
]);

describe('extrudeFootprint', () => {
  it('turns a box into a ground, a roof and four outward walls', () => {
    const surfaces = extrudeFootprint({ outer: BOX, holes: [] }, { baseHeightMeters: 60, heightMeters: 12 });
    expect(surfaces.map((surface) => surface.kind)).toEqual([
      'ground',
      'roof',
      'wall',
      'wall',
      'wall',
      'wall',
    ]);
    const [ground, roof, ...walls] = surfaces;
    expect(unitNormal(ground!.exterior)[2]).toBeCloseTo(-1, 9);
    expect(unitNormal(roof!.exterior)[2]).toBeCloseTo(1, 9);
    expect(ground!.exterior.every(([, , z]) => z === 60)).toBe(true);
    expect(roof!.exterior.every(([, , z]) => z === 72)).toBe(true);
    const inside: PlanarPoint = [ORIGIN[0] + 5, ORIGIN[1] + 4];
    for (const wall of walls) {
      expect(wall.exterior).toHaveLength(4);
      expect(Math.abs(unitNormal(wall.exterior)[2])).toBeLessThan(1e-9);
      expect(facesAwayFrom(wall, inside)).toBe(true);
    }
  });

  it('stands on 0 m when no base height is given', () => {
    const [ground, roof] = extrudeFootprint({ outer: BOX, holes: [] }, { heightMeters: 9 });
    expect(ground!.exterior[0]![2]).toBe(0);
    expect(roof!.exterior[0]![2]).toBe(9);
  });

  it('gives an L-shape six walls, all facing out', () => {
    const shape = ring([
      [0, 0],
      [20, 0],
      [20, 8],
      [8, 8],
      [8, 20],
      [0, 20],
    ]);
    const walls = extrudeFootprint({ outer: shape, holes: [] }, { heightMeters: 6 }).filter(
      (surface) => surface.kind === 'wall',
    );
    expect(walls).toHaveLength(6);
    // The L's two arms: each wall must face away from the arm it bounds, tested by stepping just inside it.
    for (const wall of walls) {
      const normal = unitNormal(wall.exterior);
      const [cx, cy] = centroid(wall.exterior);
      const justInside: PlanarPoint = [cx - normal[0] * 0.5, cy - normal[1] * 0.5];
      const local = [justInside[0] - ORIGIN[0], justInside[1] - ORIGIN[1]];
      const insideL =
        (local[0]! > 0 && local[0]! < 20 && local[1]! > 0 && local[1]! < 8) ||
        (local[0]! > 0 && local[0]! < 8 && local[1]! > 0 && local[1]! < 20);
      expect(insideL).toBe(true);
    }
  });

  it('faces the courtyard walls into the courtyard, away from the building', () => {
    const outer = ring([
      [0, 0],
      [30, 0],
      [30, 30],
      [0, 30],
    ]);
    const courtyard = ring([
      [10, 10],
      [20, 10],
      [20, 20],
      [10, 20],
    ]);
    const surfaces = extrudeFootprint({ outer, holes: [courtyard] }, { heightMeters: 15 });
    const walls = surfaces.filter((surface) => surface.kind === 'wall');
    expect(walls).toHaveLength(8);
    const courtyardCentre: PlanarPoint = [ORIGIN[0] + 15, ORIGIN[1] + 15];
    const courtyardWalls = walls.slice(4);
    for (const wall of courtyardWalls) {
      const normal = unitNormal(wall.exterior);
      const [cx, cy] = centroid(wall.exterior);
      // Outward from the building is towards the courtyard's centre.
      expect(normal[0] * (courtyardCentre[0] - cx) + normal[1] * (courtyardCentre[1] - cy)).toBeGreaterThan(
        0,
      );
    }
    const [ground, roof] = surfaces;
    expect(roof!.holes).toHaveLength(1);
    expect(unitNormal(roof!.holes[0]!)[2]).toBeCloseTo(-1, 9);
    expect(unitNormal(ground!.holes[0]!)[2]).toBeCloseTo(1, 9);
  });

  it('normalises clockwise input, a closing point and repeated points', () => {
    const clockwiseClosed = ring([
      [0, 0],
      [0, 8],
      [0, 8],
      [10, 8],
      [10, 0],
      [0, 0],
    ]);
    const surfaces = extrudeFootprint({ outer: clockwiseClosed, holes: [] }, { heightMeters: 3 });
    const [, roof, ...walls] = surfaces;
    expect(roof!.exterior).toHaveLength(4);
    expect(unitNormal(roof!.exterior)[2]).toBeCloseTo(1, 9);
    expect(walls).toHaveLength(4);
    const inside: PlanarPoint = [ORIGIN[0] + 5, ORIGIN[1] + 4];
    expect(walls.every((wall) => facesAwayFrom(wall, inside))).toBe(true);
  });
});
