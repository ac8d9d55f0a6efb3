import type { RoofResult } from './classifyRoofs';
import { signedArea, type RoofOutline } from './roofOutline';

/** Roof area bands (m², lower bounds) that make "a building of similar size". */
export const ROOF_AREA_BANDS_SQUARE_METERS = [0, 100, 200, 500, 1000] as const;

/** Fewer classified buildings than this in a group: no comparison (the brief and the public map agree on 5). */
export const MIN_BUILDINGS_PER_COMPARISON_GROUP = 5;

/**
 * Fewer buildings than this outside a group's most common class: no comparison. A group of five where four share
 * a class would tell each of them the class of the others (the owner knows their own); with at least three outside
 * the most common class, even an owner who subtracts themselves still sees a mix. The public map asks for two
 * (nobody there knows a member's class for sure); the owner knows one member, hence one more.
 */
export const MIN_BUILDINGS_OUTSIDE_MOST_COMMON_CLASS = 3;

/** Whether a group may be shown to its members: large enough and mixed enough (see the two constants). */
export function isPublishableComparisonGroup(
  group: Pick<ComparisonGroup, 'buildingCount' | 'classCounts'>,
  minBuildings = MIN_BUILDINGS_PER_COMPARISON_GROUP,
): boolean {
  const mostCommon = Math.max(...group.classCounts);
  return (
    group.buildingCount >= minBuildings &&
    group.buildingCount - mostCommon >= MIN_BUILDINGS_OUTSIDE_MOST_COMMON_CLASS
  );
}

/** What makes buildings "similar"; `null` where the building does not say (or the level drops it). */
export interface ComparisonGroupKey {
  functionCode: string | null;
  roofTypeCode: string | null;
  /** Index into ROOF_AREA_BANDS_SQUARE_METERS; null for the whole flight. */
  areaBand: number | null;
}

/** A group of similar buildings, in aggregate only: how many there are and how they spread over the classes. */
export interface ComparisonGroup extends ComparisonGroupKey {
  key: string;
  /** `function-roof-size`: all three agree; `function-size`: roof type dropped; `flight`: every building. */
  level: 'function-roof-size' | 'function-size' | 'flight';
  buildingCount: number;
  /** Buildings per class 1–5. */
  classCounts: [number, number, number, number, number];
  /** Roof area band of the group, m² (upper bound null: open-ended). */
  areaBandSquareMeters: { min: number; max: number | null } | null;
}

/** Area seen from above of a roof outline (outer rings minus holes), m². */
export function roofAreaSquareMeters(roof: Pick<RoofOutline, 'polygons'>): number {
  let area = 0;
  for (const polygon of roof.polygons)
    polygon.forEach((ring, index) => (area += (index === 0 ? 1 : -1) * Math.abs(signedArea(ring))));
  return area;
}

/** The band index of an area. */
export function areaBandOf(areaSquareMeters: number): number {
  let band = 0;
  ROOF_AREA_BANDS_SQUARE_METERS.forEach((lower, index) => {
    if (areaSquareMeters >= lower) band = index;
  });
  return band;
}

const LEVELS: readonly ComparisonGroup['level'][] = ['function-roof-size', 'function-size', 'flight'];

function keyAt(level: ComparisonGroup['level'], roof: RoofOutline): ComparisonGroupKey {
  if (level === 'flight') return { functionCode: null, roofTypeCode: null, areaBand: null };
  return {
    functionCode: roof.functionCode ?? null,
    roofTypeCode: level === 'function-roof-size' ? (roof.roofTypeCode ?? null) : null,
    areaBand: areaBandOf(roofAreaSquareMeters(roof)),
  };
}

function keyText(level: ComparisonGroup['level'], key: ComparisonGroupKey): string {
  return [level, key.functionCode ?? '-', key.roofTypeCode ?? '-', key.areaBand ?? '-'].join('|');
}

/**
 * Groups the classified buildings by function, roof type and roof area band and counts their classes. Each
 * building is compared with the most specific group that holds at least `minBuildings` classified buildings and
 * a mix of classes (`isPublishableComparisonGroup`; roof type dropped next, then the whole flight); other groups
 * are never published, so no comparison reveals the class of a handful of identifiable buildings. Buildings
 * without data join no group.
 */
export function aggregateSimilarBuildings(
  results: readonly RoofResult[],
  roofs: readonly RoofOutline[],
  minBuildings = MIN_BUILDINGS_PER_COMPARISON_GROUP,
): { groups: ComparisonGroup[]; groupKeyByBuilding: Map<string, string> } {
  const roofById = new Map(roofs.map((roof) => [roof.buildingId, roof]));
  const counted = new Map<string, ComparisonGroup>();
  const classified = results.flatMap((result) => {
    const roof = roofById.get(result.buildingId);
    return result.status === 'classified' && roof ? [{ result, roof }] : [];
  });
  for (const { result, roof } of classified)
    for (const level of LEVELS) {
      const key = keyAt(level, roof);
      const text = keyText(level, key);
      let group = counted.get(text);
      if (!group) {
        group = {
          ...key,
          key: text,
          level,
          buildingCount: 0,
          classCounts: [0, 0, 0, 0, 0],
          areaBandSquareMeters:
            key.areaBand === null
              ? null
              : {
                  min: ROOF_AREA_BANDS_SQUARE_METERS[key.areaBand]!,
                  max: ROOF_AREA_BANDS_SQUARE_METERS[key.areaBand + 1] ?? null,
                },
        };
        counted.set(text, group);
      }
      group.buildingCount += 1;
      group.classCounts[result.heatLossClass - 1]! += 1;
    }
  const groupKeyByBuilding = new Map<string, string>();
  const used = new Set<string>();
  for (const { roof } of classified)
    for (const level of LEVELS) {
      const text = keyText(level, keyAt(level, roof));
      if (isPublishableComparisonGroup(counted.get(text)!, minBuildings)) {
        groupKeyByBuilding.set(roof.buildingId, text);
        used.add(text);
        break;
      }
    }
  const groups = [...counted.values()]
    .filter((group) => used.has(group.key))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { groups, groupKeyByBuilding };
}
