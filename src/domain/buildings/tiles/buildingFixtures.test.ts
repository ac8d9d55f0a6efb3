import { describe, expect, it } from 'vitest';
import { buildingGrid } from './buildingFixtures';

type Point = [number, number, number];

const subtract = (a: Point, b: Point): Point => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Point, b: Point): Point => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const dot = (a: Point, b: Point) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

// The tiler's tests trust these fixtures to be closed shells facing outward; check that once here.
describe('building fixtures', () => {
  it.each(buildingGrid(4).map((mesh) => [mesh.attributes.sourceId, mesh] as const))(
    '%s is a closed shell, counter-clockwise from outside, with matching normals',
    (_, { positions, indices, normals }) => {
      // Relative to the first vertex, so the volume sum does not lose digits to large coordinates.
      const point = (vertex: number): Point => [
        positions[vertex * 3]! - positions[0]!,
        positions[vertex * 3 + 1]! - positions[1]!,
        positions[vertex * 3 + 2]! - positions[2]!,
      ];
      const key = (p: Point) => p.map((value) => value.toFixed(3)).join(',');
      const directedEdges = new Map<string, number>();
      let sixTimesVolume = 0;
      for (let corner = 0; corner < indices.length; corner += 3) {
        const [a, b, c] = [indices[corner]!, indices[corner + 1]!, indices[corner + 2]!];
        const [pa, pb, pc] = [point(a), point(b), point(c)];
        const normal: Point = [normals[a * 3]!, normals[a * 3 + 1]!, normals[a * 3 + 2]!];
        expect(dot(cross(subtract(pb, pa), subtract(pc, pa)), normal)).toBeGreaterThan(0);
        sixTimesVolume += dot(pa, cross(pb, pc));
        for (const [from, to] of [
          [pa, pb],
          [pb, pc],
          [pc, pa],
        ] as [Point, Point][]) {
          const edge = `${key(from)}>${key(to)}`;
          directedEdges.set(edge, (directedEdges.get(edge) ?? 0) + 1);
        }
      }
      expect(sixTimesVolume).toBeGreaterThan(0);
      // Closed and consistently wound: every directed edge is met exactly as often in the opposite direction.
      for (const [edge, count] of directedEdges) {
        const [from, to] = edge.split('>');
        expect(directedEdges.get(`${to}>${from}`)).toBe(count);
      }
    },
  );
});
