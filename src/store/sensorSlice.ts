import type { SourceStatus } from '../domain/sensors/hubProtocol';
import type { PhenomenonId } from '../domain/sensors/phenomena';
import type { SensorDescription } from '../domain/sensors/sensorModel';
import type { ViewState } from '../domain/view/viewState';

/**
 * How the browser's link to the sensor hub is doing: `connecting` before the first snapshot, `live` while the
 * WebSocket is open, `reconnecting` after it dropped (or while an upstream source of the hub is down),
 * `unavailable` when this server runs without a hub.
 */
export type SensorFeedState = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

/** The sensors' slow state: the catalogue, the feed's health, the time slider. Live values stay out of React. */
export interface SensorState {
  sensorCatalogue: readonly SensorDescription[];
  sensorFeed: { state: SensorFeedState; sources: readonly SourceStatus[] };
  /** The moment the time slider shows (epoch ms, hub clock); undefined shows live values. */
  sensorReplayTime: number | undefined;
}

export interface SensorActions {
  setSensorCatalogue(sensors: readonly SensorDescription[]): void;
  setSensorFeed(state: SensorFeedState, sources?: readonly SourceStatus[]): void;
  /** Selects a sensor (undefined clears); a selected building is deselected, one thing at a time. */
  selectSensor(sensorId: string | undefined): void;
  setSensorPhenomenon(phenomenon: PhenomenonId | undefined): void;
  setSensorReplayTime(time: number | undefined): void;
}

type SetState = (
  partial: (state: SensorState & { view: ViewState }) => Partial<SensorState & { view: ViewState }>,
) => void;

export const INITIAL_SENSOR_STATE: SensorState = {
  sensorCatalogue: [],
  sensorFeed: { state: 'connecting', sources: [] },
  sensorReplayTime: undefined,
};

export function createSensorActions(set: SetState): SensorActions {
  return {
    setSensorCatalogue(sensorCatalogue) {
      set(() => ({ sensorCatalogue: [...sensorCatalogue] }));
    },
    setSensorFeed(state, sources) {
      set((current) => ({ sensorFeed: { state, sources: sources ?? current.sensorFeed.sources } }));
    },
    selectSensor(selectedSensorId) {
      set((state) => ({
        view: {
          ...state.view,
          selectedSensorId,
          selectedBuildingId: selectedSensorId === undefined ? state.view.selectedBuildingId : undefined,
        },
      }));
    },
    setSensorPhenomenon(sensorPhenomenon) {
      set((state) => ({ view: { ...state.view, sensorPhenomenon } }));
    },
    setSensorReplayTime(sensorReplayTime) {
      set(() => ({ sensorReplayTime }));
    },
  };
}
