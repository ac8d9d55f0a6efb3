import type { HeatLossCell, HeatLossLegend } from '../domain/thermography/heatLossOverlay';
import type { ViewState } from '../domain/view/viewState';

/** The public heat-loss overlay as loaded: nothing yet, on its way, its cells and legend, or why it failed. */
export type HeatLossOverlayStatus =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; cells: readonly HeatLossCell[]; legend: HeatLossLegend }
  | { state: 'missing' | 'failed'; message: string };

/** The public thermography map (aggregated cells only; the homeowner's own data never enters this slice). */
export interface HeatLossState {
  heatLossOverlay: HeatLossOverlayStatus;
  /** Cells the viewer has drawn (reported once its primitive is ready); undefined while nothing is drawn. */
  heatLossDrawnCellCount: number | undefined;
  /** The cell whose aggregate is shown (a cell id), if any. */
  selectedHeatLossCellId: string | undefined;
}

export interface HeatLossActions {
  setHeatLossOverlay(status: HeatLossOverlayStatus): void;
  reportHeatLossDrawn(cellCount: number | undefined): void;
  /** Selects a cell (undefined clears); a selected building or sensor is deselected, one thing at a time. */
  selectHeatLossCell(cellId: string | undefined): void;
}

type SetState = (
  partial: (state: HeatLossState & { view: ViewState }) => Partial<HeatLossState & { view: ViewState }>,
) => void;

export const INITIAL_HEAT_LOSS_STATE: HeatLossState = {
  heatLossOverlay: { state: 'idle' },
  heatLossDrawnCellCount: undefined,
  selectedHeatLossCellId: undefined,
};

export function createHeatLossActions(set: SetState): HeatLossActions {
  return {
    setHeatLossOverlay(heatLossOverlay) {
      set(() => ({ heatLossOverlay }));
    },
    reportHeatLossDrawn(heatLossDrawnCellCount) {
      set(() => ({ heatLossDrawnCellCount }));
    },
    selectHeatLossCell(selectedHeatLossCellId) {
      set((state) => ({
        selectedHeatLossCellId,
        view:
          selectedHeatLossCellId === undefined
            ? state.view
            : { ...state.view, selectedBuildingId: undefined, selectedSensorId: undefined },
      }));
    },
  };
}

/** The selected cell, if the overlay is loaded and holds it. */
export function selectedHeatLossCell(state: HeatLossState): HeatLossCell | undefined {
  const overlay = state.heatLossOverlay;
  if (overlay.state !== 'ready' || state.selectedHeatLossCellId === undefined) return undefined;
  return overlay.cells.find((cell) => cell.id === state.selectedHeatLossCellId);
}
