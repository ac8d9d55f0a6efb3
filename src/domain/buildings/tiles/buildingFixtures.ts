import earcut from 'earcut';
import type { BuildingAttributes, BuildingMesh, Point3, SurfaceKind } from '../buildingModel';
import { cross, dot, type Vector3 } from '../../geo/earthFrames';

/**
 * Small buildings made by hand for the tiler's tests and benchmark: a box, an L-shape, a gable-roof house and
 * an extruded 8-corner block, in Münster (EPSG:25832, DHHN2016), with flat-shaded surfaces, counter-clockwise
 * seen from outside, as the geometry stage delivers them.
 */

const SURFACE_KIND_CODES: Record<SurfaceKind, number> = { wall: 0, roof: 1, ground: 2, closure: 3 };

/** A planar polygon, counter-clockwise seen from outside. */
interface FixtureSurface {
  kind: SurfaceKind;
  ring: Point3[];
}

function subtract(a: Vector3, b: Vector3): Vector3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function newellNormal(ring: readonly Point3[]): Point3 {
  const normal: Point3 = [0, 0, 0];
  ring.forEach((current, index) => {
    const next = ring[(index + 1) % ring.length]!;
    normal[0] += (current[1] - next[1]) * (current[2] + next[2]);
    normal[1] += (current[2] - next[2]) * (current[0] + next[0]);
    normal[2] += (current[0] - next[0]) * (current[1] + next[1]);
  });
  const length = Math.hypot(...normal);
  return [normal[0] / length, normal[1] / length, normal[2] / length];
}

/** Triangulates planar surfaces (earcut in the plane most facing the normal) into one flat-shaded mesh. */
function meshFromSurfaces(attributes: BuildingAttributes, surfaces: FixtureSurface[]): BuildingMesh {
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  const kinds: number[] = [];
  for (const { kind, ring } of surfaces) {
    const normal = newellNormal(ring);
    const dropAxis = normal.map(Math.abs).indexOf(Math.max(...normal.map(Math.abs)));
    const [u, v] = [0, 1, 2].filter((axis) => axis !== dropAxis) as [number, number];
    const flat = ring.flatMap((point) => [point[u]!, point[v]!]);
    const triangles = earcut(flat);
    const first = positions.length / 3;
    ring.forEach((point) => {
      positions.push(...point);
      normals.push(...normal);
    });
    for (let corner = 0; corner < triangles.length; corner += 3) {
      const a = triangles[corner]!;
      let [b, c] = [triangles[corner + 1]!, triangles[corner + 2]!];
      const [pa, pb, pc] = [ring[a]!, ring[b]!, ring[c]!];
      const face = cross(subtract(pb, pa), subtract(pc, pa));
      // earcut does not promise an orientation: turn each triangle to face along the surface normal.
      if (dot(face, normal) < 0) [b, c] = [c, b];
      indices.push(first + a, first + b, first + c);
      kinds.push(SURFACE_KIND_CODES[kind]);
    }
  }
  return {
    attributes,
    positions: Float64Array.from(positions),
    normals: Float32Array.from(normals),
    indices: Uint32Array.from(indices),
    triangleSurfaceKinds: Uint8Array.from(kinds),
  };
}

/** Walls, flat roof and ground of a footprint (counter-clockwise from above) extruded from ground to roof. */
export function extrudeFixtureFootprint(
  attributes: BuildingAttributes,
  footprint: readonly [number, number][],
  roofHeightAboveGroundMeters: number,
): BuildingMesh {
  const ground = attributes.groundHeightMeters;
  const roof = ground + roofHeightAboveGroundMeters;
  const walls: FixtureSurface[] = footprint.map(([x, y], index) => {
    const [nextX, nextY] = footprint[(index + 1) % footprint.length]!;
    return {
      kind: 'wall',
      ring: [
        [x, y, ground],
        [nextX, nextY, ground],
        [nextX, nextY, roof],
        [x, y, roof],
      ],
    };
  });
  return meshFromSurfaces(attributes, [
    ...walls,
    { kind: 'roof', ring: footprint.map(([x, y]) => [x, y, roof]) },
    { kind: 'ground', ring: [...footprint].reverse().map(([x, y]) => [x, y, ground]) },
  ]);
}

/** A rectangular house with a gable roof whose ridge runs east–west. */
export function gableHouse(
  attributes: BuildingAttributes,
  [x, y]: [number, number],
  widthMeters: number,
  depthMeters: number,
  eavesHeightMeters: number,
  ridgeHeightMeters: number,
): BuildingMesh {
  const ground = attributes.groundHeightMeters;
  const eaves = ground + eavesHeightMeters;
  const ridge = ground + ridgeHeightMeters;
  const [east, north, middle] = [x + widthMeters, y + depthMeters, y + depthMeters / 2];
  return meshFromSurfaces(attributes, [
    {
      kind: 'wall',
      ring: [
        [x, y, ground],
        [east, y, ground],
        [east, y, eaves],
        [x, y, eaves],
      ],
    },
    {
      kind: 'wall',
      ring: [
        [east, north, ground],
        [x, north, ground],
        [x, north, eaves],
        [east, north, eaves],
      ],
    },
    {
      kind: 'wall',
      ring: [
        [east, y, ground],
        [east, north, ground],
        [east, north, eaves],
        [east, middle, ridge],
        [east, y, eaves],
      ],
    },
    {
      kind: 'wall',
      ring: [
        [x, north, ground],
        [x, y, ground],
        [x, y, eaves],
        [x, middle, ridge],
        [x, north, eaves],
      ],
    },
    {
      kind: 'roof',
      ring: [
        [x, y, eaves],
        [east, y, eaves],
        [east, middle, ridge],
        [x, middle, ridge],
      ],
    },
    {
      kind: 'roof',
      ring: [
        [east, north, eaves],
        [x, north, eaves],
        [x, middle, ridge],
        [east, middle, ridge],
      ],
    },
    {
      kind: 'ground',
      ring: [
        [x, y, ground],
        [x, north, ground],
        [east, north, ground],
        [east, y, ground],
      ],
    },
  ]);
}

/** A box footprint, an L-shaped one and an extruded 8-corner (T-shaped) one, at a south-west corner. */
export const FOOTPRINTS = {
  box: (x: number, y: number): [number, number][] => [
    [x, y],
    [x + 10, y],
    [x + 10, y + 8],
    [x, y + 8],
  ],
  lShape: (x: number, y: number): [number, number][] => [
    [x, y],
    [x + 12, y],
    [x + 12, y + 5],
    [x + 5, y + 5],
    [x + 5, y + 11],
    [x, y + 11],
  ],
  eightCorners: (x: number, y: number): [number, number][] => [
    [x + 4, y],
    [x + 8, y],
    [x + 8, y + 7],
    [x + 12, y + 7],
    [x + 12, y + 11],
    [x, y + 11],
    [x, y + 7],
    [x + 4, y + 7],
  ],
};

/** Münster's Prinzipalmarkt, to put fixtures in the right place on the globe. */
export const MUENSTER_ORIGIN: [number, number] = [405700, 5757650];

/** Attributes of the n-th fixture building; some values missing, some with umlauts and several addresses. */
export function fixtureAttributes(index: number): BuildingAttributes {
  const variant = index % 4;
  return {
    sourceId: `DENW39AL${String(index).padStart(8, '0')}`,
    functionCode: ['31001_1000', '31001_2000', '31001_3000', undefined][variant],
    roofTypeCode: ['1000', '3100', undefined, '2100'][variant],
    measuredHeightMeters: variant === 1 ? undefined : 6 + (index % 7) * 1.37,
    storeysAboveGround: variant === 0 ? undefined : 1 + (index % 5),
    addresses:
      variant === 2
        ? []
        : variant === 3
          ? [
              { street: 'Hörsterstraße', houseNumber: `${index}`, postalCode: '48143', locality: 'Münster' },
              { street: 'Hörsterstraße', houseNumber: `${index + 2}a` },
            ]
          : [{ street: 'Prinzipalmarkt', houseNumber: `${index}`, postalCode: '48143', locality: 'Münster' }],
    groundHeightMeters: 55 + (index % 9) * 0.73,
    sourceFile: variant === 0 ? 'lod2/LoD2_32_405_5757_1_NW.gml' : 'lod2/Gebäude_Süd.gml',
    levelOfDetail: variant === 1 ? 1 : 2,
  };
}

/** A grid of buildings cycling through box, L-shape, gable house and 8-corner block. */
export function buildingGrid(count: number, spacingMeters = 25, columns = 8): BuildingMesh[] {
  return Array.from({ length: count }, (_, index) => {
    const x = MUENSTER_ORIGIN[0] + (index % columns) * spacingMeters;
    const y = MUENSTER_ORIGIN[1] + Math.floor(index / columns) * spacingMeters;
    const attributes = fixtureAttributes(index);
    switch (index % 4) {
      case 0:
        return extrudeFixtureFootprint(attributes, FOOTPRINTS.box(x, y), 9);
      case 1:
        return extrudeFixtureFootprint(attributes, FOOTPRINTS.lShape(x, y), 12);
      case 2:
        return gableHouse(attributes, [x, y], 11, 9, 6, 10.5);
      default:
        return extrudeFixtureFootprint(attributes, FOOTPRINTS.eightCorners(x, y), 15);
    }
  });
}
