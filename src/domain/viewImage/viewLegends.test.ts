import { describe, expect, it } from 'vitest';
import type { ViewState } from '../view/viewState';
import { LAYER_LEGENDS, legendsOfView, type LegendProvider } from './viewLegends';

const view = (overrides: Partial<ViewState>): ViewState => ({
  camera: {
    longitudeDegrees: 7.62,
    latitudeDegrees: 51.96,
    heightMeters: 1000,
    headingDegrees: 0,
    pitchDegrees: -45,
  },
  visibleLayerIds: ['buildings', 'places', 'sensors'],
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
  ...overrides,
});

describe('legendsOfView', () => {
  it('gives the legends of the visible layers in catalogue order; plain buildings need none', () => {
    expect(legendsOfView(view({})).map((block) => block.layerId)).toEqual(['places', 'sensors']);
    const coloured = legendsOfView(
      view({ buildingColorScheme: 'height', visibleLayerIds: ['buildings', 'corridors'] }),
    );
    expect(coloured.map((block) => block.layerId)).toEqual(['buildings', 'corridors']);
    expect(coloured[0]!.title).toEqual({
      key: 'buildings.legend',
      params: { scheme: { key: 'buildings.schemes.height' } },
    });
    expect(coloured[0]!.entries.map((entry) => entry.color)).toContain('#fde725');
  });

  it('colours heat-loss classes as the served legend says, else by the default colours', () => {
    const served = { 1: '#000001', 2: '#000002', 3: '#000003', 4: '#000004', 5: '#000005' } as const;
    const shown = view({ visibleLayerIds: ['heat-loss'] });
    expect(legendsOfView(shown, { heatLossColours: served })[0]!.entries.map((entry) => entry.color)).toEqual(
      Object.values(served),
    );
    const fallback = legendsOfView(shown)[0]!.entries;
    expect(fallback[0]).toMatchObject({ label: { de: 'sehr gering', en: 'very low' }, color: '#2c7bb6' });
  });

  it('leaves out hidden layers', () => {
    expect(legendsOfView(view({ visibleLayerIds: [], buildingColorScheme: 'function' }))).toEqual([]);
  });

  it('takes further providers (a new layer brings its own legend)', () => {
    const heatLoss: LegendProvider = () => ({
      layerId: 'heatLoss',
      title: { key: 'heatLoss.legend' },
      entries: [{ label: { key: 'heatLoss.class1' }, color: '#fee5d9', symbol: 'square' }],
    });
    const state = { ...view({}), visibleLayerIds: ['sensors', 'heatLoss'] } as unknown as ViewState;
    expect(legendsOfView(state, {}, { ...LAYER_LEGENDS, heatLoss }).map((block) => block.layerId)).toEqual([
      'sensors',
      'heatLoss',
    ]);
  });
});
