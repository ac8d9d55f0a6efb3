import {
  BoundingSphere,
  Cartesian2,
  HeadingPitchRange,
  Math as CesiumMath,
  type Cartesian3,
  type Viewer,
} from 'cesium';
import { useEffect } from 'react';
import type { CameraRequest, TwinStore } from '../../store/createTwinStore';
import { readCameraPose, toCameraView } from '../adapters/cameraPoseAdapter';

/** The point on the ground in the centre of the view, or undefined when the view centre shows sky. */
function pickViewCentre(viewer: Viewer): Cartesian3 | undefined {
  const canvas = viewer.scene.canvas;
  return viewer.camera.pickEllipsoid(new Cartesian2(canvas.clientWidth / 2, canvas.clientHeight / 2));
}

function carryOut(viewer: Viewer, request: CameraRequest, onDone: () => void): void {
  const camera = viewer.camera;
  if (request.kind === 'pose') {
    if (request.flightSeconds === 0) {
      camera.setView(toCameraView(request.pose));
      onDone();
    } else {
      camera.flyTo({ ...toCameraView(request.pose), duration: request.flightSeconds, complete: onDone });
    }
    return;
  }
  const centre = pickViewCentre(viewer);
  if (!centre) {
    if (request.kind === 'zoom')
      camera.moveBackward(camera.positionCartographic.height * (request.factor - 1));
    onDone();
    return;
  }
  const range = camera.distanceToBoundingSphere(new BoundingSphere(centre, 0));
  const heading = request.kind === 'face-north' ? 0 : camera.heading;
  const newRange = request.kind === 'zoom' ? Math.max(20, range * request.factor) : range;
  camera.flyToBoundingSphere(new BoundingSphere(centre, 0), {
    offset: new HeadingPitchRange(heading, Math.min(camera.pitch, -CesiumMath.toRadians(5)), newRange),
    duration: 0.6,
    complete: onDone,
  });
}

/**
 * Keeps Cesium's camera and the store in step: carries out camera requests from the store, and reports
 * where the camera comes to rest (only then, never per frame) so the URL can follow.
 */
export function useCameraSync(viewer: Viewer | undefined, store: TwinStore): void {
  useEffect(() => {
    if (!viewer) return;
    const report = () => {
      if (!viewer.isDestroyed()) store.getState().reportCamera(readCameraPose(viewer.camera));
    };
    const removeMoveEnd = viewer.camera.moveEnd.addEventListener(report);
    let lastSequence = 0;
    const apply = (request: CameraRequest | undefined) => {
      if (!request || request.sequence === lastSequence) return;
      lastSequence = request.sequence;
      carryOut(viewer, request, report);
    };
    apply(store.getState().cameraRequest);
    const unsubscribe = store.subscribe((state) => apply(state.cameraRequest));
    return () => {
      unsubscribe();
      removeMoveEnd();
    };
  }, [viewer, store]);
}
