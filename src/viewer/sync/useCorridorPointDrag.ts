import { ScreenSpaceEventHandler, ScreenSpaceEventType, type Cartesian2, type Viewer } from 'cesium';
import { useEffect } from 'react';
import type { TwinStore } from '../../store/createTwinStore';
import { readCorridorPick } from '../adapters/corridorPickIds';
import { groundLonLatAt } from './corridorClicks';

/**
 * Drags a point of the selected corridor: press on its handle, move, release. The camera holds still meanwhile;
 * every move is an edit, so the checks rerun while dragging. Returns nothing; removes its handler on unmount.
 */
export function useCorridorPointDrag(viewer: Viewer | undefined, store: TwinStore): void {
  useEffect(() => {
    if (!viewer) return;
    const handler = new ScreenSpaceEventHandler(viewer.scene.canvas);
    const controller = viewer.scene.screenSpaceCameraController;
    let dragged: { corridorId: string; index: number } | undefined;
    handler.setInputAction((event: { position: Cartesian2 }) => {
      const corridorId = store.getState().view.corridorId;
      if (!corridorId || !store.getState().view.visibleLayerIds.includes('corridors')) return;
      const pick = readCorridorPick(viewer.scene.pick(event.position));
      if (pick?.kind !== 'point') return;
      dragged = { corridorId, index: pick.index };
      store.getState().selectCorridorPoint(pick.index);
      controller.enableInputs = false;
    }, ScreenSpaceEventType.LEFT_DOWN);
    handler.setInputAction((event: { endPosition: Cartesian2 }) => {
      if (!dragged) return;
      const point = groundLonLatAt(viewer, event.endPosition);
      if (point)
        store.getState().editCorridor(dragged.corridorId, { kind: 'movePoint', index: dragged.index, point });
    }, ScreenSpaceEventType.MOUSE_MOVE);
    handler.setInputAction(() => {
      dragged = undefined;
      controller.enableInputs = true;
    }, ScreenSpaceEventType.LEFT_UP);
    return () => {
      handler.destroy();
      if (!viewer.isDestroyed()) controller.enableInputs = true;
    };
  }, [viewer, store]);
}
