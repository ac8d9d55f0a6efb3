import {
  Cartesian3,
  Cesium3DTileColorBlendMode,
  ClippingPolygon,
  ClippingPolygonCollection,
  ShadowMode,
  type Cesium3DTile,
  type Cesium3DTileFeature,
  type Cesium3DTileset as CesiumTileset,
} from 'cesium';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Cesium3DTileset } from 'resium';
import { resolveTilesUrl } from '../../domain/config/twinConfig';
import { creditText } from '../../domain/buildings/tiles/tilesetJson';
import { selectBuildingsToHide } from '../../domain/scenarios/existingBuildings';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';
import { createBuildingStyle } from '../adapters/buildingStyle';
import { readFeatureProperties } from '../adapters/featureProperties';
import { findFeatureInContent, findLoadedFeature } from '../adapters/findLoadedFeature';

/** Streams the buildings tileset and styles it from the store: colour scheme, selection, hidden buildings, shadows. */
export function BuildingsLayer() {
  const store = useTwinStoreApi();
  const tilesBaseUrl = useTwinStore((state) => state.config.tilesBaseUrl);
  const tilesetName = useTwinStore((state) => state.config.buildingsTileset);
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('buildings'));
  const scheme = useTwinStore((state) => state.view.buildingColorScheme);
  const selectedBuildingId = useTwinStore((state) => state.view.selectedBuildingId);
  const hiddenBuildingIds = useTwinStore((state) => state.view.hiddenBuildingIds);
  const shadows = useTwinStore((state) => state.view.shadows);
  const scenario = useTwinStore((state) =>
    state.scenarios.find((entry) => entry.id === state.view.scenarioId),
  );
  const searchEntries = useTwinStore((state) => state.searchEntries);
  const url = resolveTilesUrl({ tilesBaseUrl }, `${tilesetName}/tileset.json`);
  // A clipping polygon cannot spare the buildings a quarter keeps inside its site (e.g. listed ones): then the
  // others inside the site are hidden one by one, found by their positions in the search index. Without an
  // index the site is clipped as a whole.
  const keepsBuildingsInsideSite =
    scenario?.existingBuildings.removeAllInsideSite === true && scenario.existingBuildings.keep.length > 0;
  const hiddenInsideSite = useMemo(
    () =>
      scenario && keepsBuildingsInsideSite && searchEntries
        ? selectBuildingsToHide(scenario, searchEntries)
        : undefined,
    [scenario, keepsBuildingsInsideSite, searchEntries],
  );
  const style = useMemo(
    () =>
      createBuildingStyle(
        scheme,
        selectedBuildingId,
        new Set([
          ...hiddenBuildingIds,
          ...(scenario?.existingBuildings.remove.map((entry) => entry.buildingId) ?? []),
          ...(hiddenInsideSite ?? []),
        ]),
      ),
    [scheme, selectedBuildingId, hiddenBuildingIds, scenario, hiddenInsideSite],
  );

  // A building selected by a link or the search has no attributes yet: read them from its tile, which is either
  // loaded already or arrives later (onTileLoad).
  const tilesetRef = useRef<CesiumTileset | undefined>(undefined);
  const [tilesetReady, setTilesetReady] = useState(0);

  // An open planning quarter replaces what stands on its site: the tileset is clipped inside the boundary.
  const clipRing =
    scenario?.existingBuildings.removeAllInsideSite && !hiddenInsideSite
      ? scenario.site.boundary[0]
      : undefined;
  useEffect(() => {
    const tileset = tilesetRef.current;
    if (!tileset || tileset.isDestroyed()) return;
    tileset.clippingPolygons = clipRing
      ? new ClippingPolygonCollection({
          polygons: [
            new ClippingPolygon({ positions: Cartesian3.fromDegreesArray(clipRing.slice(0, -1).flat()) }),
          ],
        })
      : new ClippingPolygonCollection();
  }, [tilesetReady, clipRing]);
  const completeSelection = useCallback(
    (find: (sourceId: string) => Cesium3DTileFeature | undefined) => {
      const { view, selectedBuildingProperties } = store.getState();
      if (view.selectedBuildingId === undefined || selectedBuildingProperties) return;
      const feature = find(view.selectedBuildingId);
      if (feature) store.getState().selectBuilding(view.selectedBuildingId, readFeatureProperties(feature));
    },
    [store],
  );
  useEffect(() => {
    const tileset = tilesetRef.current;
    if (tileset && !tileset.isDestroyed())
      completeSelection((sourceId) => findLoadedFeature(tileset, sourceId));
  }, [selectedBuildingId, completeSelection]);
  const onTileLoad = useCallback(
    (tile: Cesium3DTile) => completeSelection((sourceId) => findFeatureInContent(tile.content, sourceId)),
    [completeSelection],
  );
  const onReady = useCallback(
    (tileset: CesiumTileset) => {
      tilesetRef.current = tileset;
      setTilesetReady((count) => count + 1);
      const credits = (tileset.asset as { extras?: { cesium?: { credits?: { html?: unknown }[] } } }).extras
        ?.cesium?.credits;
      const attribution = (credits ?? [])
        .flatMap((credit) => (typeof credit.html === 'string' ? [creditText(credit.html)] : []))
        .join('; ');
      store.getState().setBuildingsStatus({ state: 'ready', ...(attribution ? { attribution } : {}) });
    },
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
