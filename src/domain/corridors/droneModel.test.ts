import { getBounds, WebIO } from '@gltf-transform/core';
import { validateBytes } from 'gltf-validator';
import { describe, expect, it } from 'vitest';
import { writeDroneModelGlb } from './droneModel';

describe('the drone model', () => {
  it('is a valid GLB of a quadcopter about 0.6 m across, with a few hundred triangles', async () => {
    const bytes = await writeDroneModelGlb();
    const { issues } = await validateBytes(bytes);
    expect(issues.messages.filter((message) => message.severity === 0)).toEqual([]);

    const document = await new WebIO().readBinary(bytes);
    const root = document.getRoot();
    const names = root.listNodes().map((node) => node.getName());
    expect(names.filter((name) => name.startsWith('arm-'))).toHaveLength(4);
    expect(names.filter((name) => name.startsWith('rotor-'))).toHaveLength(4);
    expect(root.listMeshes().map((mesh) => mesh.getName())).toEqual(['body', 'arm', 'rotor', 'rotor-front']);

    const { min, max } = getBounds(root.listScenes()[0]!);
    const [width, height, length] = [0, 1, 2].map((axis) => max[axis]! - min[axis]!);
    for (const across of [width, length]) {
      expect(across).toBeGreaterThan(0.5);
      expect(across).toBeLessThan(1);
    }
    expect(height).toBeLessThan(0.15);
    // Front (+Z, the direction of flight) and back reach equally far: the body sits in the middle.
    expect(max[2]! + min[2]!).toBeCloseTo(0, 6);

    const triangles = root
      .listNodes()
      .flatMap((node) => node.getMesh()?.listPrimitives() ?? [])
      .reduce((sum, primitive) => sum + primitive.getIndices()!.getCount() / 3, 0);
    expect(triangles).toBeGreaterThan(100);
    expect(triangles).toBeLessThan(400);
  });
});
