import { useTranslation } from 'react-i18next';

/**
 * Plain words on what a night-time thermal flight can and cannot tell, so nobody reads the map as a verdict; and,
 * unless the legend says the rasters were flown, that this flight is simulated.
 */
export function HeatLossExplanation({
  minBuildingsPerCell,
  mayBeSimulated,
}: {
  minBuildingsPerCell: number;
  mayBeSimulated: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="heat-loss-explanation-title">
      <h3 id="heat-loss-explanation-title">{t('heatLoss.explanation.heading')}</h3>
      <p>{t('heatLoss.explanation.can')}</p>
      <h4>{t('heatLoss.explanation.cannotHeading')}</h4>
      <ul className="heat-loss-limits">
        <li>{t('heatLoss.explanation.coldNight')}</li>
        <li>{t('heatLoss.explanation.glass')}</li>
        <li>{t('heatLoss.explanation.weather')}</li>
        <li>{t('heatLoss.explanation.attic')}</li>
        <li>{t('heatLoss.explanation.date')}</li>
      </ul>
      <p>{t('heatLoss.explanation.aggregate', { count: minBuildingsPerCell })}</p>
      {mayBeSimulated && <p className="note">{t('heatLoss.explanation.simulated')}</p>}
    </section>
  );
}
