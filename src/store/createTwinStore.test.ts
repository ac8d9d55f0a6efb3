import { describe, expect, it } from 'vitest';
import type { ViewState } from '../domain/view/viewState';
import { createTwinStore } from './createTwinStore';

const initialView: ViewState = {
  camera: {
    longitudeDegrees: 7.6283,
    latitudeDegrees: 51.9544,
    heightMeters: 600,
    headingDegrees: 0,
    pitchDegrees: -35,
  },
  visibleLayerIds: ['buildings', 'places'],
  baseLayerId: 'natural-earth',
  language: 'de',
  buildingColorScheme: 'plain',
  selectedBuildingId: undefined,
  shadows: false,
  hiddenBuildingIds: [],
  selectedSensorId: undefined,
  sensorPhenomenon: undefined,
  scenarioId: undefined,
  variantId: undefined,
};

describe('twin store', () => {
  it('starts by jumping the camera to the initial view', () => {
    const store = createTwinStore(initialView);
    expect(store.getState().cameraRequest).toMatchObject({
      kind: 'pose',
      pose: initialView.camera,
      flightSeconds: 0,
    });
  });

  it('hides and shows a layer', () => {
    const store = createTwinStore(initialView);
    store.getState().setLayerVisible('places', false);
    expect(store.getState().view.visibleLayerIds).toEqual(['buildings']);
    store.getState().setLayerVisible('places', true);
    store.getState().setLayerVisible('places', true);
    expect(store.getState().view.visibleLayerIds).toEqual(['buildings', 'places']);
  });

  it('keeps the requested pose when the camera lands a hair away, so links stay stable', () => {
    const store = createTwinStore(initialView);
    const target = { ...initialView.camera, heightMeters: 900 };
    store.getState().requestCamera(target);
    store.getState().reportCamera({ ...target, longitudeDegrees: target.longitudeDegrees + 1e-7 });
    expect(store.getState().view.camera).toBe(target);
  });

  it('records where the user moved the camera', () => {
    const store = createTwinStore(initialView);
    const moved = { ...initialView.camera, longitudeDegrees: 7.6 };
    store.getState().reportCamera(moved);
    expect(store.getState().view.camera).toEqual(moved);
  });

  it('flies home to the overview scene camera, with a new request each time', () => {
    const store = createTwinStore(initialView);
    const first = store.getState().cameraRequest?.sequence ?? 0;
    store.getState().flyHome();
    store.getState().flyHome();
    expect(store.getState().cameraRequest?.sequence).toBe(first + 2);
    expect(store.getState().cameraRequest).toMatchObject({ kind: 'pose', pose: initialView.camera });
  });

  it('restoring a view jumps the camera and switches language and layers', () => {
    const store = createTwinStore(initialView);
    const restored: ViewState = {
      ...initialView,
      language: 'en',
      visibleLayerIds: [],
      camera: { ...initialView.camera, headingDegrees: 90 },
    };
    store.getState().restoreView(restored);
    expect(store.getState().view).toEqual(restored);
    expect(store.getState().cameraRequest).toMatchObject({
      kind: 'pose',
      pose: restored.camera,
      flightSeconds: 0,
    });
  });

  it('counts pending tiles and marks the first complete view once', () => {
    const store = createTwinStore(initialView);
    let changes = 0;
    store.subscribe(() => changes++);
    store.getState().reportPendingTiles(12);
    store.getState().reportPendingTiles(12);
    store.getState().markFirstViewComplete();
    store.getState().markFirstViewComplete();
    expect(changes).toBe(2);
    expect(store.getState().loading).toEqual({ pendingTileCount: 12, firstViewComplete: true });
  });

  it('selects a building with its attributes and clears both together', () => {
    const store = createTwinStore(initialView);
    store.getState().selectBuilding('DENW1', { functionCode: '31001_1010' });
    expect(store.getState().view.selectedBuildingId).toBe('DENW1');
    expect(store.getState().selectedBuildingProperties).toEqual({ functionCode: '31001_1010' });
    store.getState().selectBuilding(undefined, { functionCode: 'x' });
    expect(store.getState().selectedBuildingProperties).toBeUndefined();
  });

  it('forgets the attributes of a building the back button deselects', () => {
    const store = createTwinStore(initialView);
    store.getState().selectBuilding('DENW1', { functionCode: '31001_1010' });
    store.getState().restoreView({ ...store.getState().view, selectedBuildingId: 'DENW2' });
    expect(store.getState().selectedBuildingProperties).toBeUndefined();
  });

  it('hides buildings by hand, sorted so equal sets give equal links, and shows them again', () => {
    const store = createTwinStore(initialView);
    store.getState().selectBuilding('b', { functionCode: '31001_1010' });
    store.getState().hideBuilding('b');
    store.getState().hideBuilding('a');
    store.getState().hideBuilding('b');
    expect(store.getState().view.hiddenBuildingIds).toEqual(['a', 'b']);
    expect(store.getState().view.selectedBuildingId).toBeUndefined();
    expect(store.getState().selectedBuildingProperties).toBeUndefined();
    store.getState().showHiddenBuildings(['a']);
    expect(store.getState().view.hiddenBuildingIds).toEqual(['b']);
    store.getState().showHiddenBuildings();
    expect(store.getState().view.hiddenBuildingIds).toEqual([]);
  });

  it('collects measuring points only while measuring, and starts a height measurement over after two', () => {
    const store = createTwinStore(initialView);
    const point = { longitudeDegrees: 7.6, latitudeDegrees: 51.9, heightMeters: 50 };
    store.getState().addMeasurePoint(point);
    expect(store.getState().measurePoints).toEqual([]);
    store.getState().setMeasureMode('height');
    store.getState().addMeasurePoint(point);
    store.getState().addMeasurePoint({ ...point, heightMeters: 70 });
    store.getState().addMeasurePoint({ ...point, heightMeters: 60 });
    expect(store.getState().measurePoints).toEqual([{ ...point, heightMeters: 60 }]);
    store.getState().setMeasureMode(undefined);
    expect(store.getState().measurePoints).toEqual([]);
  });

  it('measures while the measuring panel is open, and selects again once it closes', () => {
    const store = createTwinStore(initialView);
    store.getState().togglePanel('measure');
    expect(store.getState().measureMode).toBe('distance');
    store.getState().addMeasurePoint({ longitudeDegrees: 7.6, latitudeDegrees: 51.9, heightMeters: 50 });
    store.getState().togglePanel('layers');
    expect(store.getState().measureMode).toBeUndefined();
    expect(store.getState().measurePoints).toEqual([]);
  });

  it('collects issues from config and scenes', () => {
    const store = createTwinStore(initialView);
    store.getState().addIssues([{ code: 'x', file: 'twin.config.json', path: '$.a', message: 'bad' }]);
    expect(store.getState().issues).toHaveLength(1);
  });
});
