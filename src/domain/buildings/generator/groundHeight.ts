/**
 * A smooth, plausible terrain for the generated city in DHHN2016 metres: about 60 m at the Prinzipalmarkt,
 * rising gently towards the north-west (the Baumberge side), lower along the Aa and the Aasee, with low swells.
 * Invented for plausibility, not taken from an elevation model.
 */
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { AASEE_POLYGON, CITY_CENTRE } from './muensterPlaces';
import { distanceToBoundary, isInsidePolygon } from './planarGeometry';
import type { SeededRandom } from './seededRandom';

const CENTRE_HEIGHT_METERS = 60;
/** Metres per kilometre towards the north-west. */
const TILT_METERS_PER_KILOMETRE = 1.6;
const VALLEY_DEPTH_METERS = 4;
const VALLEY_HALF_WIDTH_METERS = 400;

/** A terrain function for one seed: DHHN2016 height (m, rounded to centimetres) at a point. */
export function createGroundHeightModel(random: SeededRandom): (point: PlanarPoint) => number {
  const swells = Array.from({ length: 3 }, () => {
    const heading = random.between(0, Math.PI);
    return {
      amplitudeMeters: random.between(0.6, 1.6),
      direction: [Math.cos(heading), Math.sin(heading)] as const,
      wavesPerMeter: (2 * Math.PI) / random.between(2500, 6000),
      phase: random.between(0, 2 * Math.PI),
    };
  });
  return (point) => {
    const eastKilometres = (point[0] - CITY_CENTRE[0]) / 1000;
    const northKilometres = (point[1] - CITY_CENTRE[1]) / 1000;
    const tilt = TILT_METERS_PER_KILOMETRE * Math.SQRT1_2 * (northKilometres - eastKilometres);
    const swell = swells.reduce((sum, { amplitudeMeters, direction, wavesPerMeter, phase }) => {
      const along = (point[0] - CITY_CENTRE[0]) * direction[0] + (point[1] - CITY_CENTRE[1]) * direction[1];
      return sum + amplitudeMeters * Math.sin(along * wavesPerMeter + phase);
    }, 0);
    const fromWater = isInsidePolygon(AASEE_POLYGON, point) ? 0 : distanceToBoundary(AASEE_POLYGON, point);
    const valley = -VALLEY_DEPTH_METERS * Math.exp(-((fromWater / VALLEY_HALF_WIDTH_METERS) ** 2));
    const height = CENTRE_HEIGHT_METERS + tilt + swell + valley;
    return Math.round(Math.min(80, Math.max(45, height)) * 100) / 100;
  };
}
