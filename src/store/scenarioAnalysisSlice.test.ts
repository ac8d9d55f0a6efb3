import { describe, expect, it } from 'vitest';
import type { ScenarioDocument } from '../domain/scenarios/scenarioSchema';
import type { SunlightHoursMap } from '../domain/scenarios/sunlightHoursJob';
import { readViewFromSearch, writeViewToSearch } from '../domain/view/urlState';
import { createTwinStore } from './createTwinStore';
import { comparedVariantId, currentSunlightMap } from './scenarioAnalysisSlice';
import { testStartView } from './storeTestSupport';

const FALLBACK = testStartView();

function quarter(id: string, variantIds: string[]): ScenarioDocument {
  return { id, variants: variantIds.map((variantId) => ({ id: variantId })) } as unknown as ScenarioDocument;
}

function storeWithYork() {
  const store = createTwinStore(FALLBACK);
  store.getState().setScenarios([quarter('york', ['a', 'b', 'c'])]);
  store.getState().openScenario('york', 'a');
  return store;
}

const MAP = { variantId: 'a', meanHours: 5 } as SunlightHoursMap;

describe('comparing variants', () => {
  it('keeps the compared variant in the view and the link, and restores it from a link', () => {
    const store = storeWithYork();
    store.getState().startComparison('b');
    expect(comparedVariantId(store.getState())).toBe('b');
    const search = writeViewToSearch(store.getState().view);
    expect(search).toContain('compare=b');
    expect(readViewFromSearch(search, FALLBACK)).toMatchObject({
      scenarioId: 'york',
      variantId: 'a',
      compareVariantId: 'b',
    });
    store.getState().stopComparison();
    expect(writeViewToSearch(store.getState().view)).not.toContain('compare=');
  });

  it('ignores a compared variant that is the open one or unknown', () => {
    const store = storeWithYork();
    store.getState().startComparison('a');
    expect(comparedVariantId(store.getState())).toBeUndefined();
    store.getState().startComparison('missing');
    expect(comparedVariantId(store.getState())).toBeUndefined();
  });
});

describe('sun time', () => {
  it('writes the moment into the link as UTC, turns the shadows on, and reads it back', () => {
    const store = storeWithYork();
    store.getState().setSunTime(new Date('2026-06-21T10:00:00Z'));
    expect(store.getState().view).toMatchObject({ sunTime: '2026-06-21T10:00Z', shadows: true });
    const search = writeViewToSearch(store.getState().view);
    expect(search).toContain('time=2026-06-21T10:00Z');
    expect(readViewFromSearch(search, FALLBACK).sunTime).toBe('2026-06-21T10:00Z');
    expect(readViewFromSearch('?time=noon', FALLBACK).sunTime).toBeUndefined();
    store.getState().setSunTime(undefined);
    expect(writeViewToSearch(store.getState().view)).not.toContain('time=');
  });
});

describe('sunlight-hours map', () => {
  it('takes the answer to the latest request only, and shows it only for its own variant', () => {
    const store = storeWithYork();
    const day = { year: 2026, month: 3, day: 21 };
    store.getState().requestSunlightMap(day);
    store.getState().requestSunlightMap(day);
    expect(store.getState().sunlightMap).toMatchObject({ status: 'computing', requestId: 2, variantId: 'a' });
    store.getState().reportSunlightMap({ kind: 'sunlight-hours-result', requestId: 1, map: MAP });
    expect(store.getState().sunlightMap.status).toBe('computing');
    store.getState().reportSunlightMap({ kind: 'sunlight-hours-result', requestId: 2, map: MAP });
    expect(currentSunlightMap(store.getState())).toMatchObject({ status: 'ready', map: MAP });
    store.getState().openScenario('york', 'b');
    expect(currentSunlightMap(store.getState()).status).toBe('idle');
  });

  it('keeps a failure with its code', () => {
    const store = storeWithYork();
    store.getState().requestSunlightMap({ year: 2026, month: 6, day: 21 });
    store.getState().reportSunlightMap({
      kind: 'sunlight-hours-failed',
      requestId: 1,
      code: 'no-open-spaces',
      message: 'variant a: no open spaces',
    });
    expect(store.getState().sunlightMap).toMatchObject({ status: 'failed', code: 'no-open-spaces' });
  });
});
