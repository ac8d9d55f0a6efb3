import { useTranslation } from 'react-i18next';
import { HEAT_LOSS_CLASSES, type HeatLossLegend as Legend } from '../../domain/thermography/heatLossOverlay';

/** The overlay's classes with their colours (from the served legend) and what a cell's colour means. */
export function HeatLossLegend({ legend }: { legend: Legend }) {
  const { t } = useTranslation();
  return (
    <section className="heat-loss-legend" aria-labelledby="heat-loss-legend-title">
      <h3 id="heat-loss-legend-title">{t('heatLoss.legend.heading')}</h3>
      <p className="note">{t('heatLoss.legend.colourMeaning')}</p>
      <ul>
        {HEAT_LOSS_CLASSES.map((heatLossClass) => (
          <li key={heatLossClass} data-heat-loss-class={heatLossClass}>
            <span
              className="swatch"
              style={{ background: legend.colours[heatLossClass] }}
              aria-hidden="true"
            />
            {t('heatLoss.legend.classEntry', {
              class: heatLossClass,
              label: t(`heatLoss.legend.classes.${heatLossClass}`),
            })}
          </li>
        ))}
      </ul>
      <p className="note">{t('heatLoss.legend.minBuildings', { count: legend.minBuildingsPerCell })}</p>
    </section>
  );
}
