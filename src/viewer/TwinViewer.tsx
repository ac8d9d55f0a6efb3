import 'cesium/Build/Cesium/Widgets/widgets.css';
import { CesiumTerrainProvider, EllipsoidTerrainProvider } from 'cesium';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCesium, Viewer } from 'resium';
import { useMapCapturePort } from '../store/mapCapture';
import { useTwinStore, useTwinStoreApi } from '../store/StoreContext';
import { BaseImageryLayer } from './layers/BaseImageryLayer';
import { BuildingsLayer } from './layers/BuildingsLayer';
import { CorridorLayer } from './layers/CorridorLayer';
import { HeatLossLayer } from './layers/HeatLossLayer';
import { MeasureLayer } from './layers/MeasureLayer';
import { OwnerRoofLayer } from './layers/OwnerRoofLayer';
import { PlacesLayer } from './layers/PlacesLayer';
import { ScenarioLayer } from './layers/ScenarioLayer';
import { ScenarioToolsLayer } from './scenarioTools/ScenarioToolsLayer';
import { SensorsLayer } from './layers/SensorsLayer';
import { WorkshopPinsLayer } from './layers/WorkshopPinsLayer';
import { useMassingDrag } from './sync/useMassingDrag';
import { useModelClicks } from './sync/useModelClicks';
import { useCameraSync } from './sync/useCameraSync';
import { useCorridorPointDrag } from './sync/useCorridorPointDrag';
import { useDaylightClock } from './sync/useDaylightClock';
import { useLoadingSync } from './sync/useLoadingSync';
import { useMapCaptureSource } from './sync/useMapCaptureSource';
import { OFFLINE_VIEWER_OPTIONS } from './offlineViewerOptions';

/** Runs the hooks that reconcile Cesium with the store; Resium renders children only once the viewer exists. */
function ViewerSync() {
  const { viewer } = useCesium();
  const store = useTwinStoreApi();
  useCameraSync(viewer, store);
  useLoadingSync(viewer, store);
  useModelClicks(viewer, store);
  useMassingDrag(viewer, store);
  useCorridorPointDrag(viewer, store);
  useDaylightClock(viewer);
  useMapCaptureSource(viewer, useMapCapturePort());
  return null;
}

/** The 3D view: a projection of the store, never a second source of truth. */
export function TwinViewer() {
  const { t } = useTranslation();
  const terrainUrl = useTwinStore((state) => state.config.terrain?.url);
  // The scene's shadow map; each tileset decides whether it casts and receives (see BuildingsLayer).
  const shadows = useTwinStore((state) => state.view.shadows);
  // Offline, the ground is the plain WGS84 ellipsoid; a configured terrain server replaces it.
  const terrainProvider = useMemo(
    () => (terrainUrl ? CesiumTerrainProvider.fromUrl(terrainUrl) : new EllipsoidTerrainProvider()),
    [terrainUrl],
  );
  return (
    <Viewer
      {...OFFLINE_VIEWER_OPTIONS}
      className="twin-viewer"
      terrainProvider={terrainProvider}
      shadows={shadows}
      containerProps={{ role: 'application', 'aria-label': t('viewer.label') }}
    >
      <ViewerSync />
      <BaseImageryLayer />
      <BuildingsLayer />
      <HeatLossLayer />
      <PlacesLayer />
      <SensorsLayer />
      <ScenarioLayer />
      <CorridorLayer />
      <ScenarioToolsLayer />
      <MeasureLayer />
      <OwnerRoofLayer />
      <WorkshopPinsLayer />
    </Viewer>
  );
}
