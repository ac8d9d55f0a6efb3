import { ConstantProperty, ShadowMode, type Entity, type EntityCollection, type Viewer } from 'cesium';
import { useEffect } from 'react';

/** Ids ScenarioLayer (and the compared variant's layer) give their massing entities. */
const MASSING_ID_PREFIXES = ['scenario-massing:', 'compare-massing:'];

function castShadows(entities: readonly Entity[]): void {
  for (const entity of entities) {
    if (entity.polygon && MASSING_ID_PREFIXES.some((prefix) => entity.id.startsWith(prefix)))
      entity.polygon.shadows = new ConstantProperty(ShadowMode.ENABLED);
  }
}

/**
 * Lets the planned massings cast and receive sun shadows like the buildings tileset. Entities cast none by
 * default; this only matters while the scene's shadows are on (view.shadows), so it is set once per entity.
 */
export function useMassingShadows(viewer: Viewer | undefined): void {
  useEffect(() => {
    if (!viewer || viewer.isDestroyed()) return;
    const entities = viewer.entities;
    castShadows(entities.values);
    return entities.collectionChanged.addEventListener((_collection: EntityCollection, added: Entity[]) =>
      castShadows(added),
    );
  }, [viewer]);
}
