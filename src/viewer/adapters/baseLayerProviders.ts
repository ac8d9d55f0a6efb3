import {
  buildModuleUrl,
  Credit,
  TileMapServiceImageryProvider,
  UrlTemplateImageryProvider,
  WebMapTileServiceImageryProvider,
  type ImageryProvider,
} from 'cesium';
import type { BaseLayerConfig } from '../../domain/config/twinConfig';

/** The offline base layer: Natural Earth II, shipped inside CesiumJS's own assets. */
export const NATURAL_EARTH_LAYER_ID = 'natural-earth';

/** Creates the imagery provider for a base layer id; unknown ids fall back to the offline layer. */
export function createBaseImageryProvider(
  baseLayerId: string,
  configuredLayers: readonly BaseLayerConfig[],
): Promise<ImageryProvider> {
  const layer = configuredLayers.find((candidate) => candidate.id === baseLayerId);
  if (!layer) {
    return TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'));
  }
  const credit = new Credit(layer.attribution);
  if (layer.type === 'xyz') {
    return Promise.resolve(
      new UrlTemplateImageryProvider({ url: layer.url, maximumLevel: layer.maximumLevel, credit }),
    );
  }
  return Promise.resolve(
    new WebMapTileServiceImageryProvider({
      url: layer.url,
      layer: layer.layer,
      style: layer.style,
      tileMatrixSetID: layer.tileMatrixSetId,
      format: layer.format,
      maximumLevel: layer.maximumLevel,
      credit,
    }),
  );
}
