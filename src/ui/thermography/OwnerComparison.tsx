import { useTranslation } from 'react-i18next';
import { HEAT_LOSS_LEGEND } from '../../domain/thermography/aggregateHeatLossGrid';
import { comparisonSharesPercent, type OwnerDocument } from '../../domain/thermography/ownerDocument';

/** How similar buildings spread over the classes, in aggregate (groups of at least 5; none below). */
export function OwnerComparison({ document }: { document: OwnerDocument }) {
  const { t } = useTranslation();
  const { comparison, result } = document;
  const band = comparison?.areaBandSquareMeters;
  const ownClass = result.status === 'classified' ? result.heatLossClass : undefined;
  return (
    <section className="owner-comparison" aria-labelledby="owner-comparison-title">
      <h4 id="owner-comparison-title">{t('thermographyOwner.comparison.heading')}</h4>
      {comparison ? (
        <>
          <p>
            {t(`thermographyOwner.comparison.levels.${comparison.level}`, {
              count: comparison.buildingCount,
              size: band
                ? band.max === null
                  ? t('thermographyOwner.comparison.openBand', { min: band.min })
                  : t('thermographyOwner.comparison.band', { min: band.min, max: band.max })
                : '',
            })}
          </p>
          <ul className="owner-comparison-bars" data-comparison-count={comparison.buildingCount}>
            {comparisonSharesPercent(comparison).map((percent, index) => {
              const entry = HEAT_LOSS_LEGEND[index]!;
              return (
                <li key={entry.class} data-heat-loss-class={entry.class}>
                  <span className="comparison-label">
                    {t('thermographyOwner.comparison.classShare', { class: entry.class, percent })}
                    {entry.class === ownClass && ` ${t('thermographyOwner.comparison.yours')}`}
                  </span>
                  <span className="comparison-bar" aria-hidden="true">
                    <span style={{ width: `${percent}%`, background: entry.colour }} />
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p>{t('thermographyOwner.comparison.tooFew')}</p>
      )}
    </section>
  );
}
