import type { Viewer } from 'cesium';
import { useEffect } from 'react';
import type { MapCapturePort } from '../../store/mapCapture';

/**
 * Offers the view's pixels for the image export. The viewer keeps no drawing buffer (preserveDrawingBuffer is off,
 * which is faster), so the capture renders a frame and copies the canvas in the same task, before the browser
 * presents and clears it.
 */
export function useMapCaptureSource(viewer: Viewer | undefined, port: MapCapturePort): void {
  useEffect(() => {
    if (!viewer) return;
    return port.provide(() => {
      if (viewer.isDestroyed()) return undefined;
      // In request-render mode a frame is drawn only when asked for: ask, then draw it now.
      viewer.scene.requestRender();
      viewer.render();
      const source = viewer.scene.canvas;
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      copy.getContext('2d')?.drawImage(source, 0, 0);
      return { canvas: copy, pixelRatio: source.clientWidth > 0 ? source.width / source.clientWidth : 1 };
    });
  }, [viewer, port]);
}
