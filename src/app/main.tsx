import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { formatIssue } from '../domain/validation/issues';
import { readViewFromSearch } from '../domain/view/urlState';
import { MUENSTER_FALLBACK_CAMERA } from '../domain/view/cameraPose';
import { createTwinStore } from '../store/createTwinStore';
import { createSensorLive } from '../store/sensorLive';
import { StoreProvider } from '../store/StoreContext';
import { setupI18n } from '../ui/i18n/setupI18n';
import { isPresenterWindow } from '../ui/workshop/presenterChannel';
import { PresenterNotesWindow } from '../ui/workshop/PresenterNotesWindow';
import { App } from './App';
import { startCorridorChecks } from './corridorChecks';
import { loadCorridors } from './loadCorridors';
import { startHeatLossOverlayLoading } from './loadHeatLossOverlay';
import { loadScenarios } from './loadScenarios';
import { loadSearchIndex } from './loadSearchIndex';
import { loadStoryboards } from './loadStoryboards';
import { loadStartupDocuments } from './loadStartupDocuments';
import { fetchSensorHistory, startSensorFeed } from './sensorFeed';
import { startSunlightHoursWorker } from './sunlightHoursWorkerClient';
import { startUrlSync } from './urlSync';
import './styles.css';

async function start(): Promise<void> {
  const { config, overviewScene, issues } = await loadStartupDocuments();
  // On the console too, for the administrator who opens the developer tools.
  for (const issue of issues) console.error(formatIssue(issue));
  const homeCamera = overviewScene?.camera ?? MUENSTER_FALLBACK_CAMERA;
  const knownBaseLayerIds = ['natural-earth', ...config.baseLayers.map((layer) => layer.id)];
  const linkedView = readViewFromSearch(window.location.search, {
    camera: homeCamera,
    visibleLayerIds: ['buildings', 'places', 'sensors'],
    baseLayerId: config.defaultBaseLayerId,
    language: 'de',
    buildingColorScheme: 'plain',
    selectedBuildingId: undefined,
    shadows: false,
    hiddenBuildingIds: [],
    selectedSensorId: undefined,
    sensorPhenomenon: undefined,
    scenarioId: undefined,
    variantId: undefined,
  });
  const view = knownBaseLayerIds.includes(linkedView.baseLayerId)
    ? linkedView
    : { ...linkedView, baseLayerId: config.defaultBaseLayerId };
  const store = createTwinStore(view, homeCamera);
  store.getState().setConfig(config);
  if (overviewScene) store.getState().setOverviewScene(overviewScene);
  store.getState().addIssues(issues);
  const i18n = await setupI18n(view.language);
  if (isPresenterWindow(window.location.search)) {
    // The presenter view (notes in a second window) draws no 3D view; it talks to the presenting window only.
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <PresenterNotesWindow />
        </I18nextProvider>
      </StrictMode>,
    );
    return;
  }
  startUrlSync(store, window);
  const sensorLive = createSensorLive({
    loadHistory: (sensorId, phenomenon, from, to) => fetchSensorHistory(sensorId, phenomenon, from, to),
  });
  startSensorFeed(store, sensorLive);
  // Storyboards after the quarters: their steps refer to them.
  void loadScenarios(store).then(() => loadStoryboards(store));
  startSunlightHoursWorker(store);
  startCorridorChecks(store);
  void loadCorridors(store);
  startHeatLossOverlayLoading(store);
  // The address index (about 1 MB for 20,000 addresses) waits until the first view is complete, so it does not
  // compete with the tiles the user is waiting for.
  const stopWaiting = store.subscribe((state) => {
    if (!state.loading.firstViewComplete) return;
    stopWaiting();
    void loadSearchIndex(store, config.buildingsTileset);
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreProvider store={store} sensorLive={sensorLive}>
          <App />
        </StoreProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
