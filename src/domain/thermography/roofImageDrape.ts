import { utm32ToGeographic } from '../geo/projection';
import type { OwnerRoofImage } from './ownerDocument';

type Ring = readonly (readonly [number, number])[];

/**
 * Where a roof polygon's own texture coordinates fall in the owner's roof image: image s = offsetS + s · scaleS,
 * t = offsetT + t · scaleT. Cesium's ground primitives span s/t over the polygon's bounding box (turned by
 * `stRotation`, see `imageGridRotationRadians`), not over the image, so each roof polygon needs this window.
 */
export interface RoofImageTextureWindow {
  offsetS: number;
  offsetT: number;
  scaleS: number;
  scaleT: number;
}

/** The texture window of one roof polygon (outer ring, EPSG:25832) inside the image's georeferenced rectangle. */
export function roofImageTextureWindow(outerRing: Ring, image: OwnerRoofImage): RoofImageTextureWindow {
  const eastings = outerRing.map(([easting]) => easting);
  const northings = outerRing.map(([, northing]) => northing);
  const imageWidthMeters = image.width * image.pixelSizeMeters;
  const imageHeightMeters = image.height * image.pixelSizeMeters;
  const imageSouth = image.originNorthingMeters - imageHeightMeters;
  const west = Math.min(...eastings);
  const south = Math.min(...northings);
  return {
    offsetS: (west - image.originEastingMeters) / imageWidthMeters,
    offsetT: (south - imageSouth) / imageHeightMeters,
    scaleS: (Math.max(...eastings) - west) / imageWidthMeters,
    scaleT: (Math.max(...northings) - south) / imageHeightMeters,
  };
}

/**
 * The angle (radians, counter-clockwise from east) of the image's rows on the ground: the UTM grid is turned
 * against geographic north by the meridian convergence (about −1° in Münster), which the texture must follow.
 */
export function imageGridRotationRadians(image: OwnerRoofImage): number {
  const west = utm32ToGeographic({
    eastingMeters: image.originEastingMeters,
    northingMeters: image.originNorthingMeters,
  });
  const east = utm32ToGeographic({
    eastingMeters: image.originEastingMeters + image.width * image.pixelSizeMeters,
    northingMeters: image.originNorthingMeters,
  });
  const metersEast =
    (east.longitudeDegrees - west.longitudeDegrees) * Math.cos((west.latitudeDegrees * Math.PI) / 180);
  const metersNorth = east.latitudeDegrees - west.latitudeDegrees;
  return Math.atan2(metersNorth, metersEast);
}
