import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyCorridorEdit,
  corridorSceneForExport,
  createDrawnCorridor,
  nextDrawnCorridorId,
  validateCorridor,
} from './corridorEditing';
import { parseCorridorScene } from './parseCorridorScene';

const corridor = createDrawnCorridor(
  'drawn-1',
  [
    [7.6, 51.95],
    [7.62, 51.96],
  ],
  1,
);

describe('editing a corridor', () => {
  it('a drawn corridor is a valid corridor document item', () => {
    expect(validateCorridor(corridor)).toEqual([]);
  });

  it('numbers drawn corridors by the first free id', () => {
    expect(nextDrawnCorridorId([{ id: 'drawn-1' }, { id: 'lab' }, { id: 'drawn-3' }])).toBe('drawn-2');
  });

  it('moves, inserts and removes points', () => {
    const moved = applyCorridorEdit(corridor, { kind: 'movePoint', index: 1, point: [7.63, 51.97] });
    expect(moved.centreLine).toEqual([
      [7.6, 51.95],
      [7.63, 51.97],
    ]);
    const inserted = applyCorridorEdit(moved, { kind: 'insertPoint', afterIndex: 0 });
    expect(inserted.centreLine[1]![0]).toBeCloseTo(7.615, 9);
    expect(inserted.centreLine[1]![1]).toBeCloseTo(51.96, 9);
    // After the last point: as far again as half the last segment.
    const appended = applyCorridorEdit(moved, { kind: 'insertPoint', afterIndex: 1 });
    expect(appended.centreLine[2]![0]).toBeCloseTo(7.645, 9);
    expect(applyCorridorEdit(inserted, { kind: 'removePoint', index: 1 }).centreLine).toEqual(
      moved.centreLine,
    );
    // Two points are the least a centre line has.
    expect(applyCorridorEdit(moved, { kind: 'removePoint', index: 0 })).toBe(moved);
  });

  it('names the corridor and the field when an edit puts the ceiling below the floor', () => {
    const edited = applyCorridorEdit(corridor, {
      kind: 'setHeight',
      which: 'ceiling',
      height: { reference: 'AGL', heightMeters: 20 },
    });
    const issues = validateCorridor(edited);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('$.corridors["drawn-1"].ceiling.heightMeters');
    expect(issues[0]!.message).toContain('must be above the floor');
  });

  it('exports a document the app reads back with the edited corridors', () => {
    const text = readFileSync('scenes/drone-corridors.json', 'utf8');
    const { scene } = parseCorridorScene(text, 'scenes/drone-corridors.json');
    const widened = applyCorridorEdit(scene!.corridors[0]!, { kind: 'setWidth', widthMeters: 80 });
    const exported = corridorSceneForExport(scene, [widened, corridor], scene!.restrictionZones);
    const back = parseCorridorScene(exported, 'export.json');
    expect(back.issues).toEqual([]);
    expect(back.scene!.corridors.map((entry) => [entry.id, entry.widthMeters])).toEqual([
      [widened.id, 80],
      ['drawn-1', 40],
    ]);
    expect(back.scene!.restrictionZones).toHaveLength(scene!.restrictionZones.length);
  });
});
