import { ImageryLayer, Rectangle, SingleTileImageryProvider, type Scene } from 'cesium';
import { useEffect, useRef } from 'react';
import { useCesium } from 'resium';
import {
  displayedHeatLossClass,
  heatLossImageFrame,
  heatLossImagePixel,
  type HeatLossCell,
  type HeatLossImageFrame,
  type HeatLossLegend,
} from '../../domain/thermography/heatLossOverlay';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';

/** Translucent enough to read streets through; the selected cell gets an outline of its own. */
const OVERLAY_ALPHA = 0.6;

/** The cells drawn into one canvas: fill in the colour of their average class, a faint line between cells. */
function drawCells(
  cells: readonly HeatLossCell[],
  legend: HeatLossLegend,
  frame: HeatLossImageFrame,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = frame.width;
  canvas.height = frame.height;
  const context = canvas.getContext('2d')!;
  context.lineWidth = 1;
  context.strokeStyle = 'rgba(40, 40, 40, 0.35)';
  for (const cell of cells) {
    context.beginPath();
    cell.outlineDegrees.forEach(([longitude, latitude], index) => {
      const [x, y] = heatLossImagePixel(frame, longitude, latitude);
      if (index === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    });
    context.closePath();
    context.fillStyle = legend.colours[displayedHeatLossClass(cell)];
    context.fill();
    context.stroke();
  }
  return canvas;
}

/** One cell's outline, in an image just around it. */
function drawSelection(cell: HeatLossCell): { canvas: HTMLCanvasElement; frame: HeatLossImageFrame } {
  const frame = heatLossImageFrame([cell], 0.5, 512)!;
  const margin = 0.04;
  const widthDegrees = frame.east - frame.west;
  const heightDegrees = frame.north - frame.south;
  const padded: HeatLossImageFrame = {
    west: frame.west - widthDegrees * margin,
    east: frame.east + widthDegrees * margin,
    south: frame.south - heightDegrees * margin,
    north: frame.north + heightDegrees * margin,
    width: Math.round(frame.width * (1 + 2 * margin)),
    height: Math.round(frame.height * (1 + 2 * margin)),
  };
  const canvas = document.createElement('canvas');
  canvas.width = padded.width;
  canvas.height = padded.height;
  const context = canvas.getContext('2d')!;
  context.beginPath();
  cell.outlineDegrees.forEach(([longitude, latitude], index) => {
    const [x, y] = heatLossImagePixel(padded, longitude, latitude);
    if (index === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  });
  context.closePath();
  // Dark and light line together: visible on every class colour and on the base map.
  context.lineJoin = 'round';
  context.strokeStyle = '#111111';
  context.lineWidth = 10;
  context.stroke();
  context.strokeStyle = '#ffffff';
  context.lineWidth = 4;
  context.stroke();
  return { canvas, frame: padded };
}

function imageryLayerOf(canvas: HTMLCanvasElement, frame: HeatLossImageFrame, alpha: number): ImageryLayer {
  const provider = new SingleTileImageryProvider({
    url: canvas.toDataURL('image/png'),
    rectangle: Rectangle.fromDegrees(frame.west, frame.south, frame.east, frame.north),
    tileWidth: canvas.width,
    tileHeight: canvas.height,
  });
  return new ImageryLayer(provider, { alpha });
}

/** Calls `done` once the globe has finished loading after the layer was added (its image is then on screen). */
function whenGlobeLoaded(scene: Scene, done: () => void): () => void {
  let remove: (() => void) | undefined = scene.postRender.addEventListener(() => {
    if (!scene.globe.tilesLoaded) {
      scene.requestRender();
      return;
    }
    remove?.();
    remove = undefined;
    done();
  });
  scene.requestRender();
  return () => remove?.();
}

/**
 * The public heat-loss map: the aggregated 100 m cells drawn once into an image and draped on the ground as an
 * imagery layer, coloured by each cell's average class. An imagery layer costs nothing per frame beyond the globe's
 * own texturing and follows any terrain a user configures; 1,200 cells as a ground primitive (shadow volumes)
 * made the first view of the city three to four times slower in software WebGL. Buildings keep their own roofs,
 * so a click on a roof still selects the building; a click on the ground selects the cell there (useModelClicks).
 */
export function HeatLossLayer() {
  const { scene } = useCesium();
  const store = useTwinStoreApi();
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('heat-loss'));
  const overlay = useTwinStore((state) => state.heatLossOverlay);
  const selectedCellId = useTwinStore((state) => state.selectedHeatLossCellId);
  // The drawn layer, shown and hidden without redrawing (switching the layer back on is instant).
  const layerRef = useRef<ImageryLayer | undefined>(undefined);

  useEffect(() => {
    if (!scene || overlay.state !== 'ready') return;
    const frame = heatLossImageFrame(overlay.cells);
    if (!frame) {
      store.getState().reportHeatLossDrawn(0);
      return () => store.getState().reportHeatLossDrawn(undefined);
    }
    const added = imageryLayerOf(drawCells(overlay.cells, overlay.legend, frame), frame, OVERLAY_ALPHA);
    added.show = store.getState().view.visibleLayerIds.includes('heat-loss');
    scene.imageryLayers.add(added);
    layerRef.current = added;
    const stopWaiting = whenGlobeLoaded(scene, () =>
      store.getState().reportHeatLossDrawn(overlay.cells.length),
    );
    return () => {
      stopWaiting();
      layerRef.current = undefined;
      store.getState().reportHeatLossDrawn(undefined);
      if (!scene.isDestroyed()) scene.imageryLayers.remove(added, true);
    };
  }, [scene, overlay, store]);

  useEffect(() => {
    if (!layerRef.current || !scene) return;
    layerRef.current.show = visible;
    scene.requestRender();
  }, [scene, visible]);

  useEffect(() => {
    if (!scene || !visible || overlay.state !== 'ready' || selectedCellId === undefined) return;
    const cell = overlay.cells.find((candidate) => candidate.id === selectedCellId);
    if (!cell) return;
    const { canvas, frame } = drawSelection(cell);
    const outline = imageryLayerOf(canvas, frame, 1);
    scene.imageryLayers.add(outline);
    scene.requestRender();
    return () => {
      if (scene.isDestroyed()) return;
      scene.imageryLayers.remove(outline, true);
      scene.requestRender();
    };
  }, [scene, visible, overlay, selectedCellId]);
  return null;
}
