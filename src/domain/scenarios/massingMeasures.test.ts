import { describe, expect, it } from 'vitest';
import { createEditHistory, recordVariantReplacement, undoMassingEdit } from './editHistory';
import { applyMassingEdit, createRectangularMassing } from './massingEdits';
import { groundPointInView, measureMassingExtent, placeForNewMassing } from './massingMeasures';
import { isInsideSite } from './existingBuildings';
import type { ScenarioDocument, ScenarioVariant } from './scenarioSchema';

const CENTRE: [number, number] = [7.68, 51.93];

describe('measureMassingExtent', () => {
  it('reads back length, width and rotation of a rectangle, and follows a resize', () => {
    const massing = createRectangularMassing({
      id: 'box',
      centre: CENTRE,
      lengthMeters: 40,
      widthMeters: 12,
      rotationDegrees: 30,
    });
    const extent = measureMassingExtent(massing);
    expect(extent.lengthMeters).toBeCloseTo(40, 1);
    expect(extent.widthMeters).toBeCloseTo(12, 1);
    expect(extent.rotationDegrees).toBeCloseTo(30, 0);

    const variant = { id: 'v', massings: [massing] } as unknown as ScenarioVariant;
    const resized = applyMassingEdit(variant, {
      kind: 'resizeMassing',
      massingId: 'box',
      lengthFactor: 1.5,
      widthFactor: 1,
    }).variant!;
    expect(measureMassingExtent(resized.massings[0]!).lengthMeters).toBeCloseTo(60, 1);
  });
});

describe('placing a new massing', () => {
  const site = {
    site: {
      boundary: [
        [
          [7.67, 51.925],
          [7.69, 51.925],
          [7.69, 51.935],
          [7.67, 51.935],
          [7.67, 51.925],
        ],
      ],
    },
  } as unknown as ScenarioDocument;

  it('takes the ground point in the centre of the view when it lies inside the site', () => {
    // 500 m up, looking north at 45°: the view's centre lies 500 m north of the camera.
    const camera = {
      longitudeDegrees: 7.68,
      latitudeDegrees: 51.926,
      heightMeters: 500,
      headingDegrees: 0,
      pitchDegrees: -45,
    };
    const [longitude, latitude] = groundPointInView(camera)!;
    expect(longitude).toBeCloseTo(7.68, 6);
    expect((latitude - 51.926) * 111_320).toBeCloseTo(500, 0);
    expect(placeForNewMassing(site, camera)).toEqual([longitude, latitude]);
  });

  it('falls back to the site centre when the camera looks elsewhere or at the horizon', () => {
    const far = {
      longitudeDegrees: 7.6,
      latitudeDegrees: 51.96,
      heightMeters: 500,
      headingDegrees: 0,
      pitchDegrees: -45,
    };
    const place = placeForNewMassing(site, far);
    expect(isInsideSite(site, place[0], place[1])).toBe(true);
    expect(groundPointInView({ ...far, pitchDegrees: 0 })).toBeUndefined();
  });
});

describe('recordVariantReplacement', () => {
  it('replaces the whole variant as one undoable step', () => {
    const first = { id: 'a' } as unknown as ScenarioVariant;
    const second = { id: 'b' } as unknown as ScenarioVariant;
    const history = recordVariantReplacement(createEditHistory(first), second);
    expect(history.present).toBe(second);
    expect(undoMassingEdit(history).present).toBe(first);
    expect(recordVariantReplacement(history, second)).toBe(history);
  });
});
