import {
  Cartesian2,
  Cartographic,
  Cesium3DTileFeature,
  Math as CesiumMath,
  ScreenSpaceEventType,
  type Viewer,
} from 'cesium';
import { useEffect } from 'react';
import { heatLossCellAt } from '../../domain/thermography/heatLossOverlay';
import type { TwinStore } from '../../store/createTwinStore';
import { readFeatureProperties } from '../adapters/featureProperties';
import { isSensorPickId } from '../layers/SensorsLayer';
import { handleCorridorClick } from './corridorClicks';
import { handleWorkshopPinClick } from './workshopPinClicks';

/**
 * A click on a building or a sensor selects it (a building's attributes into the store); a click anywhere else
 * clears the selection.
 * While measuring, a click adds the picked point on the model (building or ground) instead.
 */
export function useModelClicks(viewer: Viewer | undefined, store: TwinStore): void {
  useEffect(() => {
    if (!viewer) return;
    const handler = viewer.screenSpaceEventHandler;
    handler.setInputAction((click: { position: Cartesian2 }) => {
      if (handleWorkshopPinClick(viewer, store, click.position)) return;
      if (handleCorridorClick(viewer, store, click.position)) return;
      if (store.getState().measureMode) {
        const position = viewer.scene.pickPosition(click.position);
        if (!position) return;
        const cartographic = Cartographic.fromCartesian(position);
        store.getState().addMeasurePoint({
          longitudeDegrees: CesiumMath.toDegrees(cartographic.longitude),
          latitudeDegrees: CesiumMath.toDegrees(cartographic.latitude),
          heightMeters: cartographic.height,
        });
        return;
      }
      const picked: unknown = viewer.scene.pick(click.position);
      const pickedId = (picked as { id?: unknown } | undefined)?.id;
      // One thing selected at a time: a click on anything else closes a heat-loss cell's aggregate.
      store.getState().selectHeatLossCell(undefined);
      if (picked === undefined && selectHeatLossCellAt(viewer, store, click.position)) return;
      if (isSensorPickId(pickedId)) {
        store.getState().selectSensor(pickedId.sensorId);
      } else if (picked instanceof Cesium3DTileFeature) {
        const properties = readFeatureProperties(picked);
        store.getState().selectBuilding(String(properties.sourceId ?? ''), properties);
      } else {
        store.getState().selectBuilding(undefined);
        store.getState().selectSensor(undefined);
      }
    }, ScreenSpaceEventType.LEFT_CLICK);
    return () => {
      if (!viewer.isDestroyed()) handler.removeInputAction(ScreenSpaceEventType.LEFT_CLICK);
    };
  }, [viewer, store]);
}

/** With the heat-loss map shown, a click on the ground selects the cell there (the map is an image, not a model). */
function selectHeatLossCellAt(viewer: Viewer, store: TwinStore, position: Cartesian2): boolean {
  const state = store.getState();
  if (!state.view.visibleLayerIds.includes('heat-loss') || state.heatLossOverlay.state !== 'ready')
    return false;
  const ray = viewer.camera.getPickRay(position);
  const ground = ray && viewer.scene.globe.pick(ray, viewer.scene);
  if (!ground) return false;
  const cartographic = Cartographic.fromCartesian(ground);
  const cell = heatLossCellAt(
    state.heatLossOverlay.cells,
    CesiumMath.toDegrees(cartographic.longitude),
    CesiumMath.toDegrees(cartographic.latitude),
  );
  if (!cell) return false;
  state.selectHeatLossCell(cell.id);
  state.selectBuilding(undefined);
  state.selectSensor(undefined);
  return true;
}
