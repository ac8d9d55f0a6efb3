import { Entity } from 'cesium';

/** Entity ids of the corridor layer, so a click can tell what it hit: `<prefix><id>`. */
export const CORRIDOR_ENTITY_PREFIX = 'corridor:';
export const FINDING_ENTITY_PREFIX = 'corridor-finding:';
export const CORRIDOR_POINT_ENTITY_PREFIX = 'corridor-point:';
/** A corridor's simulated drone; picking it picks its corridor. */
export const DRONE_ENTITY_PREFIX = 'corridor-drone:';

/** What a pick on the corridor layer hit, read from the picked entity's id. */
export type CorridorPick =
  | { kind: 'corridor'; corridorId: string }
  | { kind: 'finding'; findingId: string }
  | { kind: 'point'; index: number };

export function readCorridorPick(picked: unknown): CorridorPick | undefined {
  const entity = (picked as { id?: unknown } | undefined)?.id;
  if (!(entity instanceof Entity)) return undefined;
  const id = entity.id;
  if (id.startsWith(FINDING_ENTITY_PREFIX))
    return { kind: 'finding', findingId: id.slice(FINDING_ENTITY_PREFIX.length) };
  if (id.startsWith(CORRIDOR_POINT_ENTITY_PREFIX))
    return { kind: 'point', index: Number(id.slice(CORRIDOR_POINT_ENTITY_PREFIX.length)) };
  if (id.startsWith(DRONE_ENTITY_PREFIX))
    return { kind: 'corridor', corridorId: id.slice(DRONE_ENTITY_PREFIX.length) };
  if (id.startsWith(CORRIDOR_ENTITY_PREFIX))
    return { kind: 'corridor', corridorId: id.slice(CORRIDOR_ENTITY_PREFIX.length) };
  return undefined;
}
