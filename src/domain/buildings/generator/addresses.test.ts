import { describe, expect, it } from 'vitest';
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { assignAddresses, postalCodeAt } from './addresses';
import { CITY_CENTRE } from './muensterPlaces';
import { createSeededRandom } from './seededRandom';
import { createStreetNamer } from './streetNames';
import { StreetRegistry, frontageOf } from './streetModel';

function square(x: number, y: number): PlanarPoint[] {
  return [
    [x, y],
    [x + 8, y],
    [x + 8, y + 8],
    [x, y + 8],
  ];
}

describe('assignAddresses', () => {
  it('numbers houses rising along the street, odd on the left and even on the right', () => {
    const registry = new StreetRegistry();
    // A street running east along y = 0; blocks north of it (left when walking east) and south of it.
    const street = registry.add({
      shape: { kind: 'straight', origin: [0, 0], direction: [1, 0] },
      inOldTown: false,
      halfWidthMeters: 5,
    });
    // Block edges are counter-clockwise: the northern block's edge runs east, the southern one's west.
    const north = frontageOf(street, [0, 5], [100, 5]);
    const south = frontageOf(street, [100, -5], [0, -5]);
    const buildings = [
      { footprint: square(40, 6), frontage: north },
      { footprint: square(10, 6), frontage: north },
      { footprint: square(70, -14), frontage: south },
      { footprint: square(20, -14), frontage: south },
    ];
    const namer = createStreetNamer(createSeededRandom(1), []);
    const addresses = assignAddresses(buildings, registry.streets, namer, () => false);
    expect(addresses.map((address) => address.houseNumber)).toEqual(['3', '1', '4', '2']);
    expect(new Set(addresses.map((address) => address.street)).size).toBe(1);
  });

  it('gives the old town 48143 and other districts other Münster postcodes', () => {
    expect(postalCodeAt(CITY_CENTRE, () => true)).toBe('48143');
    const north: PlanarPoint = [CITY_CENTRE[0], CITY_CENTRE[1] + 1500];
    const farSouth: PlanarPoint = [CITY_CENTRE[0], CITY_CENTRE[1] - 3500];
    expect(postalCodeAt(north, () => false)).toBe('48147');
    expect(postalCodeAt(farSouth, () => false)).toBe('48165');
  });
});

describe('createStreetNamer', () => {
  it('never repeats a name nor hands out a reserved one', () => {
    const namer = createStreetNamer(createSeededRandom(3), ['Lindenweg']);
    const names = Array.from({ length: 600 }, () => namer.suburbanName());
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('Lindenweg');
  });
});
