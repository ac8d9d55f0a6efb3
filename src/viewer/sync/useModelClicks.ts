import {
  Cartesian2,
  Cartographic,
  Cesium3DTileFeature,
  Math as CesiumMath,
  ScreenSpaceEventType,
  type Viewer,
} from 'cesium';
import { useEffect } from 'react';
import type { TwinStore } from '../../store/createTwinStore';
import { readFeatureProperties } from '../adapters/featureProperties';
import { isHeatLossCellPickId } from '../layers/HeatLossLayer';
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
      if (isHeatLossCellPickId(pickedId)) {
        store.getState().selectHeatLossCell(pickedId.cellId);
        return;
      }
      // One thing selected at a time: a click on anything else closes a heat-loss cell's aggregate.
      store.getState().selectHeatLossCell(undefined);
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
