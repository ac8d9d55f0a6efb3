/**
 * Editing a variant's massings during a workshop, as data: each edit is a plain object (it can be stored, sent to
 * other participants and replayed) and `applyMassingEdit` returns a new variant, sharing every untouched massing
 * with the old one, or the issues that refused the edit (the variant is then unchanged).
 */
import { formatJsonPath } from '../validation/issues';
import type { Position } from './scenarioGeometry';
import {
  planarPolygonCentroid,
  projectPolygon,
  projectPosition,
  unprojectPoint,
  unprojectPolygon,
  type PlanarPoint,
  type PlanarPolygon,
} from './scenarioPlanarGeometry';
import {
  massingSchema,
  type Massing,
  type MassingUses,
  type RoofType,
  type ScenarioVariant,
} from './scenarioSchema';

export type MassingEdit =
  | { kind: 'addMassing'; massing: Massing }
  /** Moves by metres on the ground (east and north positive). */
  | { kind: 'moveMassing'; massingId: string; eastMeters: number; northMeters: number }
  /** Turns about the footprint's centre, clockwise seen from above. */
  | { kind: 'rotateMassing'; massingId: string; clockwiseDegrees: number }
  /** Scales about the footprint's centre along its main axis (its longest outer edge) and across it. */
  | { kind: 'resizeMassing'; massingId: string; lengthFactor: number; widthFactor: number }
  | { kind: 'setStoreys'; massingId: string; storeys: number }
  | { kind: 'setUses'; massingId: string; uses: MassingUses; subsidisedHousingShare?: number }
  | {
      kind: 'updateMassing';
      massingId: string;
      changes: Partial<Pick<Massing, 'name' | 'storeyHeightMeters' | 'roofType' | 'greenRoof'>>;
    }
  | { kind: 'deleteMassing'; massingId: string };

/** Why an edit was refused; `path` is the JSON path in the variant, e.g. `$.massings[3].storeys`. */
export interface EditIssue {
  code: string;
  path: string;
  message: string;
}

export type EditResult =
  { variant: ScenarioVariant; issues: [] } | { variant: undefined; issues: EditIssue[] };

const RADIANS = Math.PI / 180;
/** Resize factors outside this range are almost certainly a slip of the mouse. */
const RESIZE_FACTOR_RANGE = [0.05, 20] as const;

function refuse(code: string, path: string, message: string): EditResult {
  return { variant: undefined, issues: [{ code, path, message }] };
}

/** Applies one edit; the input variant is never changed. */
export function applyMassingEdit(variant: ScenarioVariant, edit: MassingEdit): EditResult {
  if (edit.kind === 'addMassing') return addMassing(variant, edit.massing);
  const index = variant.massings.findIndex((massing) => massing.id === edit.massingId);
  if (index < 0)
    return refuse('unknown_massing', '$.massings', `no massing "${edit.massingId}" in this variant`);
  const massing = variant.massings[index]!;
  if (edit.kind === 'deleteMassing') {
    return {
      variant: {
        ...variant,
        massings: variant.massings.filter((_, position) => position !== index),
        // A hub housed in the deleted massing stays, now free-standing.
        mobilityHubs: variant.mobilityHubs.map((hub) =>
          hub.massingId === massing.id ? withoutMassingId(hub) : hub,
        ),
      },
      issues: [],
    };
  }
  const changed = changeMassing(massing, edit);
  if ('issue' in changed) {
    const { code, message, path = [] } = changed.issue;
    return refuse(code, formatJsonPath(['massings', index, ...path]), message);
  }
  return replaceMassing(variant, index, changed.massing);
}

function withoutMassingId<T extends { massingId?: string }>(hub: T): T {
  const copy = { ...hub };
  delete copy.massingId;
  return copy;
}

type ChangeOutcome =
  { massing: Massing } | { issue: { code: string; message: string; path?: readonly PropertyKey[] } };

function changeMassing(
  massing: Massing,
  edit: Exclude<MassingEdit, { kind: 'addMassing' | 'deleteMassing' }>,
): ChangeOutcome {
  switch (edit.kind) {
    case 'moveMassing': {
      if (!Number.isFinite(edit.eastMeters) || !Number.isFinite(edit.northMeters)) {
        return { issue: { code: 'invalid_move', message: 'a move needs finite east and north distances' } };
      }
      return {
        massing: transformFootprint(massing, ([x, y]) => [x + edit.eastMeters, y + edit.northMeters]),
      };
    }
    case 'rotateMassing': {
      if (!Number.isFinite(edit.clockwiseDegrees)) {
        return { issue: { code: 'invalid_rotation', message: 'a rotation needs a finite angle' } };
      }
      const [cx, cy] = planarPolygonCentroid(projectPolygon(massing.footprint));
      const cos = Math.cos(edit.clockwiseDegrees * RADIANS);
      const sin = Math.sin(edit.clockwiseDegrees * RADIANS);
      return {
        massing: transformFootprint(massing, ([x, y]) => [
          cx + (x - cx) * cos + (y - cy) * sin,
          cy - (x - cx) * sin + (y - cy) * cos,
        ]),
      };
    }
    case 'resizeMassing': {
      const [low, high] = RESIZE_FACTOR_RANGE;
      for (const factor of [edit.lengthFactor, edit.widthFactor]) {
        if (!(factor >= low && factor <= high)) {
          return {
            issue: { code: 'invalid_resize', message: `resize factors must lie between ${low} and ${high}` },
          };
        }
      }
      const planar = projectPolygon(massing.footprint);
      const [cx, cy] = planarPolygonCentroid(planar);
      const angle = mainAxisAngle(planar);
      const ux = Math.cos(angle);
      const uy = Math.sin(angle);
      return {
        massing: transformFootprint(massing, ([x, y]) => {
          const along = ((x - cx) * ux + (y - cy) * uy) * edit.lengthFactor;
          const across = (-(x - cx) * uy + (y - cy) * ux) * edit.widthFactor;
          return [cx + along * ux - across * uy, cy + along * uy + across * ux];
        }),
      };
    }
    case 'setStoreys':
      return validated({ ...massing, storeys: edit.storeys });
    case 'setUses': {
      const next: Massing = { ...massing, uses: edit.uses };
      if (edit.subsidisedHousingShare !== undefined)
        next.subsidisedHousingShare = edit.subsidisedHousingShare;
      return validated(next);
    }
    case 'updateMassing':
      return validated({ ...massing, ...edit.changes });
  }
}

/** Angle (radians, counter-clockwise from east) of the longest edge of the outer ring. */
function mainAxisAngle(polygon: PlanarPolygon): number {
  const ring = polygon[0] ?? [];
  let longest = -1;
  let angle = 0;
  for (let index = 0; index < ring.length; index++) {
    const [ax, ay] = ring[index]!;
    const [bx, by] = ring[(index + 1) % ring.length]!;
    const length = Math.hypot(bx - ax, by - ay);
    if (length > longest) {
      longest = length;
      angle = Math.atan2(by - ay, bx - ax);
    }
  }
  return angle;
}

function transformFootprint(massing: Massing, transform: (point: PlanarPoint) => PlanarPoint): Massing {
  const planar = projectPolygon(massing.footprint);
  return { ...massing, footprint: unprojectPolygon(planar.map((ring) => ring.map(transform))) };
}

/** Checks a changed massing against the schema, so an edit can never make the document invalid. */
function validated(massing: Massing): ChangeOutcome {
  const result = massingSchema.safeParse(massing);
  if (result.success) return { massing: result.data };
  const first = result.error.issues[0]!;
  return { issue: { code: first.code, message: first.message, path: first.path } };
}

function replaceMassing(variant: ScenarioVariant, index: number, massing: Massing): EditResult {
  const massings = variant.massings.slice();
  massings[index] = massing;
  return { variant: { ...variant, massings }, issues: [] };
}

function addMassing(variant: ScenarioVariant, massing: Massing): EditResult {
  const index = variant.massings.length;
  const taken = new Set(
    [
      variant.massings,
      variant.openSpaces,
      variant.sealedAreas,
      variant.mobilityHubs,
      variant.streets,
    ].flatMap((list) => list.map((element) => element.id)),
  );
  if (taken.has(massing.id)) {
    return refuse(
      'duplicate_id',
      `$.massings[${index}].id`,
      `id "${massing.id}" is already used in this variant`,
    );
  }
  const result = massingSchema.safeParse(massing);
  if (!result.success) {
    return {
      variant: undefined,
      issues: result.error.issues.map((issue) => ({
        code: issue.code,
        path: formatJsonPath(['massings', index, ...issue.path]),
        message: issue.message,
      })),
    };
  }
  return { variant: { ...variant, massings: [...variant.massings, result.data] }, issues: [] };
}

/** The first free id `<prefix>-<n>` in a variant (ids are shared by all its elements). */
export function nextFreeElementId(variant: ScenarioVariant, prefix = 'massing'): string {
  const taken = new Set(
    [
      variant.massings,
      variant.openSpaces,
      variant.sealedAreas,
      variant.mobilityHubs,
      variant.streets,
    ].flatMap((list) => list.map((element) => element.id)),
  );
  let number = 1;
  while (taken.has(`${prefix}-${number}`)) number++;
  return `${prefix}-${number}`;
}

/** What a new rectangular massing looks like; everything but the place has a default. */
export interface RectangularMassingSpec {
  id: string;
  centre: Position;
  lengthMeters: number;
  widthMeters: number;
  /** Direction of the long side, clockwise from east; 0 = the long side runs east–west. */
  rotationDegrees?: number;
  storeys?: number;
  storeyHeightMeters?: number;
  uses?: MassingUses;
  subsidisedHousingShare?: number;
  roofType?: RoofType;
  greenRoof?: boolean;
}

/** A rectangular massing around a point, ready for an `addMassing` edit (housing, 4 storeys of 3 m by default). */
export function createRectangularMassing(spec: RectangularMassingSpec): Massing {
  const [cx, cy] = projectPosition(spec.centre);
  const angle = -(spec.rotationDegrees ?? 0) * RADIANS;
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const halfLength = spec.lengthMeters / 2;
  const halfWidth = spec.widthMeters / 2;
  const corners = [
    [-halfLength, -halfWidth],
    [halfLength, -halfWidth],
    [halfLength, halfWidth],
    [-halfLength, halfWidth],
  ].map(([along, across]) =>
    unprojectPoint([cx + along! * ux - across! * uy, cy + along! * uy + across! * ux]),
  );
  const massing: Massing = {
    id: spec.id,
    footprint: [[...corners, corners[0]!]],
    storeys: spec.storeys ?? 4,
    storeyHeightMeters: spec.storeyHeightMeters ?? 3,
    uses: spec.uses ?? { housing: 1 },
    roofType: spec.roofType ?? 'flat',
    greenRoof: spec.greenRoof ?? false,
  };
  if (spec.subsidisedHousingShare !== undefined) massing.subsidisedHousingShare = spec.subsidisedHousingShare;
  return massing;
}
