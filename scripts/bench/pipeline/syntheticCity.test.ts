import { describe, expect, it } from 'vitest';
import { CITY_SPACING_METERS, composeSyntheticCity } from './syntheticCity';

describe('composeSyntheticCity', () => {
  it('gives exactly the asked number of buildings from one seed when the generator has room', () => {
    const { city, seeds } = composeSyntheticCity(300, 7);
    expect(city.features).toHaveLength(300);
    expect(seeds).toEqual([7]);
  });

  it('moves later copies east by the spacing and keeps ids unique', () => {
    const { city, seeds } = composeSyntheticCity(60_000, 1);
    expect(city.features).toHaveLength(60_000);
    expect(seeds.length).toBeGreaterThan(1);
    expect(new Set(city.features.map((feature) => feature.properties.id)).size).toBe(60_000);
    const eastings = (prefix: string) =>
      city.features
        .filter((feature) => feature.properties.id.startsWith(prefix))
        .map((feature) => feature.geometry.coordinates[0]![0]![0]);
    expect(Math.min(...eastings('C2_'))).toBeGreaterThan(Math.max(...eastings('GEN_')));
    expect(Math.min(...eastings('C2_')) - Math.min(...eastings('GEN_'))).toBeGreaterThan(
      CITY_SPACING_METERS / 2,
    );
  }, 60_000);
});
