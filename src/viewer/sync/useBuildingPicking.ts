import { Cesium3DTileFeature, ScreenSpaceEventType, type Viewer } from 'cesium';
import { useEffect } from 'react';
import type { TwinStore } from '../../store/createTwinStore';
import { readFeatureProperties } from '../adapters/featureProperties';

/** A click on a building selects it (attributes into the store); a click anywhere else clears the selection. */
export function useBuildingPicking(viewer: Viewer | undefined, store: TwinStore): void {
  useEffect(() => {
    if (!viewer) return;
    const handler = viewer.screenSpaceEventHandler;
    handler.setInputAction((click: { position: { x: number; y: number } }) => {
      const picked: unknown = viewer.scene.pick(click.position as never);
      if (picked instanceof Cesium3DTileFeature) {
        const properties = readFeatureProperties(picked);
        store.getState().selectBuilding(String(properties.sourceId ?? ''), properties);
      } else {
        store.getState().selectBuilding(undefined);
      }
    }, ScreenSpaceEventType.LEFT_CLICK);
    return () => {
      if (!viewer.isDestroyed()) handler.removeInputAction(ScreenSpaceEventType.LEFT_CLICK);
    };
  }, [viewer, store]);
}
