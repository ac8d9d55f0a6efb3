import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  createEditHistory,
  recordMassingEdit,
  redoMassingEdit,
  undoMassingEdit,
} from './editHistory';
import { computeMassingFigures, computeVariantKeyFigures } from './keyFigures';
import { applyMassingEdit, createRectangularMassing, nextFreeElementId } from './massingEdits';
import { planarPolygonCentroid, projectPolygon } from './scenarioPlanarGeometry';
import {
  createTestScenario,
  createTestVariant,
  metricPosition,
  TEST_ORIGIN_EASTING,
  TEST_ORIGIN_NORTHING,
} from './scenarioTestSupport';

const variant = createTestVariant();

/** Corners of a massing's outer ring in metres from the test origin, rounded to centimetres. */
function metricCorners(footprint: Parameters<typeof projectPolygon>[0]) {
  return projectPolygon(footprint)[0]!.map(([x, y]) => [
    Math.round((x - TEST_ORIGIN_EASTING) * 100) / 100 || 0,
    Math.round((y - TEST_ORIGIN_NORTHING) * 100) / 100 || 0,
  ]);
}

function edited(edit: Parameters<typeof applyMassingEdit>[1]) {
  const result = applyMassingEdit(variant, edit);
  expect(result.issues).toEqual([]);
  return result.variant!;
}

describe('applyMassingEdit', () => {
  it('moves a massing by metres on the ground and keeps its area', () => {
    const moved = edited({ kind: 'moveMassing', massingId: 'row-b', eastMeters: 5, northMeters: -2 });
    expect(metricCorners(moved.massings[1]!.footprint)).toEqual([
      [105, 8],
      [135, 8],
      [135, 18],
      [105, 18],
    ]);
    expect(computeMassingFigures(moved.massings[1]!).footprintAreaSquareMeters).toBeCloseTo(300, 0);
    // The other massing is the same object: its cached figures are reused.
    expect(moved.massings[0]).toBe(variant.massings[0]);
    // The input variant is unchanged.
    expect(metricCorners(variant.massings[1]!.footprint)[0]).toEqual([100, 10]);
  });

  it('rotates a massing clockwise about its centre', () => {
    const rotated = edited({ kind: 'rotateMassing', massingId: 'row-b', clockwiseDegrees: 90 });
    // 30 × 10 m centred at (115, 15), turned a quarter: 10 × 30 m around the same centre.
    expect(metricCorners(rotated.massings[1]!.footprint)).toEqual([
      [110, 30],
      [110, 0],
      [120, 0],
      [120, 30],
    ]);
  });

  it('resizes along the main axis and across it, courtyards included', () => {
    const resized = edited({
      kind: 'resizeMassing',
      massingId: 'block-a',
      lengthFactor: 1.5,
      widthFactor: 1,
    });
    // 40 × 20 m with a 20 × 10 m courtyard → 60 × 20 m with a 30 × 10 m courtyard: 1,200 − 300 = 900 m².
    expect(computeMassingFigures(resized.massings[0]!).footprintAreaSquareMeters).toBeCloseTo(900, 0);
    const [cx, cy] = planarPolygonCentroid(projectPolygon(resized.massings[0]!.footprint));
    expect(cx - TEST_ORIGIN_EASTING).toBeCloseTo(30, 2);
    expect(cy - TEST_ORIGIN_NORTHING).toBeCloseTo(20, 2);
  });

  it('changes storeys and uses, and the homes follow', () => {
    const scenario = createTestScenario();
    const taller = edited({ kind: 'setStoreys', massingId: 'block-a', storeys: 6 });
    expect(computeVariantKeyFigures(scenario, taller).figures.homes.value).toBe(30); // 600 × 6 × 0.75 / 100 + 3
    const allHousing = edited({ kind: 'setUses', massingId: 'block-a', uses: { housing: 1 } });
    expect(computeVariantKeyFigures(scenario, allHousing).figures.homes.value).toBe(27); // 24 + 3
  });

  it('refuses uses that do not add up to 1, naming the field', () => {
    const result = applyMassingEdit(variant, {
      kind: 'setUses',
      massingId: 'block-a',
      uses: { housing: 0.6, commerce: 0.3 },
    });
    expect(result.variant).toBeUndefined();
    expect(result.issues).toEqual([
      {
        code: 'custom',
        path: '$.massings[0].uses',
        message: 'the floor-area shares of the uses must add up to 1, but housing 0.6 + commerce 0.3 = 0.9',
      },
    ]);
  });

  it('refuses impossible storeys, unknown massings and taken ids', () => {
    expect(
      applyMassingEdit(variant, { kind: 'setStoreys', massingId: 'block-a', storeys: 0 }).issues[0],
    ).toMatchObject({
      path: '$.massings[0].storeys',
    });
    expect(
      applyMassingEdit(variant, { kind: 'setStoreys', massingId: 'block-a', storeys: 2.5 }).variant,
    ).toBeUndefined();
    expect(applyMassingEdit(variant, { kind: 'deleteMassing', massingId: 'nope' }).issues[0]?.code).toBe(
      'unknown_massing',
    );
    const duplicate = createRectangularMassing({
      id: 'park',
      centre: metricPosition(0, 0),
      lengthMeters: 10,
      widthMeters: 10,
    });
    expect(applyMassingEdit(variant, { kind: 'addMassing', massing: duplicate }).issues[0]?.code).toBe(
      'duplicate_id',
    );
    expect(
      applyMassingEdit(variant, {
        kind: 'resizeMassing',
        massingId: 'row-b',
        lengthFactor: 0,
        widthFactor: 1,
      }).issues[0]?.code,
    ).toBe('invalid_resize');
  });

  it('adds a rectangular massing and deletes one, freeing its hub', () => {
    const id = nextFreeElementId(variant);
    expect(id).toBe('massing-1');
    const added = edited({
      kind: 'addMassing',
      massing: createRectangularMassing({
        id,
        centre: metricPosition(50, 70),
        lengthMeters: 20,
        widthMeters: 12,
        rotationDegrees: 30,
      }),
    });
    expect(added.massings).toHaveLength(3);
    expect(computeMassingFigures(added.massings[2]!).footprintAreaSquareMeters).toBeCloseTo(240, 0);
    const deleted = edited({ kind: 'deleteMassing', massingId: 'row-b' });
    expect(deleted.massings.map((massing) => massing.id)).toEqual(['block-a']);
    expect(deleted.mobilityHubs[0]?.massingId).toBeUndefined();
    expect(variant.massings).toHaveLength(2);
  });
});

describe('edit history', () => {
  it('undoes and redoes edits, and a new edit clears the redo steps', () => {
    let history = createEditHistory(variant);
    expect(canUndo(history)).toBe(false);
    history = recordMassingEdit(history, { kind: 'setStoreys', massingId: 'block-a', storeys: 6 }).history;
    history = recordMassingEdit(history, { kind: 'deleteMassing', massingId: 'row-b' }).history;
    expect(history.present.massings).toHaveLength(1);

    history = undoMassingEdit(history);
    expect(history.present.massings.map((massing) => massing.storeys)).toEqual([6, 2]);
    history = undoMassingEdit(history);
    expect(history.present).toBe(variant);
    expect(undoMassingEdit(history)).toBe(history);
    expect(canRedo(history)).toBe(true);

    history = redoMassingEdit(history);
    expect(history.present.massings[0]?.storeys).toBe(6);
    history = recordMassingEdit(history, { kind: 'setStoreys', massingId: 'row-b', storeys: 3 }).history;
    expect(canRedo(history)).toBe(false);
  });

  it('leaves the history untouched when an edit is refused', () => {
    const history = createEditHistory(variant);
    const result = recordMassingEdit(history, { kind: 'setStoreys', massingId: 'block-a', storeys: -1 });
    expect(result.history).toBe(history);
    expect(result.issues).toHaveLength(1);
  });

  it('keeps at most `limit` undo steps', () => {
    let history = createEditHistory(variant, 2);
    for (const storeys of [3, 4, 5]) {
      history = recordMassingEdit(history, { kind: 'setStoreys', massingId: 'block-a', storeys }).history;
    }
    expect(history.past).toHaveLength(2);
    expect(history.past[0]?.massings[0]?.storeys).toBe(3);
  });
});
