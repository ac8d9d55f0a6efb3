import type { Viewer } from 'cesium';
import { useEffect } from 'react';
import type { TwinStore } from '../../store/createTwinStore';

/** Whether everything the first view needs has arrived: the globe's tiles and every imagery layer. */
function isViewComplete(viewer: Viewer): boolean {
  const layers = viewer.imageryLayers;
  if (layers.length === 0 || !viewer.scene.globe.tilesLoaded) return false;
  for (let index = 0; index < layers.length; index++) {
    if (!layers.get(index).ready) return false;
  }
  return true;
}

/**
 * Reports loading progress to the store: the number of pending tiles when it changes, and once, the moment
 * the first view is complete (after a rendered frame with nothing left to load).
 */
export function useLoadingSync(viewer: Viewer | undefined, store: TwinStore): void {
  useEffect(() => {
    if (!viewer) return;
    const globe = viewer.scene.globe;
    const removeProgress = globe.tileLoadProgressEvent.addEventListener((pendingTileCount: number) =>
      store.getState().reportPendingTiles(pendingTileCount),
    );
    let removePostRender: (() => void) | undefined = viewer.scene.postRender.addEventListener(() => {
      if (!isViewComplete(viewer)) return;
      store.getState().markFirstViewComplete();
      removePostRender?.();
      removePostRender = undefined;
    });
    return () => {
      removeProgress();
      removePostRender?.();
    };
  }, [viewer, store]);
}
