import { createContext, useContext } from 'react';

/** A copy of the 3D view's pixels and how many of them make one CSS pixel. */
export interface CapturedMap {
  canvas: HTMLCanvasElement;
  pixelRatio: number;
}

/** Draws the 3D view right now and returns a copy of its pixels, or undefined when there is no view. */
export type CaptureMap = () => CapturedMap | undefined;

/**
 * The meeting point of the 3D view (src/viewer provides the capture) and the UI that exports an image of it (src/ui
 * asks for it): neither may import the other, and engine objects stay out of the store's state.
 */
export interface MapCapturePort {
  /** The viewer offers its capture; returns the disposer that withdraws it. */
  provide(capture: CaptureMap): () => void;
  capture(): CapturedMap | undefined;
}

export function createMapCapturePort(): MapCapturePort {
  let current: CaptureMap | undefined;
  return {
    provide(capture) {
      current = capture;
      return () => {
        if (current === capture) current = undefined;
      };
    },
    capture: () => current?.(),
  };
}

/** One port for the app's single 3D view; a test may provide its own. */
export const MapCaptureContext = createContext<MapCapturePort>(createMapCapturePort());

export function useMapCapturePort(): MapCapturePort {
  return useContext(MapCaptureContext);
}
