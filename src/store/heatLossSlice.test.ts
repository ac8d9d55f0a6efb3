import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAT_LOSS_LEGEND, type HeatLossCell } from '../domain/thermography/heatLossOverlay';
import { createTwinStore } from './createTwinStore';
import { selectedHeatLossCell } from './heatLossSlice';
import { testStartView } from './storeTestSupport';

const CELL: HeatLossCell = {
  id: '400800_5758100',
  buildings: 23,
  classSharesPercent: [48, 9, 17, 13, 13],
  dominantClass: 1,
  outlineDegrees: [],
};

describe('heat-loss cells in the store', () => {
  it('selecting a cell shows its aggregate and closes a selected building, one thing at a time', () => {
    const store = createTwinStore(testStartView('?layers=buildings,heat-loss&building=DENW-1'));
    store.getState().setHeatLossOverlay({ state: 'ready', cells: [CELL], legend: DEFAULT_HEAT_LOSS_LEGEND });
    store.getState().selectHeatLossCell(CELL.id);
    expect(selectedHeatLossCell(store.getState())).toEqual(CELL);
    expect(store.getState().view.selectedBuildingId).toBeUndefined();
    store.getState().selectHeatLossCell(undefined);
    expect(selectedHeatLossCell(store.getState())).toBeUndefined();
  });

  it('a cell id the loaded overlay does not hold selects nothing', () => {
    const store = createTwinStore(testStartView('?layers=heat-loss'));
    store.getState().selectHeatLossCell(CELL.id);
    expect(selectedHeatLossCell(store.getState())).toBeUndefined();
  });
});
