import { beforeAll, describe, expect, it } from 'vitest';
import type { i18n } from 'i18next';
import { createTestScenario, createTestVariant } from '../../domain/scenarios/scenarioTestSupport';
import { storyboardFixture } from '../../domain/storyboards/storyboardTestSupport';
import { createTwinStore } from '../../store/createTwinStore';
import { DEFAULT_HEAT_LOSS_LEGEND } from '../../domain/thermography/heatLossOverlay';
import { TEST_FALLBACK_VIEW } from '../../store/storeTestSupport';
import { setupI18n } from '../i18n/setupI18n';
import { viewImageContent } from './viewImageContent';

const EXPORTED_AT = new Date('2026-11-27T05:15:00Z');
const LINK = 'http://localhost/?layers=buildings';
let german: i18n;
let english: i18n;

beforeAll(async () => {
  german = await setupI18n('de');
  english = await setupI18n('en');
});

function storeWith(view: Partial<typeof TEST_FALLBACK_VIEW>) {
  const store = createTwinStore({ ...TEST_FALLBACK_VIEW, ...view });
  const scenario = createTestScenario({
    id: 'york',
    title: { de: 'York-Quartier', en: 'York quarter' },
    variants: [createTestVariant({ id: 'a', title: { de: 'Variante A', en: 'Variant A' } })],
  });
  store.setState({
    scenarios: [scenario],
    storyboards: [{ file: 'story.json', storyboard: storyboardFixture() }],
  });
  return store;
}

describe('viewImageContent', () => {
  it('titles the image with the storyboard step shown, dates it in Münster time and adds the sun time', () => {
    const store = storeWith({
      storyboardId: 'test-story',
      storyboardStepIndex: 1,
      sunTime: '2026-06-21T10:00Z',
    });
    const content = viewImageContent(store.getState(), german.t, EXPORTED_AT, LINK);
    expect(content.title).toBe('Testgeschichte, Schritt 2: Zweiter Schritt');
    expect(content.subtitleLines).toEqual([
      'Exportiert am 27. November 2026 um 06:15',
      'Sonnenstand: 21. Juni 2026 um 12:00',
    ]);
    expect(content.link).toBe(LINK);
  });

  it('falls back to the quarter and variant, then to the app’s name, in the view’s language', () => {
    const withVariant = storeWith({ language: 'en', scenarioId: 'york', variantId: 'a' });
    expect(viewImageContent(withVariant.getState(), english.t, EXPORTED_AT, LINK).title).toBe(
      'York quarter: Variant A',
    );
    const plain = storeWith({});
    expect(viewImageContent(plain.getState(), german.t, EXPORTED_AT, LINK).title).toBe(
      'Münster Twin: Digitaler Zwilling der Stadt Münster',
    );
  });

  it('translates the legends of the visible layers, none left as a raw key', () => {
    const store = storeWith({
      visibleLayerIds: ['buildings', 'sensors', 'corridors', 'heat-loss'],
      buildingColorScheme: 'function',
    });
    const content = viewImageContent(store.getState(), german.t, EXPORTED_AT, LINK);
    expect(content.legends.map((legend) => legend.title)).toEqual([
      'Legende: Gebäudefunktion',
      'Live-Sensoren',
      'Drohnenkorridore und Beschränkungszonen',
      'Wärmeverlust über Dächer (100-m-Zellen)',
    ]);
    const labels = content.legends.flatMap((legend) => legend.entries.map((entry) => entry.label));
    expect(labels).toContain('Sensor: Grenzwert überschritten');
    expect(labels).toContain('Korridor: Konflikt');
    expect(labels).toContain('sehr hoch');
    for (const label of labels) expect(label).not.toMatch(/^[a-zA-Z]+(\.[a-zA-Z-]+)+$/);
  });

  it('lists the base map, the open quarter’s outline source and the software with their licences', () => {
    const store = storeWith({ scenarioId: 'york', variantId: 'a' });
    const { sources } = viewImageContent(store.getState(), english.t, EXPORTED_AT, LINK);
    expect(sources).toEqual([
      'Natural Earth II, shipped with CesiumJS (public domain)',
      'drawn for the test. none',
      expect.stringContaining('CesiumJS'),
    ]);
  });

  it('names where the buildings come from while they are shown, as their tileset credits them', () => {
    const store = storeWith({});
    store.getState().setBuildingsStatus({ state: 'ready', attribution: 'Gebäude: Testquelle' });
    expect(viewImageContent(store.getState(), english.t, EXPORTED_AT, LINK).sources).toContain(
      'Gebäude: Testquelle',
    );
    store.getState().setLayerVisible('buildings', false);
    expect(viewImageContent(store.getState(), english.t, EXPORTED_AT, LINK).sources).not.toContain(
      'Gebäude: Testquelle',
    );
  });

  it('names the heat-loss map’s source while the map is shown', () => {
    const store = storeWith({});
    store.getState().setHeatLossOverlay({
      state: 'ready',
      cells: [],
      legend: { ...DEFAULT_HEAT_LOSS_LEGEND, attribution: 'Wärmeverlust: Testflug' },
    });
    const sources = () => viewImageContent(store.getState(), english.t, EXPORTED_AT, LINK).sources;
    expect(sources()).not.toContain('Wärmeverlust: Testflug');
    store.getState().setLayerVisible('heat-loss', true);
    expect(sources()).toContain('Wärmeverlust: Testflug');
  });
});
