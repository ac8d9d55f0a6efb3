import { useTranslation } from 'react-i18next';
import { summarizeHeatLossCell } from '../../domain/thermography/heatLossOverlay';
import { selectedHeatLossCell } from '../../store/heatLossSlice';
import { useTwinStore } from '../../store/StoreContext';

/** The aggregate of the heat-loss cell picked on the map: how many buildings and the share of roofs per class. */
export function HeatLossCellInfo() {
  const { t, i18n } = useTranslation();
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('heat-loss'));
  const cell = useTwinStore(selectedHeatLossCell);
  const overlay = useTwinStore((state) => state.heatLossOverlay);
  const selectHeatLossCell = useTwinStore((state) => state.selectHeatLossCell);
  if (!visible || !cell || overlay.state !== 'ready') return null;
  const summary = summarizeHeatLossCell(cell);
  const legend = overlay.legend;
  return (
    <section
      className="building-info heat-loss-cell"
      aria-labelledby="heat-loss-cell-title"
      data-heat-loss-cell={cell.id}
    >
      <header>
        <h2 id="heat-loss-cell-title">{t('heatLoss.cell.heading')}</h2>
        <button
          type="button"
          onClick={() => selectHeatLossCell(undefined)}
          aria-label={t('heatLoss.cell.close')}
        >
          ×
        </button>
      </header>
      <p>
        {t('heatLoss.cell.size', { size: legend.cellSizeMeters })}
        <br />
        <strong data-heat-loss-buildings={summary.buildings}>
          {t('heatLoss.cell.buildings', { count: summary.buildings })}
        </strong>
        <br />
        {t('heatLoss.cell.mean', {
          value: summary.meanClass.toLocaleString(i18n.language, { minimumFractionDigits: 1 }),
          label: t(`heatLoss.legend.classes.${summary.displayedClass}`),
        })}
      </p>
      <table className="heat-loss-shares">
        <caption>{t('heatLoss.cell.sharesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('heatLoss.cell.classColumn')}</th>
            <th scope="col">{t('heatLoss.cell.shareColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.shares.map((share) => (
            <tr key={share.heatLossClass} data-heat-loss-class={share.heatLossClass}>
              <th scope="row">
                <span
                  className="swatch"
                  style={{ background: legend.colours[share.heatLossClass] }}
                  aria-hidden="true"
                />{' '}
                {t('heatLoss.legend.classEntry', {
                  class: share.heatLossClass,
                  label: t(`heatLoss.legend.classes.${share.heatLossClass}`),
                })}
              </th>
              <td>{t('heatLoss.cell.percent', { value: share.percent })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t('heatLoss.cell.aggregateOnly')}</p>
    </section>
  );
}
