/**
 * A small quadcopter as glTF, built by our own code (no model files from elsewhere): a body with an orange nose,
 * four arms on the diagonals and four rotor discs, the front pair orange so the direction of flight shows. About
 * 0.6 m across and 264 triangles, cheap enough for software WebGL. glTF axes: +Y up, +Z forward (the direction of
 * flight), +X to the left; CesiumJS turns +Z forward into its model's +X.
 */
import { Document, WebIO, type Material, type Mesh, type Node } from '@gltf-transform/core';

/** Distance from the centre to each rotor's axis, horizontally. */
export const DRONE_ROTOR_ARM_METERS = 0.25;
export const DRONE_ROTOR_RADIUS_METERS = 0.12;
const ROTOR_SEGMENTS = 12;

interface MeshData {
  positions: number[];
  normals: number[];
  indices: number[];
}

const emptyMesh = (): MeshData => ({ positions: [], normals: [], indices: [] });

/** Adds a flat-shaded quad (corners counter-clockwise seen from outside) with its outward normal. */
function addQuad(mesh: MeshData, corners: readonly (readonly number[])[], normal: readonly number[]): void {
  const first = mesh.positions.length / 3;
  for (const corner of corners) {
    mesh.positions.push(...corner);
    mesh.normals.push(...normal);
  }
  mesh.indices.push(first, first + 1, first + 2, first, first + 2, first + 3);
}

/** An axis-aligned box centred at `centre` with `size` [x, y, z] metres: 12 triangles. */
function addBox(mesh: MeshData, centre: readonly number[], size: readonly number[]): void {
  const [cx, cy, cz] = centre as [number, number, number];
  const [hx, hy, hz] = size.map((value) => value / 2) as [number, number, number];
  const x0 = cx - hx;
  const x1 = cx + hx;
  const y0 = cy - hy;
  const y1 = cy + hy;
  const z0 = cz - hz;
  const z1 = cz + hz;
  addQuad(
    mesh,
    [
      [x1, y0, z0],
      [x1, y1, z0],
      [x1, y1, z1],
      [x1, y0, z1],
    ],
    [1, 0, 0],
  );
  addQuad(
    mesh,
    [
      [x0, y0, z1],
      [x0, y1, z1],
      [x0, y1, z0],
      [x0, y0, z0],
    ],
    [-1, 0, 0],
  );
  addQuad(
    mesh,
    [
      [x0, y1, z0],
      [x0, y1, z1],
      [x1, y1, z1],
      [x1, y1, z0],
    ],
    [0, 1, 0],
  );
  addQuad(
    mesh,
    [
      [x0, y0, z0],
      [x1, y0, z0],
      [x1, y0, z1],
      [x0, y0, z1],
    ],
    [0, -1, 0],
  );
  addQuad(
    mesh,
    [
      [x0, y0, z1],
      [x1, y0, z1],
      [x1, y1, z1],
      [x0, y1, z1],
    ],
    [0, 0, 1],
  );
  addQuad(
    mesh,
    [
      [x1, y0, z0],
      [x0, y0, z0],
      [x0, y1, z0],
      [x1, y1, z0],
    ],
    [0, 0, -1],
  );
}

/** A flat disc (a short prism) around the Y axis: top, bottom and rim, 4 triangles per segment. */
function addDisc(mesh: MeshData, radius: number, height: number, segments: number): void {
  const angle = (index: number) => (2 * Math.PI * index) / segments;
  const top = height / 2;
  const bottom = -height / 2;
  for (const [y, normalY] of [
    [top, 1],
    [bottom, -1],
  ] as const) {
    const centre = mesh.positions.length / 3;
    mesh.positions.push(0, y, 0);
    mesh.normals.push(0, normalY, 0);
    for (let index = 0; index < segments; index++) {
      mesh.positions.push(radius * Math.cos(angle(index)), y, radius * Math.sin(angle(index)));
      mesh.normals.push(0, normalY, 0);
    }
    for (let index = 0; index < segments; index++) {
      const a = centre + 1 + index;
      const b = centre + 1 + ((index + 1) % segments);
      // Counter-clockwise seen from the side the normal points to.
      mesh.indices.push(...(normalY > 0 ? [centre, b, a] : [centre, a, b]));
    }
  }
  for (let index = 0; index < segments; index++) {
    const a = angle(index);
    const b = angle(index + 1);
    const middle = (a + b) / 2;
    addQuad(
      mesh,
      [
        [radius * Math.cos(a), bottom, radius * Math.sin(a)],
        [radius * Math.cos(a), top, radius * Math.sin(a)],
        [radius * Math.cos(b), top, radius * Math.sin(b)],
        [radius * Math.cos(b), bottom, radius * Math.sin(b)],
      ],
      [Math.cos(middle), 0, Math.sin(middle)],
    );
  }
}

function createMesh(document: Document, name: string, parts: { data: MeshData; material: Material }[]): Mesh {
  const buffer = document.getRoot().listBuffers()[0]!;
  const mesh = document.createMesh(name);
  for (const { data, material } of parts) {
    const position = document
      .createAccessor()
      .setType('VEC3')
      .setArray(new Float32Array(data.positions))
      .setBuffer(buffer);
    const normal = document
      .createAccessor()
      .setType('VEC3')
      .setArray(new Float32Array(data.normals))
      .setBuffer(buffer);
    const indices = document
      .createAccessor()
      .setType('SCALAR')
      .setArray(new Uint16Array(data.indices))
      .setBuffer(buffer);
    mesh.addPrimitive(
      document
        .createPrimitive()
        .setAttribute('POSITION', position)
        .setAttribute('NORMAL', normal)
        .setIndices(indices)
        .setMaterial(material),
    );
  }
  return mesh;
}

/** The quadcopter as a glTF document: a root node `drone` with the body, four arms and four rotors below it. */
export function createDroneModelDocument(): Document {
  const document = new Document();
  document.createBuffer();
  const material = (name: string, rgb: [number, number, number], metallic = 0.1) =>
    document
      .createMaterial(name)
      .setBaseColorFactor([...rgb, 1])
      .setMetallicFactor(metallic)
      .setRoughnessFactor(0.6);
  const dark = material('body', [0.08, 0.09, 0.1]);
  const signal = material('front', [1, 0.45, 0.05]);
  const rotorGrey = material('rotor', [0.75, 0.78, 0.8]);

  const body = emptyMesh();
  addBox(body, [0, 0, 0], [0.16, 0.07, 0.2]);
  const nose = emptyMesh();
  addBox(nose, [0, 0.005, 0.12], [0.08, 0.04, 0.04]);
  const bodyMesh = createMesh(document, 'body', [
    { data: body, material: dark },
    { data: nose, material: signal },
  ]);

  // One arm along +Z from the centre to the rotor axis; each arm node turns it onto its diagonal.
  const arm = emptyMesh();
  addBox(arm, [0, 0, DRONE_ROTOR_ARM_METERS / 2], [0.025, 0.02, DRONE_ROTOR_ARM_METERS]);
  const armMesh = createMesh(document, 'arm', [{ data: arm, material: dark }]);
  const disc = emptyMesh();
  addDisc(disc, DRONE_ROTOR_RADIUS_METERS, 0.012, ROTOR_SEGMENTS);
  const rotorMesh = createMesh(document, 'rotor', [{ data: disc, material: rotorGrey }]);
  const frontRotorMesh = createMesh(document, 'rotor-front', [{ data: disc, material: signal }]);

  const root = document.createNode('drone');
  root.addChild(document.createNode('body').setMesh(bodyMesh));
  const diagonals = [
    { name: 'front-left', degrees: 45, front: true },
    { name: 'front-right', degrees: -45, front: true },
    { name: 'rear-left', degrees: 135, front: false },
    { name: 'rear-right', degrees: -135, front: false },
  ];
  for (const { name, degrees, front } of diagonals) {
    // A turn about +Y by `degrees` takes +Z towards +X (the left).
    const half = (degrees * Math.PI) / 360;
    const armNode: Node = document
      .createNode(`arm-${name}`)
      .setMesh(armMesh)
      .setRotation([0, Math.sin(half), 0, Math.cos(half)]);
    const radians = (degrees * Math.PI) / 180;
    const rotorNode = document
      .createNode(`rotor-${name}`)
      .setMesh(front ? frontRotorMesh : rotorMesh)
      .setTranslation([
        DRONE_ROTOR_ARM_METERS * Math.sin(radians),
        0.03,
        DRONE_ROTOR_ARM_METERS * Math.cos(radians),
      ]);
    root.addChild(armNode).addChild(rotorNode);
  }
  document.createScene('drone').addChild(root);
  return document;
}

/** The quadcopter as GLB bytes. */
export async function writeDroneModelGlb(): Promise<Uint8Array> {
  return new WebIO().writeBinary(createDroneModelDocument());
}
