/**
 * Addresses for generated buildings: street names given out street by street, house numbers rising along each
 * street (odd on the left, even on the right, walking the way they rise), postcodes by district.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { CITY_CENTRE } from './muensterPlaces';
import { centroid } from './planarGeometry';
import type { StreetNamer } from './streetNames';
import { positionAlongStreet, type BlockFrontage, type Street } from './streetModel';

/** A generated address. */
export interface GeneratedAddress {
  street: string;
  houseNumber: string;
  postalCode: string;
}

/**
 * Numbers every building on its street. Streets get their names in id order, and only when a building faces
 * them, so a smaller city does not use up names. Returns addresses in the order of `buildings`.
 */
export function assignAddresses(
  buildings: readonly { footprint: PlanarPoint[]; frontage: BlockFrontage }[],
  streets: readonly Street[],
  namer: StreetNamer,
  isInOldTown: (point: PlanarPoint) => boolean,
): GeneratedAddress[] {
  const byStreet = new Map<number, { index: number; position: number; odd: boolean }[]>();
  buildings.forEach((building, index) => {
    const streetId = building.frontage.streetId!;
    const position = positionAlongStreet(streets[streetId]!.shape, centroid(building.footprint));
    const list = byStreet.get(streetId) ?? [];
    list.push({ index, position, odd: building.frontage.oddSide });
    byStreet.set(streetId, list);
  });
  const addresses: GeneratedAddress[] = new Array(buildings.length);
  for (const streetId of [...byStreet.keys()].sort((a, b) => a - b)) {
    const street = streets[streetId]!;
    const name = street.fixedName ?? (street.inOldTown ? namer.oldTownName() : namer.suburbanName());
    const houses = byStreet.get(streetId)!.sort((a, b) => a.position - b.position || a.index - b.index);
    let nextOdd = 1;
    let nextEven = 2;
    for (const house of houses) {
      const number = house.odd ? nextOdd : nextEven;
      if (house.odd) nextOdd += 2;
      else nextEven += 2;
      const middle = centroid(buildings[house.index]!.footprint);
      addresses[house.index] = {
        street: name,
        houseNumber: String(number),
        postalCode: postalCodeAt(middle, isInOldTown),
      };
    }
  }
  return addresses;
}

// Münster's postcodes run from 48143 to 48167 (odd numbers). Which district has which is approximated by compass
// sector and distance: plausible, not the real postcode boundaries.
const INNER_POSTAL_CODES = ['48147', '48145', '48155', '48153', '48151', '48149'];
const OUTER_POSTAL_CODES = ['48159', '48157', '48167', '48165', '48163', '48161'];
const INNER_DISTRICTS_RADIUS_METERS = 2500;

/** The postcode of a point: 48143 for the old town, then six sectors (north first), inner and outer. */
export function postalCodeAt(point: PlanarPoint, isInOldTown: (point: PlanarPoint) => boolean): string {
  if (isInOldTown(point)) return '48143';
  const east = point[0] - CITY_CENTRE[0];
  const north = point[1] - CITY_CENTRE[1];
  const bearingDegrees = ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360;
  const sector = Math.floor(((bearingDegrees + 30) % 360) / 60);
  const codes =
    Math.hypot(east, north) < INNER_DISTRICTS_RADIUS_METERS ? INNER_POSTAL_CODES : OUTER_POSTAL_CODES;
  return codes[sector]!;
}
