import { readViewFromSearch } from '../domain/view/urlState';
import type { ViewState } from '../domain/view/viewState';

/** The start view store tests build their store from: central Münster, buildings on, nothing selected. */
export const TEST_FALLBACK_VIEW: ViewState = {
  camera: {
    longitudeDegrees: 7.6,
    latitudeDegrees: 51.96,
    heightMeters: 500,
    headingDegrees: 0,
    pitchDegrees: -45,
  },
  visibleLayerIds: ['buildings'],
  baseLayerId: 'natural-earth',
  language: 'de',
  buildingColorScheme: 'plain',
  selectedBuildingId: undefined,
  shadows: false,
  hiddenBuildingIds: [],
  selectedSensorId: undefined,
  sensorPhenomenon: undefined,
  scenarioId: undefined,
  variantId: undefined,
};

/** The view a store test starts from, read through the URL code like the app's (`search` = the address's query). */
export function testStartView(search = ''): ViewState {
  return readViewFromSearch(search, TEST_FALLBACK_VIEW);
}
