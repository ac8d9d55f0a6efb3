import type { Cesium3DTile, Cesium3DTileContent, Cesium3DTileFeature, Cesium3DTileset } from 'cesium';

/** The feature with this source id in one tile's content, if it is there. */
export function findFeatureInContent(
  content: Cesium3DTileContent,
  sourceId: string,
): Cesium3DTileFeature | undefined {
  for (let index = 0; index < content.featuresLength; index++) {
    const feature = content.getFeature(index);
    if (feature.getProperty('sourceId') === sourceId) return feature;
  }
  return undefined;
}

/** The feature with this source id among the tiles loaded right now. */
export function findLoadedFeature(
  tileset: Cesium3DTileset,
  sourceId: string,
): Cesium3DTileFeature | undefined {
  const pending: Cesium3DTile[] = [tileset.root];
  while (pending.length > 0) {
    const tile = pending.pop()!;
    // Typed as always present, but undefined until the tile's content has loaded.
    const content = tile.content as Cesium3DTileContent | undefined;
    if (content && content.featuresLength > 0) {
      const feature = findFeatureInContent(content, sourceId);
      if (feature) return feature;
    }
    pending.push(...tile.children);
  }
  return undefined;
}
