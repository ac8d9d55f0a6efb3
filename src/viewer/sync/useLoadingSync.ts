import { Cesium3DTileset, type Viewer } from 'cesium';
import { useEffect } from 'react';
import type { TwinStore } from '../../store/createTwinStore';

function visibleTilesets(viewer: Viewer): Cesium3DTileset[] {
  const tilesets: Cesium3DTileset[] = [];
  const primitives = viewer.scene.primitives;
  for (let index = 0; index < primitives.length; index++) {
    const primitive: unknown = primitives.get(index);
    if (primitive instanceof Cesium3DTileset && primitive.show) tilesets.push(primitive);
  }
  return tilesets;
}

/** Whether everything the first view needs has arrived: globe tiles, every imagery layer, every visible tileset. */
function isViewComplete(viewer: Viewer, store: TwinStore): boolean {
  if (store.getState().buildingsStatus.state === 'loading') return false;
  const layers = viewer.imageryLayers;
  if (layers.length === 0 || !viewer.scene.globe.tilesLoaded) return false;
  for (let index = 0; index < layers.length; index++) {
    if (!layers.get(index).ready) return false;
  }
  return visibleTilesets(viewer).every((tileset) => tileset.tilesLoaded);
}

/**
 * Reports loading progress to the store: the number of pending tiles (globe and tilesets) when it changes, and
 * once, the moment the first view is complete (after a rendered frame with nothing left to load).
 */
export function useLoadingSync(viewer: Viewer | undefined, store: TwinStore): void {
  useEffect(() => {
    if (!viewer) return;
    let pendingGlobeTiles = 0;
    const removeGlobeProgress = viewer.scene.globe.tileLoadProgressEvent.addEventListener(
      (queued: number) => {
        pendingGlobeTiles = queued;
      },
    );
    const pendingTilesPerTileset = new Map<Cesium3DTileset, number>();
    const removeTilesetListeners: (() => void)[] = [];
    let removePostRender: (() => void) | undefined = viewer.scene.postRender.addEventListener(() => {
      for (const tileset of visibleTilesets(viewer)) {
        if (pendingTilesPerTileset.has(tileset)) continue;
        pendingTilesPerTileset.set(tileset, 0);
        removeTilesetListeners.push(
          tileset.loadProgress.addEventListener((pendingRequests: number, tilesProcessing: number) => {
            pendingTilesPerTileset.set(tileset, pendingRequests + tilesProcessing);
          }),
        );
      }
      let pendingTilesetTiles = 0;
      for (const count of pendingTilesPerTileset.values()) pendingTilesetTiles += count;
      store.getState().reportPendingTiles(pendingGlobeTiles + pendingTilesetTiles);
      if (!isViewComplete(viewer, store)) {
        // requestRenderMode renders only on change: keep frames coming until the first view is complete.
        viewer.scene.requestRender();
        return;
      }
      store.getState().markFirstViewComplete();
      removePostRender?.();
      removePostRender = undefined;
    });
    return () => {
      removeGlobeProgress();
      removeTilesetListeners.forEach((remove) => remove());
      removePostRender?.();
    };
  }, [viewer, store]);
}
