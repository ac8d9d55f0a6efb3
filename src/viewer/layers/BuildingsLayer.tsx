import {
  Cesium3DTileColorBlendMode,
  ShadowMode,
  type Cesium3DTile,
  type Cesium3DTileset as CesiumTileset,
} from 'cesium';
import { useCallback, useMemo } from 'react';
import { Cesium3DTileset } from 'resium';
import { DEFAULT_BUILDINGS_TILESET } from '../../domain/buildings/tilesetNames';
import { resolveTilesUrl } from '../../domain/config/twinConfig';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';
import { createBuildingStyle } from '../adapters/buildingStyle';
import { readFeatureProperties } from '../adapters/featureProperties';

/** Streams the buildings tileset and styles it from the store: colour scheme, selection, hidden buildings, shadows. */
export function BuildingsLayer() {
  const store = useTwinStoreApi();
  const tilesBaseUrl = useTwinStore((state) => state.config.tilesBaseUrl);
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('buildings'));
  const scheme = useTwinStore((state) => state.view.buildingColorScheme);
  const selectedBuildingId = useTwinStore((state) => state.view.selectedBuildingId);
  const hiddenBuildingIds = useTwinStore((state) => state.hiddenBuildingIds);
  const shadows = useTwinStore((state) => state.view.shadows);
  const url = resolveTilesUrl({ tilesBaseUrl }, `${DEFAULT_BUILDINGS_TILESET}/tileset.json`);
  const style = useMemo(
    () => createBuildingStyle(scheme, selectedBuildingId, new Set(hiddenBuildingIds)),
    [scheme, selectedBuildingId, hiddenBuildingIds],
  );

  // A building selected by a link or the search has no attributes yet: read them when its tile arrives.
  const onTileLoad = useCallback(
    (tile: Cesium3DTile) => {
      const { view, selectedBuildingProperties } = store.getState();
      if (view.selectedBuildingId === undefined || selectedBuildingProperties) return;
      const content = tile.content;
      for (let index = 0; index < content.featuresLength; index++) {
        const feature = content.getFeature(index);
        if (feature.getProperty('sourceId') === view.selectedBuildingId) {
          store.getState().selectBuilding(view.selectedBuildingId, readFeatureProperties(feature));
          return;
        }
      }
    },
    [store],
  );
  const onReady = useCallback(
    (_tileset: CesiumTileset) => store.getState().setBuildingsStatus({ state: 'ready' }),
    [store],
  );
  const onError = useCallback(
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const missing = /404|not found/i.test(message);
      store
        .getState()
        .setBuildingsStatus({ state: missing ? 'missing' : 'failed', message: `${url}: ${message}` });
    },
    [store, url],
  );
  return (
    <Cesium3DTileset
      url={url}
      show={visible}
      style={style}
      // Uniform colour keeps the tiles' red roofs (multiplied); a colour scheme replaces them, as its legend shows.
      colorBlendMode={
        scheme === 'plain' ? Cesium3DTileColorBlendMode.HIGHLIGHT : Cesium3DTileColorBlendMode.REPLACE
      }
      shadows={shadows ? ShadowMode.ENABLED : ShadowMode.DISABLED}
      onReady={onReady}
      onError={onError}
      onTileLoad={onTileLoad}
    />
  );
}
