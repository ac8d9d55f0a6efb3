import { useTranslation } from 'react-i18next';
import type { HeatLossOverlayStatus as OverlayStatus } from '../../store/heatLossSlice';
import { useTwinStore } from '../../store/StoreContext';

/** The readiness the status shows: the store's loading state, plus whether the viewer has drawn the cells. */
function overlayStateOf(
  visible: boolean,
  loaded: OverlayStatus['state'],
  drawnCellCount: number | undefined,
): 'off' | 'loading' | 'drawn' | 'missing' | 'failed' {
  if (!visible) return 'off';
  if (loaded === 'ready') return drawnCellCount === undefined ? 'loading' : 'drawn';
  return loaded === 'idle' ? 'loading' : loaded;
}

/**
 * Where the public map stands: off, loading, missing, failed, or how many cells are drawn. The element carries
 * `data-heat-loss-overlay` (the state; `drawn` once the viewer has built the cells) and `data-heat-loss-cells`.
 */
export function HeatLossOverlayStatus() {
  const { t } = useTranslation();
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('heat-loss'));
  const overlay = useTwinStore((state) => state.heatLossOverlay);
  const drawnCellCount = useTwinStore((state) => state.heatLossDrawnCellCount);
  const state = overlayStateOf(visible, overlay.state, drawnCellCount);
  const text =
    state === 'drawn'
      ? t('heatLoss.status.drawn', { count: drawnCellCount })
      : state === 'failed'
        ? t('heatLoss.status.failed', { message: overlay.state === 'failed' ? overlay.message : '' })
        : t(`heatLoss.status.${state}`);
  return (
    <p
      className="note"
      role="status"
      data-heat-loss-overlay={state}
      data-heat-loss-cells={state === 'drawn' ? drawnCellCount : undefined}
    >
      {text}
    </p>
  );
}
