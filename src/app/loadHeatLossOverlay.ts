import { resolveTilesUrl } from '../domain/config/twinConfig';
import {
  DEFAULT_HEAT_LOSS_LEGEND,
  parseHeatLossLegend,
  parseHeatLossOverlay,
} from '../domain/thermography/heatLossOverlay';
import { formatIssue, type ValidationIssue } from '../domain/validation/issues';
import type { TwinStore } from '../store/createTwinStore';

/** The public aggregated cells (the server reads the pipeline's file); never anything per building. */
export const HEAT_LOSS_OVERLAY_URL = '/api/thermography/overlay';
const LEGEND_FILE = 'thermography/heat-loss-legend.json';

function report(store: TwinStore, issues: readonly ValidationIssue[]): void {
  for (const issue of issues) console.error(formatIssue(issue));
  store.getState().addIssues(issues);
}

/** Loads the overlay and its legend into the store; a missing overlay (no flight processed) is not an error. */
export async function loadHeatLossOverlay(store: TwinStore): Promise<void> {
  store.getState().setHeatLossOverlay({ state: 'loading' });
  const legendUrl = resolveTilesUrl(store.getState().config, LEGEND_FILE);
  try {
    const [overlayResponse, legendResponse] = await Promise.all([
      fetch(HEAT_LOSS_OVERLAY_URL, { cache: 'no-cache' }),
      fetch(legendUrl, { cache: 'no-cache' }).catch(() => undefined),
    ]);
    if (overlayResponse.status === 404) {
      store.getState().setHeatLossOverlay({ state: 'missing', message: HEAT_LOSS_OVERLAY_URL });
      return;
    }
    if (!overlayResponse.ok) throw new Error(`${HEAT_LOSS_OVERLAY_URL}: HTTP ${overlayResponse.status}`);
    const overlay = parseHeatLossOverlay(await overlayResponse.json(), HEAT_LOSS_OVERLAY_URL);
    const legend = legendResponse?.ok
      ? parseHeatLossLegend(await legendResponse.json().catch(() => undefined), legendUrl)
      : { legend: DEFAULT_HEAT_LOSS_LEGEND, issues: [] };
    report(store, [...overlay.issues, ...legend.issues]);
    if (overlay.issues.length > 0) {
      store.getState().setHeatLossOverlay({ state: 'failed', message: formatIssue(overlay.issues[0]!) });
      return;
    }
    store.getState().setHeatLossOverlay({ state: 'ready', cells: overlay.cells, legend: legend.legend });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report(store, [{ code: 'load_failed', file: HEAT_LOSS_OVERLAY_URL, path: '$', message }]);
    store.getState().setHeatLossOverlay({ state: 'failed', message });
  }
}

/** Loads the overlay the first time its layer is switched on (it is off by default, so most visits never fetch it). */
export function startHeatLossOverlayLoading(store: TwinStore): () => void {
  const loadWhenShown = () => {
    const state = store.getState();
    if (state.heatLossOverlay.state !== 'idle' || !state.view.visibleLayerIds.includes('heat-loss')) return;
    void loadHeatLossOverlay(store);
  };
  loadWhenShown();
  return store.subscribe(loadWhenShown);
}
