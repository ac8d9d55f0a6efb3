/**
 * What casts shadows: prisms standing on the ground (a footprint with a height), the variant's massings and the
 * surrounding buildings. Indexed with flatbush (a static packed R-tree, mourner/flatbush) so a sun step only
 * looks at buildings whose shadow can reach the analysed area.
 */
import Flatbush from 'flatbush';
import { computeMassingFigures } from './keyFigures';
import {
  planarPolygonBounds,
  projectPolygon,
  type PlanarBounds,
  type PlanarPolygon,
} from './scenarioPlanarGeometry';
import type { Massing } from './scenarioSchema';

/** A prism on the ground: footprint on the EPSG:25832 plane (holes allowed), height above the ground. */
export interface ShadowCaster {
  id: string;
  footprint: PlanarPolygon;
  heightMeters: number;
}

/** Casters with their bounding boxes in a spatial index; build it once for the surroundings and reuse it. */
export interface ShadowCasterIndex {
  casters: readonly ShadowCaster[];
  bounds: readonly PlanarBounds[];
  /** Undefined when there are no casters (flatbush needs at least one item). */
  index: Flatbush | undefined;
  maxHeightMeters: number;
}

/** Builds the spatial index over a list of casters. */
export function createShadowCasterIndex(casters: readonly ShadowCaster[]): ShadowCasterIndex {
  const bounds = casters.map((caster) => planarPolygonBounds(caster.footprint));
  let index: Flatbush | undefined;
  if (casters.length > 0) {
    index = new Flatbush(casters.length);
    for (const [minX, minY, maxX, maxY] of bounds) index.add(minX, minY, maxX, maxY);
    index.finish();
  }
  const maxHeightMeters = casters.reduce((highest, caster) => Math.max(highest, caster.heightMeters), 0);
  return { casters, bounds, index, maxHeightMeters };
}

/** Indices of the casters whose bounding box meets a box. */
export function searchShadowCasters(casterIndex: ShadowCasterIndex, box: PlanarBounds): number[] {
  return casterIndex.index ? casterIndex.index.search(box[0], box[1], box[2], box[3]) : [];
}

/** A variant's massings as prisms: height = storeys × storey height (roof shapes are not modelled). */
export function shadowCastersFromMassings(massings: readonly Massing[]): ShadowCaster[] {
  return massings.map((massing) => ({
    id: massing.id,
    footprint: projectPolygon(massing.footprint),
    heightMeters: computeMassingFigures(massing).heightMeters,
  }));
}
