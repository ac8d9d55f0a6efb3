import {
  Cartesian3,
  ClassificationType,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  GroundPrimitive,
  PerInstanceColorAppearance,
  PolygonGeometry,
} from 'cesium';
import { useEffect, useState } from 'react';
import { useCesium } from 'resium';
import {
  displayedHeatLossClass,
  heatLossColourComponents,
  type HeatLossCell,
  type HeatLossLegend,
} from '../../domain/thermography/heatLossOverlay';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';

/** What a pick on the overlay returns as `id`: the cell, never a building. */
export interface HeatLossCellPickId {
  kind: 'heat-loss-cell';
  cellId: string;
}

export function isHeatLossCellPickId(value: unknown): value is HeatLossCellPickId {
  return (value as HeatLossCellPickId | undefined)?.kind === 'heat-loss-cell';
}

/** Translucent enough to read streets and roofs through; the selected cell stands out by being nearly opaque. */
const CELL_ALPHA = 0.6;
const SELECTED_CELL_ALPHA = 0.9;

function cellColour(cell: HeatLossCell, legend: HeatLossLegend, alpha: number): Color {
  const { red, green, blue } = heatLossColourComponents(legend.colours[displayedHeatLossClass(cell)], alpha);
  return new Color(red, green, blue, alpha);
}

/**
 * All cells as one batched ground primitive (not one entity per cell), coloured by each cell's average class and
 * draped on the ground only: the buildings keep their own roofs, so the city stays legible, a click on a roof still
 * selects the building, and no classification pass over the 3D tiles costs frames in software WebGL.
 */
function createCellPrimitive(cells: readonly HeatLossCell[], legend: HeatLossLegend): GroundPrimitive {
  const instances = cells.map((cell) => {
    // The ring repeats its first corner at the end; Cesium closes polygons itself.
    const corners = cell.outlineDegrees
      .slice(0, -1)
      .flatMap(([longitude, latitude]) => [longitude, latitude]);
    const pickId: HeatLossCellPickId = { kind: 'heat-loss-cell', cellId: cell.id };
    return new GeometryInstance({
      id: pickId,
      geometry: PolygonGeometry.fromPositions({
        positions: Cartesian3.fromDegreesArray(corners),
        vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
      }),
      attributes: { color: ColorGeometryInstanceAttribute.fromColor(cellColour(cell, legend, CELL_ALPHA)) },
    });
  });
  return new GroundPrimitive({
    geometryInstances: instances,
    appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
    classificationType: ClassificationType.TERRAIN,
    asynchronous: true,
  });
}

/** Sets one cell's colour (its pick id is looked up by value: Cesium keys instances by the id object). */
function paintCell(
  primitive: GroundPrimitive,
  pickIds: ReadonlyMap<string, HeatLossCellPickId>,
  cell: HeatLossCell | undefined,
  legend: HeatLossLegend,
  alpha: number,
): void {
  const pickId = cell && pickIds.get(cell.id);
  if (!cell || !pickId || !primitive.ready) return;
  const attributes = primitive.getGeometryInstanceAttributes(pickId) as { color?: Uint8Array } | undefined;
  if (attributes) attributes.color = ColorGeometryInstanceAttribute.toValue(cellColour(cell, legend, alpha));
}

/** Shows or hides the cells without rebuilding them (switching the layer back on is instant). */
function setPrimitiveShown(primitive: GroundPrimitive, shown: boolean): void {
  primitive.show = shown;
}

function pickIdsOf(primitive: GroundPrimitive): Map<string, HeatLossCellPickId> {
  const instances = primitive.geometryInstances as GeometryInstance[];
  return new Map(
    instances.map((instance) => [
      (instance.id as HeatLossCellPickId).cellId,
      instance.id as HeatLossCellPickId,
    ]),
  );
}

interface DrawnOverlay {
  primitive: GroundPrimitive;
  pickIds: Map<string, HeatLossCellPickId>;
  cells: readonly HeatLossCell[];
  legend: HeatLossLegend;
}

/** The public heat-loss map: aggregated 100 m cells on the ground; a click on a cell selects it (see useModelClicks). */
export function HeatLossLayer() {
  const { scene } = useCesium();
  const store = useTwinStoreApi();
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('heat-loss'));
  const overlay = useTwinStore((state) => state.heatLossOverlay);
  const selectedCellId = useTwinStore((state) => state.selectedHeatLossCellId);
  // Set once the primitive is built; the cells' colours can be changed only from then on.
  const [drawn, setDrawn] = useState<DrawnOverlay | undefined>(undefined);

  useEffect(() => {
    if (!scene || overlay.state !== 'ready') return;
    const primitive = createCellPrimitive(overlay.cells, overlay.legend);
    const pickIds = pickIdsOf(primitive);
    setPrimitiveShown(primitive, store.getState().view.visibleLayerIds.includes('heat-loss'));
    scene.primitives.add(primitive);
    // Built asynchronously: keep frames coming (the scene renders only on change) until it is ready, then tell.
    let removeReadyCheck: (() => void) | undefined = scene.postRender.addEventListener(() => {
      if (!primitive.ready) {
        scene.requestRender();
        return;
      }
      removeReadyCheck?.();
      removeReadyCheck = undefined;
      setDrawn({ primitive, pickIds, cells: overlay.cells, legend: overlay.legend });
      store.getState().reportHeatLossDrawn(overlay.cells.length);
    });
    scene.requestRender();
    return () => {
      removeReadyCheck?.();
      setDrawn(undefined);
      store.getState().reportHeatLossDrawn(undefined);
      if (!scene.isDestroyed()) scene.primitives.remove(primitive);
    };
  }, [scene, overlay, store]);

  useEffect(() => {
    if (!drawn || !scene) return;
    setPrimitiveShown(drawn.primitive, visible);
    scene.requestRender();
  }, [scene, drawn, visible]);

  useEffect(() => {
    if (!scene || !drawn || selectedCellId === undefined) return;
    // The selected cell nearly opaque; back to translucent when another one (or none) is selected.
    const cell = drawn.cells.find((candidate) => candidate.id === selectedCellId);
    paintCell(drawn.primitive, drawn.pickIds, cell, drawn.legend, SELECTED_CELL_ALPHA);
    scene.requestRender();
    return () => {
      if (scene.isDestroyed() || drawn.primitive.isDestroyed()) return;
      paintCell(drawn.primitive, drawn.pickIds, cell, drawn.legend, CELL_ALPHA);
      scene.requestRender();
    };
  }, [scene, drawn, selectedCellId]);
  return null;
}
