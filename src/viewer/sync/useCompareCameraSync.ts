import { Cartesian3, type Viewer } from 'cesium';
import { useEffect } from 'react';

/** Whether two cameras stand at the same place looking the same way (centimetres, nano-radians). */
function sameCamera(from: Viewer, to: Viewer): boolean {
  const a = from.camera;
  const b = to.camera;
  return (
    Cartesian3.equalsEpsilon(a.positionWC, b.positionWC, 0, 0.01) &&
    Cartesian3.equalsEpsilon(a.directionWC, b.directionWC, 1e-9) &&
    Cartesian3.equalsEpsilon(a.upWC, b.upWC, 1e-9)
  );
}

function copyCamera(from: Viewer, to: Viewer): void {
  if (from.isDestroyed() || to.isDestroyed() || sameCamera(from, to)) return;
  to.camera.setView({
    destination: Cartesian3.clone(from.camera.positionWC),
    orientation: {
      direction: Cartesian3.clone(from.camera.directionWC),
      up: Cartesian3.clone(from.camera.upWC),
    },
  });
  to.scene.requestRender();
}

/**
 * Keeps the cameras of the split view together, both ways: after each frame one viewer renders, the other takes
 * its pose if it differs. Once equal, nothing is copied, so the two never chase each other.
 */
export function useCompareCameraSync(main: Viewer | undefined, compare: Viewer | undefined): void {
  useEffect(() => {
    if (!main || !compare) return;
    copyCamera(main, compare);
    // The main view has just become half as wide: let it re-measure its canvas.
    main.scene.requestRender();
    const removeMain = main.scene.postRender.addEventListener(() => copyCamera(main, compare));
    const removeCompare = compare.scene.postRender.addEventListener(() => copyCamera(compare, main));
    return () => {
      removeMain();
      removeCompare();
      if (!main.isDestroyed()) main.scene.requestRender();
    };
  }, [main, compare]);
}
