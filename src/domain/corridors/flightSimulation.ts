import { planeToLonLat, pointAlongCorridor, projectCorridor, type PlanarCorridor } from './corridorPlane';
import type { Corridor } from './corridorScene';
import { constantGroundHeight, corridorHeightMsl, type GroundHeightFunction } from './heightLimits';

/** A corridor prepared for animation: its centre line measured once, so each frame's lookup is cheap. */
export interface FlightPath {
  corridorId: string;
  lengthMeters: number;
  /** One way, at cruise speed. */
  durationSeconds: number;
  planar: PlanarCorridor;
  groundHeightMeters: GroundHeightFunction;
  /** Where between floor (0) and ceiling (1) the drone flies. */
  cruiseHeightFraction: number;
}

export interface FlightPathOptions {
  /** Ground height (MSL) for AGL floors and ceilings; default Münster's 60 m. */
  groundHeightMeters?: GroundHeightFunction;
  /** Where between floor (0) and ceiling (1) the drone flies; default 0.5, the middle of the corridor. */
  cruiseHeightFraction?: number;
}

/**
 * How a flight repeats as the clock runs on: `once` stops at the destination, `loop` starts over from the
 * departure, `shuttle` flies back and forth.
 */
export type FlightRepeat = 'once' | 'loop' | 'shuttle';

/** Where the drone is at a moment of the simulated flight. */
export interface FlightPosition {
  longitudeDegrees: number;
  latitudeDegrees: number;
  /** Above mean sea level; add the geoid undulation for an ellipsoid height, or subtract the ground for AGL. */
  heightMeters: number;
  /** Direction of flight, degrees clockwise from true north. */
  headingDegrees: number;
  /** Distance from the departure along the centre line. */
  alongMeters: number;
  /** 0 at the departure, 1 at the destination. */
  progress: number;
  /** With `once`: whether the flight has arrived. */
  arrived: boolean;
}

export function createFlightPath(corridor: Corridor, options: FlightPathOptions = {}): FlightPath {
  const planar = projectCorridor(corridor);
  return {
    corridorId: corridor.id,
    lengthMeters: planar.lengthMeters,
    durationSeconds: planar.lengthMeters / corridor.cruiseSpeedMetersPerSecond,
    planar,
    groundHeightMeters: options.groundHeightMeters ?? constantGroundHeight(),
    cruiseHeightFraction: Math.min(1, Math.max(0, options.cruiseHeightFraction ?? 0.5)),
  };
}

const DEGREES = 180 / Math.PI;

function headingBetween(from: readonly [number, number], to: readonly [number, number]): number {
  const latitude = ((from[1] + to[1]) / 2) * (Math.PI / 180);
  const east = (to[0] - from[0]) * Math.cos(latitude);
  const north = to[1] - from[1];
  const heading = Math.atan2(east, north) * DEGREES;
  return heading < 0 ? heading + 360 : heading;
}

/**
 * The drone's position `elapsedSeconds` after departure, flying the centre line at cruise speed; before departure
 * (negative time) it waits at the start. For the app's clock: elapsed = (clock time − departure time) in seconds.
 */
export function flightPositionAt(
  path: FlightPath,
  elapsedSeconds: number,
  repeat: FlightRepeat = 'once',
): FlightPosition {
  const { durationSeconds, planar } = path;
  const corridor = planar.corridor;
  let seconds = Math.max(0, elapsedSeconds);
  let backwards = false;
  let arrived = false;
  if (durationSeconds === 0) seconds = 0;
  else if (repeat === 'once') {
    arrived = seconds >= durationSeconds;
    seconds = Math.min(seconds, durationSeconds);
  } else if (repeat === 'loop') seconds %= durationSeconds;
  else {
    const leg = Math.floor(seconds / durationSeconds);
    seconds %= durationSeconds;
    backwards = leg % 2 === 1;
    if (backwards) seconds = durationSeconds - seconds;
  }
  const alongMeters = seconds * corridor.cruiseSpeedMetersPerSecond;
  const { x, y, segmentIndex } = pointAlongCorridor(planar, alongMeters);
  const [longitudeDegrees, latitudeDegrees] = planeToLonLat(x, y);
  const ground = path.groundHeightMeters(longitudeDegrees, latitudeDegrees);
  const floor = corridorHeightMsl(corridor.floor, ground);
  const ceiling = corridorHeightMsl(corridor.ceiling, ground);
  const start = corridor.centreLine[segmentIndex]!;
  const end = corridor.centreLine[segmentIndex + 1]!;
  const heading = headingBetween(start, end);
  return {
    longitudeDegrees,
    latitudeDegrees,
    heightMeters: floor + (ceiling - floor) * path.cruiseHeightFraction,
    headingDegrees: backwards ? (heading + 180) % 360 : heading,
    alongMeters,
    progress: path.lengthMeters === 0 ? 1 : alongMeters / path.lengthMeters,
    arrived,
  };
}
