import { formatJsonPath, type ValidationIssue } from '../validation/issues';
import {
  corridorSchema,
  type Corridor,
  type CorridorScene,
  type LonLat,
  type RestrictionZone,
} from './corridorScene';
import type { CorridorHeight } from './heightLimits';

/** Where edits made in the browser are reported: they are not saved anywhere but in the page. */
export const EDITED_CORRIDOR_FILE = 'browser edit';

/** What a corridor drawn in the app starts with; every value can be edited afterwards. */
export const DRAWN_CORRIDOR_DEFAULTS = {
  widthMeters: 40,
  floor: { reference: 'AGL', heightMeters: 40 },
  ceiling: { reference: 'AGL', heightMeters: 100 },
  cruiseSpeedMetersPerSecond: 15,
} as const satisfies Pick<Corridor, 'widthMeters' | 'floor' | 'ceiling' | 'cruiseSpeedMetersPerSecond'>;

/** The first free id `drawn-1`, `drawn-2` … among the corridors. */
export function nextDrawnCorridorId(corridors: readonly { id: string }[]): string {
  const taken = new Set(corridors.map((corridor) => corridor.id));
  let number = 1;
  while (taken.has(`drawn-${number}`)) number++;
  return `drawn-${number}`;
}

/** A new corridor along points clicked on the model, with the defaults above (specific category, weekdays 7–19). */
export function createDrawnCorridor(id: string, centreLine: readonly LonLat[], number: number): Corridor {
  return {
    id,
    name: { de: `Neuer Korridor ${number}`, en: `New corridor ${number}` },
    purpose: 'other',
    operationCategory: 'specific',
    centreLine: centreLine.map(([longitude, latitude]) => [longitude, latitude] as LonLat),
    widthMeters: DRAWN_CORRIDOR_DEFAULTS.widthMeters,
    floor: { ...DRAWN_CORRIDOR_DEFAULTS.floor },
    ceiling: { ...DRAWN_CORRIDOR_DEFAULTS.ceiling },
    cruiseSpeedMetersPerSecond: DRAWN_CORRIDOR_DEFAULTS.cruiseSpeedMetersPerSecond,
    operatingHours: [{ weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '19:00' }],
    accuracyMeters: 5,
    source: 'Drawn in the app',
  };
}

/** One change a planner makes to a corridor; plain data, so the store can apply and a test can replay it. */
export type CorridorEdit =
  | { kind: 'movePoint'; index: number; point: LonLat }
  | { kind: 'insertPoint'; afterIndex: number }
  | { kind: 'removePoint'; index: number }
  | { kind: 'setWidth'; widthMeters: number }
  | { kind: 'setHeight'; which: 'floor' | 'ceiling'; height: CorridorHeight }
  | { kind: 'setSpeed'; cruiseSpeedMetersPerSecond: number };

/** The corridor after an edit (not yet validated: see validateCorridor). */
export function applyCorridorEdit(corridor: Corridor, edit: CorridorEdit): Corridor {
  const line = corridor.centreLine;
  switch (edit.kind) {
    case 'movePoint':
      return {
        ...corridor,
        centreLine: line.map((point, index) => (index === edit.index ? edit.point : point)),
      };
    case 'insertPoint': {
      const from = line[edit.afterIndex];
      const to = line[edit.afterIndex + 1];
      if (!from) return corridor;
      // Between two points: their middle; after the last: as far again as the last segment reaches.
      const previous = line[edit.afterIndex - 1];
      const inserted: LonLat = to
        ? [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2]
        : previous
          ? [from[0] + (from[0] - previous[0]) / 2, from[1] + (from[1] - previous[1]) / 2]
          : [from[0] + 0.001, from[1]];
      return {
        ...corridor,
        centreLine: [...line.slice(0, edit.afterIndex + 1), inserted, ...line.slice(edit.afterIndex + 1)],
      };
    }
    case 'removePoint':
      // A centre line needs two points.
      if (line.length <= 2) return corridor;
      return { ...corridor, centreLine: line.filter((_, index) => index !== edit.index) };
    case 'setWidth':
      return { ...corridor, widthMeters: edit.widthMeters };
    case 'setHeight':
      return { ...corridor, [edit.which]: edit.height };
    case 'setSpeed':
      return { ...corridor, cruiseSpeedMetersPerSecond: edit.cruiseSpeedMetersPerSecond };
  }
}

/**
 * Checks an edited corridor against the document schema; each issue names the corridor (as the item) and the
 * field, e.g. `$.corridors[lab-ukm].ceiling.heightMeters`.
 */
export function validateCorridor(corridor: Corridor, file: string = EDITED_CORRIDOR_FILE): ValidationIssue[] {
  const result = corridorSchema.safeParse(corridor);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    code: issue.code,
    file,
    path: formatJsonPath(['corridors', corridor.id, ...issue.path]),
    message: issue.message,
  }));
}

/** A corridor document with the corridors as edited, to download and put into `scenes/`. */
export function corridorSceneForExport(
  scene: CorridorScene | undefined,
  corridors: readonly Corridor[],
  restrictionZones: readonly RestrictionZone[],
): string {
  const document: CorridorScene = {
    $schema: './schema/scene.schema.json',
    schemaVersion: 1,
    kind: 'corridor',
    id: scene ? `${scene.id}-edited` : 'drone-corridors-edited',
    title: scene
      ? { de: `${scene.title.de} (bearbeitet)`, en: `${scene.title.en ?? scene.title.de} (edited)` }
      : { de: 'Drohnenkorridore (bearbeitet)', en: 'Drone corridors (edited)' },
    ...(scene?.description ? { description: scene.description } : {}),
    corridors: [...corridors],
    restrictionZones: [...restrictionZones],
    ...(scene?.airspaceFiles ? { airspaceFiles: scene.airspaceFiles } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
