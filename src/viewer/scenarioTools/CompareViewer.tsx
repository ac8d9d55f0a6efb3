import { CesiumTerrainProvider, EllipsoidTerrainProvider, type Viewer as CesiumViewer } from 'cesium';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCesium, Viewer } from 'resium';
import { localize } from '../../domain/scenes/sceneDocument';
import type { ScenarioVariant } from '../../domain/scenarios/scenarioSchema';
import { useTwinStore } from '../../store/StoreContext';
import { BaseImageryLayer } from '../layers/BaseImageryLayer';
import { BuildingsLayer } from '../layers/BuildingsLayer';
import { useCompareCameraSync } from '../sync/useCompareCameraSync';
import { useMassingShadows } from '../sync/useMassingShadows';
import { useSunClock } from '../sync/useSunClock';
import { ComparedVariantLayer } from './ComparedVariantLayer';
import './compareView.css';
import { OFFLINE_VIEWER_OPTIONS } from '../offlineViewerOptions';

/** As the main viewer: offline, no Cesium widgets; no shadows (a second shadow map is too costly). */
const COMPARE_VIEWER_OPTIONS = { ...OFFLINE_VIEWER_OPTIONS, shadows: false } as const;

/** Runs inside the compare viewer: follows the main camera both ways and lights by the same sun. */
function CompareSync({ mainViewer }: { mainViewer: CesiumViewer | undefined }) {
  const { viewer } = useCesium();
  const sunTime = useTwinStore((state) => state.view.sunTime);
  useCompareCameraSync(mainViewer, viewer);
  useSunClock(viewer, sunTime);
  useMassingShadows(viewer);
  return null;
}

/**
 * The right half of the split view: a second Cesium viewer with the same base map and buildings and the compared
 * variant's massings. Cesium draws entities without `splitDirection`, so a swipe over one viewer cannot show two
 * variants' massings; two viewers with synchronised cameras can.
 */
export function CompareViewer({ variant }: { variant: ScenarioVariant }) {
  const { t } = useTranslation();
  const { viewer: mainViewer } = useCesium();
  const language = useTwinStore((state) => state.view.language);
  const terrainUrl = useTwinStore((state) => state.config.terrain?.url);
  const terrainProvider = useMemo(
    () => (terrainUrl ? CesiumTerrainProvider.fromUrl(terrainUrl) : new EllipsoidTerrainProvider()),
    [terrainUrl],
  );
  const title = localize(variant.title, language);
  return (
    <div className="compare-pane" data-testid="compare-pane">
      <Viewer
        {...COMPARE_VIEWER_OPTIONS}
        className="compare-viewer"
        terrainProvider={terrainProvider}
        containerProps={{ role: 'application', 'aria-label': t('scenarioCompare.viewB', { title }) }}
      >
        <CompareSync mainViewer={mainViewer} />
        <BaseImageryLayer />
        <BuildingsLayer />
        <ComparedVariantLayer variant={variant} />
      </Viewer>
      <p className="compare-label" aria-hidden="true">
        {t('scenarioCompare.labelB', { title })}
      </p>
    </div>
  );
}
