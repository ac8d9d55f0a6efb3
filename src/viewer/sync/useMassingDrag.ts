import {
  Cartographic,
  Entity,
  Math as CesiumMath,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  type Cartesian2,
  type Viewer,
} from 'cesium';
import { useEffect } from 'react';
import { projectPosition } from '../../domain/scenarios/scenarioPlanarGeometry';
import type { PlanarPoint } from '../../domain/scenarios/scenarioPlanarGeometry';
import type { TwinStore } from '../../store/createTwinStore';
import { activeEdit } from '../../store/scenarioEditing';
import { MASSING_ENTITY_PREFIX } from '../layers/ScenarioLayer';

/** The ground point (ellipsoid height 0) under a screen position, on the plane the edits move massings in. */
function groundPoint(viewer: Viewer, position: Cartesian2): PlanarPoint | undefined {
  const cartesian = viewer.camera.pickEllipsoid(position, viewer.scene.globe.ellipsoid);
  if (!cartesian) return undefined;
  const cartographic = Cartographic.fromCartesian(cartesian);
  return projectPosition([
    CesiumMath.toDegrees(cartographic.longitude),
    CesiumMath.toDegrees(cartographic.latitude),
  ]);
}

/** The massing id of what lies under a screen position, if it is a massing of the open quarter. */
function pickedMassingId(viewer: Viewer, position: Cartesian2): string | undefined {
  const picked: unknown = viewer.scene.pick(position);
  const entity = (picked as { id?: unknown } | undefined)?.id;
  if (!(entity instanceof Entity) || !entity.id.startsWith(MASSING_ENTITY_PREFIX)) return undefined;
  return entity.id.slice(MASSING_ENTITY_PREFIX.length);
}

/**
 * While the open variant is edited: pressing on a massing (mouse or finger) selects it, and dragging moves it
 * across the ground; the camera holds still meanwhile, and the drag becomes one undo step when released.
 */
export function useMassingDrag(viewer: Viewer | undefined, store: TwinStore): void {
  useEffect(() => {
    if (!viewer) return;
    const handler = new ScreenSpaceEventHandler(viewer.scene.canvas);
    const controller = viewer.scene.screenSpaceCameraController;
    let start: PlanarPoint | undefined;
    const release = () => {
      if (!start) return;
      start = undefined;
      controller.enableInputs = true;
      store.getState().endMassingDrag();
    };
    handler.setInputAction((event: { position: Cartesian2 }) => {
      if (!activeEdit(store.getState())) return;
      const massingId = pickedMassingId(viewer, event.position);
      const ground = massingId && groundPoint(viewer, event.position);
      if (!massingId || !ground) return;
      start = ground;
      controller.enableInputs = false;
      store.getState().beginMassingDrag(massingId);
    }, ScreenSpaceEventType.LEFT_DOWN);
    handler.setInputAction((event: { endPosition: Cartesian2 }) => {
      if (!start) return;
      const ground = groundPoint(viewer, event.endPosition);
      if (!ground) return;
      store.getState().dragMassing(ground[0] - start[0], ground[1] - start[1]);
      viewer.scene.requestRender();
    }, ScreenSpaceEventType.MOUSE_MOVE);
    handler.setInputAction(release, ScreenSpaceEventType.LEFT_UP);
    return () => {
      release();
      if (!handler.isDestroyed()) handler.destroy();
    };
  }, [viewer, store]);
}
