import { Cartographic, Math as CesiumMath, type Cartesian2, type Viewer } from 'cesium';
import type { TwinStore } from '../../store/createTwinStore';

/**
 * While a participant pins a comment, a click on the model (a building, or the ground) places the pin there.
 * Returns whether the click was taken.
 */
export function handleWorkshopPinClick(viewer: Viewer, store: TwinStore, position: Cartesian2): boolean {
  if (!store.getState().workshopPinning) return false;
  const scene = viewer.scene;
  const picked = scene.pickPositionSupported ? scene.pickPosition(position) : undefined;
  const point = picked ?? viewer.camera.pickEllipsoid(position, scene.globe.ellipsoid);
  if (!point) return true;
  const cartographic = Cartographic.fromCartesian(point);
  store.getState().pinWorkshopDraft({
    longitudeDegrees: CesiumMath.toDegrees(cartographic.longitude),
    latitudeDegrees: CesiumMath.toDegrees(cartographic.latitude),
    heightMeters: Math.max(-500, Math.min(10_000, cartographic.height)),
  });
  return true;
}
