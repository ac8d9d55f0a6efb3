import { describe, expect, it } from 'vitest';
import { readViewFromSearch, writeViewToSearch } from './urlState';
import type { ViewState } from './viewState';

const fallback: ViewState = {
  camera: {
    longitudeDegrees: 7.6283,
    latitudeDegrees: 51.9544,
    heightMeters: 600,
    headingDegrees: 0,
    pitchDegrees: -35,
  },
  visibleLayerIds: ['buildings', 'places'],
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

describe('view ↔ URL', () => {
  it('restores camera, layers, base layer and language from a written URL', () => {
    const view: ViewState = {
      camera: {
        longitudeDegrees: 7.61429712,
        latitudeDegrees: 51.95714833,
        heightMeters: 432.17,
        headingDegrees: 271.26,
        pitchDegrees: -22.04,
      },
      visibleLayerIds: [],
      baseLayerId: 'osm',
      language: 'en',
      buildingColorScheme: 'height',
      selectedBuildingId: 'DENW49AL000060UK',
      shadows: true,
      hiddenBuildingIds: ['DENW49AL000060UK', 'DENW49AL00006XYZ'],
      selectedSensorId: 'aasee-buoy',
      sensorPhenomenon: 'dissolved_oxygen',
      scenarioId: 'york',
      variantId: 'a',
    };
    const restored = readViewFromSearch(writeViewToSearch(view), fallback);
    expect(restored.visibleLayerIds).toEqual([]);
    expect(restored.baseLayerId).toBe('osm');
    expect(restored.language).toBe('en');
    expect(restored.buildingColorScheme).toBe('height');
    expect(restored.selectedBuildingId).toBe('DENW49AL000060UK');
    expect(restored.shadows).toBe(true);
    expect(restored.hiddenBuildingIds).toEqual(['DENW49AL000060UK', 'DENW49AL00006XYZ']);
    expect(restored.selectedSensorId).toBe('aasee-buoy');
    expect(restored.sensorPhenomenon).toBe('dissolved_oxygen');
    expect(restored.scenarioId).toBe('york');
    expect(restored.variantId).toBe('a');
    expect(restored.camera.longitudeDegrees).toBeCloseTo(view.camera.longitudeDegrees, 6);
    expect(restored.camera.latitudeDegrees).toBeCloseTo(view.camera.latitudeDegrees, 6);
    expect(restored.camera.heightMeters).toBeCloseTo(view.camera.heightMeters, 1);
    expect(restored.camera.headingDegrees).toBeCloseTo(view.camera.headingDegrees, 1);
    expect(restored.camera.pitchDegrees).toBeCloseTo(view.camera.pitchDegrees, 1);
  });

  it('writes a short, readable link', () => {
    expect(writeViewToSearch(fallback)).toBe(
      '?camera=7.6283,51.9544,600,0,-35&layers=buildings,places&base=natural-earth&lang=de',
    );
  });

  it('keeps query parameters owned by other features', () => {
    expect(writeViewToSearch(fallback, '?tour=3&lang=en')).toContain('tour=3');
  });

  it('falls back field by field on a damaged link', () => {
    const restored = readViewFromSearch(
      '?camera=7.6,abc,600,0,-35&layers=places,unknown&lang=fr&color=rainbow',
      fallback,
    );
    expect(restored.camera).toEqual(fallback.camera);
    expect(restored.visibleLayerIds).toEqual(['places']);
    expect(restored.language).toBe('de');
    expect(restored.buildingColorScheme).toBe('plain');
  });

  it('rejects a camera below the ground or beyond the poles', () => {
    expect(readViewFromSearch('?camera=7.6,95,600,0,-35', fallback).camera).toEqual(fallback.camera);
    expect(readViewFromSearch('?camera=7.6,51.9,-5,0,-35', fallback).camera).toEqual(fallback.camera);
  });

  it('writes a heading that rounds to 360° as 0', () => {
    expect(
      writeViewToSearch({ ...fallback, camera: { ...fallback.camera, headingDegrees: 359.96 } }),
    ).toContain('camera=7.6283,51.9544,600,0,-35');
  });

  it('wraps headings into [0, 360)', () => {
    expect(readViewFromSearch('?camera=7.6,51.9,600,-90,-35', fallback).camera.headingDegrees).toBe(270);
  });

  it('an empty layers parameter means no overlay is shown', () => {
    expect(readViewFromSearch('?layers=', fallback).visibleLayerIds).toEqual([]);
  });

  it('carries the heat-loss layer in catalogue order; older links without it keep it off', () => {
    const search = writeViewToSearch({ ...fallback, visibleLayerIds: ['heat-loss', 'buildings'] });
    expect(search).toContain('layers=buildings,heat-loss');
    expect(readViewFromSearch(search, fallback).visibleLayerIds).toEqual(['buildings', 'heat-loss']);
    expect(readViewFromSearch('?layers=buildings,places,sensors', fallback).visibleLayerIds).not.toContain(
      'heat-loss',
    );
  });

  it('carries the selected corridor, and a link naming one shows the corridors layer', () => {
    const search = writeViewToSearch({ ...fallback, corridorId: 'lab-ukm-franziskus' });
    expect(search).toContain('corridor=lab-ukm-franziskus');
    expect(readViewFromSearch(search, fallback).corridorId).toBe('lab-ukm-franziskus');
    // A link from before the corridors layer existed lists only the old layers.
    const old = readViewFromSearch('?layers=buildings,places&corridor=lab-ukm-franziskus', fallback);
    expect(old.visibleLayerIds).toEqual(['buildings', 'places', 'corridors']);
    expect(readViewFromSearch('?corridor=a', fallback).visibleLayerIds).toEqual([
      'buildings',
      'places',
      'corridors',
    ]);
    expect(readViewFromSearch('?layers=buildings,places', fallback).corridorId).toBeUndefined();
  });

  it('carries the storyboard step (counted from 1 in the link), so a deep link restores it', () => {
    const search = writeViewToSearch({
      ...fallback,
      storyboardId: 'york-three-variants',
      storyboardStepIndex: 2,
    });
    expect(search).toContain('story=york-three-variants&step=3');
    const restored = readViewFromSearch(search, fallback);
    expect([restored.storyboardId, restored.storyboardStepIndex]).toEqual(['york-three-variants', 2]);
    expect(readViewFromSearch('?story=x&step=zero', fallback).storyboardStepIndex).toBe(0);
    expect(writeViewToSearch({ ...fallback, storyboardStepIndex: 2 })).not.toContain('step=');
  });
});
