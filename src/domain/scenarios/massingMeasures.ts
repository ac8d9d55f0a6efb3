/**
 * What the editing controls show of a massing (its length and width along the main axis, its rotation) and
 * where a new massing goes: the ground point the camera looks at when it lies inside the site, else the
 * site's centre.
 */
import type { CameraPose } from '../view/cameraPose';
import { isInsideSite } from './existingBuildings';
import type { Position } from './scenarioGeometry';
import {
  planarPolygonCentroid,
  projectPolygon,
  projectPosition,
  unprojectPoint,
} from './scenarioPlanarGeometry';
import type { Massing, ScenarioDocument } from './scenarioSchema';

/** Length along the longest outer edge and width across it (the extent of the outer ring), in metres. */
export interface MassingExtent {
  lengthMeters: number;
  widthMeters: number;
  /** Direction of the long side, clockwise from east, in [0, 180). */
  rotationDegrees: number;
}

/** The extent a resize works on: the same main axis as the `resizeMassing` edit. */
export function measureMassingExtent(massing: Pick<Massing, 'footprint'>): MassingExtent {
  const ring = projectPolygon(massing.footprint)[0] ?? [];
  let longest = -1;
  let angle = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const [ax, ay] = ring[index]!;
    const [bx, by] = ring[index + 1]!;
    const length = Math.hypot(bx - ax, by - ay);
    if (length > longest) {
      longest = length;
      angle = Math.atan2(by - ay, bx - ax);
    }
  }
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  let minAlong = Infinity;
  let maxAlong = -Infinity;
  let minAcross = Infinity;
  let maxAcross = -Infinity;
  for (const [x, y] of ring) {
    const along = x * ux + y * uy;
    const across = -x * uy + y * ux;
    minAlong = Math.min(minAlong, along);
    maxAlong = Math.max(maxAlong, along);
    minAcross = Math.min(minAcross, across);
    maxAcross = Math.max(maxAcross, across);
  }
  const clockwise = (((-angle * 180) / Math.PI) % 180) + 180;
  return {
    lengthMeters: ring.length > 0 ? maxAlong - minAlong : 0,
    widthMeters: ring.length > 0 ? maxAcross - minAcross : 0,
    rotationDegrees: clockwise % 180,
  };
}

const METERS_PER_DEGREE_LATITUDE = 111_320;

/**
 * The point on the ground (height 0) in the centre of the camera's view; undefined when the camera looks at or
 * above the horizon (pitch above −5°).
 */
export function groundPointInView(camera: CameraPose): Position | undefined {
  if (camera.pitchDegrees > -5) return undefined;
  const pitch = (-camera.pitchDegrees * Math.PI) / 180;
  const heading = (camera.headingDegrees * Math.PI) / 180;
  const horizontalMeters = camera.heightMeters / Math.tan(pitch);
  const metersPerDegreeLongitude =
    METERS_PER_DEGREE_LATITUDE * Math.cos((camera.latitudeDegrees * Math.PI) / 180);
  return [
    camera.longitudeDegrees + (horizontalMeters * Math.sin(heading)) / metersPerDegreeLongitude,
    camera.latitudeDegrees + (horizontalMeters * Math.cos(heading)) / METERS_PER_DEGREE_LATITUDE,
  ];
}

/** Where a new massing is placed: the view's centre when it lies inside the site, else the site's centre. */
export function placeForNewMassing(scenario: Pick<ScenarioDocument, 'site'>, camera: CameraPose): Position {
  const inView = groundPointInView(camera);
  if (inView && isInsideSite(scenario, inView[0], inView[1])) return inView;
  const centre = unprojectPoint(planarPolygonCentroid(projectPolygon(scenario.site.boundary)));
  // A concave site may have its centroid outside; then its first corner nudged inwards is still better than nothing.
  if (isInsideSite(scenario, centre[0], centre[1])) return centre;
  const [x, y] = projectPosition(scenario.site.boundary[0]![0]!);
  const [cx, cy] = projectPosition(centre);
  return unprojectPoint([x + (cx - x) * 0.1, y + (cy - y) * 0.1]);
}
