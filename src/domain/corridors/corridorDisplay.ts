import type { CameraPose } from '../view/cameraPose';
import { cameraLookingAt } from '../view/cameraLookAt';
import type { FindingPosition } from './corridorFindings';
import type { Corridor, RestrictionZone } from './corridorScene';
import { restrictionZoneRing } from './corridorPlane';
import {
  corridorHeightMsl,
  formatZoneLimit,
  MUENSTER_GROUND_HEIGHT_METERS,
  zoneLimitMsl,
} from './heightLimits';

/**
 * What the viewer's ground is: `ellipsoid` offline (no terrain; the buildings stand on ellipsoid height 0, see
 * buildings/tiles/placeBuilding), `terrain` when a terrain server gives true ellipsoid heights.
 */
export type DisplayGround = 'ellipsoid' | 'terrain';

/**
 * EGM96 geoid undulation in Münster, metres (about 44.5 m; buildings/tiles/placeBuilding has the model). A constant
 * is good to a few decimetres within the city and keeps the geoid model out of the app.
 */
export const MUENSTER_GEOID_UNDULATION_METERS = 44.5;

/** Zones without an upper limit (UNL) are drawn this high above the ground: far above any drone, low enough to see under. */
export const UNLIMITED_ZONE_DRAW_HEIGHT_METERS = 300;

/**
 * A height above mean sea level as the viewer draws it: offline, relative to the ground the checks assume (so an
 * AGL height shows at that height over the ellipsoid, like the buildings); over terrain, an ellipsoid height.
 */
export function displayHeightMeters(
  heightMslMeters: number,
  ground: DisplayGround,
  groundHeightMslMeters: number = MUENSTER_GROUND_HEIGHT_METERS,
): number {
  return ground === 'ellipsoid'
    ? heightMslMeters - groundHeightMslMeters
    : heightMslMeters + MUENSTER_GEOID_UNDULATION_METERS;
}

/** The ground the viewer has: a configured terrain server, or the plain ellipsoid. */
export function displayGroundOf(config: { terrain?: unknown }): DisplayGround {
  return config.terrain ? 'terrain' : 'ellipsoid';
}

/** Bottom and top of a corridor's volume as drawn (flat ground: both references give one band). */
export function corridorDisplayBand(
  corridor: Pick<Corridor, 'floor' | 'ceiling'>,
  ground: DisplayGround,
): { bottomMeters: number; topMeters: number } {
  const floor = corridorHeightMsl(corridor.floor, MUENSTER_GROUND_HEIGHT_METERS);
  const ceiling = corridorHeightMsl(corridor.ceiling, MUENSTER_GROUND_HEIGHT_METERS);
  return {
    bottomMeters: displayHeightMeters(floor, ground),
    topMeters: displayHeightMeters(ceiling, ground),
  };
}

/** A zone as drawn: outline, bottom and top (UNL capped), a centre for its label and the label's text. */
export interface ZoneDisplay {
  ring: [number, number][];
  bottomMeters: number;
  topMeters: number;
  labelPosition: { longitudeDegrees: number; latitudeDegrees: number; heightMeters: number };
  limitsText: string;
}

export function zoneDisplay(zone: RestrictionZone, ground: DisplayGround): ZoneDisplay {
  const ring = restrictionZoneRing(zone).map(
    ([longitude, latitude]) => [longitude, latitude] as [number, number],
  );
  const groundMsl = MUENSTER_GROUND_HEIGHT_METERS;
  const bottomMsl = zoneLimitMsl(zone.lowerLimit, groundMsl);
  const upperMsl = zoneLimitMsl(zone.upperLimit, groundMsl);
  const topMsl = Number.isFinite(upperMsl) ? upperMsl : groundMsl + UNLIMITED_ZONE_DRAW_HEIGHT_METERS;
  const bottomMeters = displayHeightMeters(bottomMsl, ground);
  const topMeters = displayHeightMeters(topMsl, ground);
  const longitude = ring.reduce((sum, point) => sum + point[0], 0) / ring.length;
  const latitude = ring.reduce((sum, point) => sum + point[1], 0) / ring.length;
  return {
    ring,
    bottomMeters,
    topMeters,
    labelPosition: {
      longitudeDegrees: longitude,
      latitudeDegrees: latitude,
      heightMeters: Math.min(topMeters, bottomMeters + 150),
    },
    limitsText: `${formatZoneLimit(zone.lowerLimit)} – ${formatZoneLimit(zone.upperLimit)}`,
  };
}

/** A finding's position as drawn (its height converted like every other corridor height). */
export function findingDisplayPosition(position: FindingPosition, ground: DisplayGround): FindingPosition {
  return { ...position, heightMeters: displayHeightMeters(position.heightMeters, ground) };
}

/** Where the camera flies for a finding: 450 m away, from the south, looking down at it. */
export function findingCameraPose(position: FindingPosition, ground: DisplayGround): CameraPose {
  return cameraLookingAt(findingDisplayPosition(position, ground), { rangeMeters: 450, pitchDegrees: -35 });
}

/** Where the camera flies for a whole corridor: its centre, far enough away to see its length. */
export function corridorCameraPose(corridor: Corridor, ground: DisplayGround): CameraPose {
  const longitudes = corridor.centreLine.map((point) => point[0]);
  const latitudes = corridor.centreLine.map((point) => point[1]);
  const centre = {
    longitudeDegrees: (Math.min(...longitudes) + Math.max(...longitudes)) / 2,
    latitudeDegrees: (Math.min(...latitudes) + Math.max(...latitudes)) / 2,
  };
  const spanMeters = Math.max(
    (Math.max(...latitudes) - Math.min(...latitudes)) * 111_320,
    (Math.max(...longitudes) - Math.min(...longitudes)) *
      111_320 *
      Math.cos((centre.latitudeDegrees * Math.PI) / 180),
  );
  const { bottomMeters } = corridorDisplayBand(corridor, ground);
  return cameraLookingAt(
    { ...centre, heightMeters: bottomMeters },
    { rangeMeters: Math.max(600, spanMeters * 1.2), pitchDegrees: -40 },
  );
}

/**
 * The ground point (ellipsoid height 0) in the centre of the view of a camera pose, at most 3 km ahead: where a
 * keyboard user adds a corridor point.
 */
export function groundPointInViewCentre(camera: CameraPose): [number, number] {
  const pitchRadians = (-camera.pitchDegrees * Math.PI) / 180;
  const aheadMeters =
    pitchRadians <= 0.01 ? 3000 : Math.min(3000, camera.heightMeters / Math.tan(pitchRadians));
  const headingRadians = (camera.headingDegrees * Math.PI) / 180;
  const metersPerDegreeLongitude = 111_320 * Math.cos((camera.latitudeDegrees * Math.PI) / 180);
  return [
    camera.longitudeDegrees + (aheadMeters * Math.sin(headingRadians)) / metersPerDegreeLongitude,
    camera.latitudeDegrees + (aheadMeters * Math.cos(headingRadians)) / 111_320,
  ];
}
