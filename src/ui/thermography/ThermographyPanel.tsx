import { useTranslation } from 'react-i18next';
import { DEFAULT_HEAT_LOSS_LEGEND } from '../../domain/thermography/heatLossOverlay';
import { useTwinStore } from '../../store/StoreContext';
import { HeatLossExplanation } from './HeatLossExplanation';
import { HeatLossLegend } from './HeatLossLegend';
import { HeatLossOverlayStatus } from './HeatLossOverlayStatus';
import { OwnerPortal } from './OwnerPortal';

/** The thermography panel: the public heat-loss map (switch, state, legend, explanation), then the owners' part. */
export function ThermographyPanel() {
  const { t, i18n } = useTranslation();
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('heat-loss'));
  const setLayerVisible = useTwinStore((state) => state.setLayerVisible);
  const overlay = useTwinStore((state) => state.heatLossOverlay);
  const legend = overlay.state === 'ready' ? overlay.legend : DEFAULT_HEAT_LOSS_LEGEND;
  const flightDate = legend.flightDate && new Date(legend.flightDate);
  return (
    <div className="panel-body thermography-panel">
      <h3>{t('heatLoss.heading')}</h3>
      <p>{t('heatLoss.intro', { size: legend.cellSizeMeters })}</p>
      {flightDate && !Number.isNaN(flightDate.getTime()) && (
        <p>
          {t('heatLoss.flightDate', {
            date: flightDate.toLocaleString(i18n.language, {
              dateStyle: 'long',
              timeStyle: 'short',
              timeZone: 'Europe/Berlin',
            }),
          })}
        </p>
      )}
      <label className="check-row">
        <input
          type="checkbox"
          checked={visible}
          onChange={(event) => setLayerVisible('heat-loss', event.target.checked)}
        />
        {t('layers.heat-loss')}
      </label>
      {legend.attribution && <p className="note">{t('heatLoss.source', { source: legend.attribution })}</p>}
      <HeatLossOverlayStatus />
      <HeatLossLegend legend={legend} />
      <HeatLossExplanation
        minBuildingsPerCell={legend.minBuildingsPerCell}
        mayBeSimulated={legend.simulated !== false}
      />
      <OwnerPortal />
    </div>
  );
}
