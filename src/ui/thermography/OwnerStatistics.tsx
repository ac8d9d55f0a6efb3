import { useTranslation } from 'react-i18next';
import type { OwnerDocument } from '../../domain/thermography/ownerDocument';

/** The roof's statistics and the numbers the class was decided by (README of domain/thermography explains them). */
export function OwnerStatistics({ document }: { document: OwnerDocument }) {
  const { t, i18n } = useTranslation();
  const { result } = document;
  if (result.status !== 'classified')
    return (
      <p>
        {t(`thermographyOwner.noDataReasons.${result.reason}`, t('thermographyOwner.noDataReasons.other'))}
      </p>
    );
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const celsius = (value: number) => t('thermographyOwner.celsius', { value: number.format(value) });
  const { statistics, reference } = result;
  const air = Number(document.flight.airTemperatureCelsius);
  const rows: [string, string][] = [
    ['mean', celsius(statistics.meanCelsius)],
    ['median', celsius(statistics.medianCelsius)],
    ['percentile90', celsius(statistics.percentile90Celsius)],
    ['max', celsius(statistics.maxCelsius)],
    ['warmShare', t('thermographyOwner.percent', { value: whole.format(result.warmAreaShare * 100) })],
    ['reference', celsius(reference.referenceCelsius)],
    ['threshold', celsius(result.warmThresholdCelsius)],
    ...(Number.isFinite(air) ? [['air', celsius(air)] as [string, string]] : []),
    [
      'area',
      t('thermographyOwner.squareMeters', { value: whole.format(statistics.measuredAreaSquareMeters) }),
    ],
  ];
  return (
    <section className="owner-statistics" aria-labelledby="owner-statistics-title">
      <h4 id="owner-statistics-title">{t('thermographyOwner.statistics.heading')}</h4>
      <dl>
        {rows.map(([key, value]) => (
          <div key={key} className="owner-statistic" data-statistic={key}>
            <dt>{t(`thermographyOwner.statistics.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t(
          reference.source === 'neighbourhood'
            ? 'thermographyOwner.reasoning.neighbourhood'
            : 'thermographyOwner.reasoning.wholeFlight',
          {
            count: reference.roofCount,
            reference: number.format(reference.referenceCelsius),
            threshold: number.format(result.warmThresholdCelsius),
            share: whole.format(result.warmAreaShare * 100),
            class: result.heatLossClass,
          },
        )}
      </p>
      {result.hotSpots.length > 0 && (
        <p>
          {t('thermographyOwner.hotSpots', {
            count: result.hotSpots.length,
            max: number.format(Math.max(...result.hotSpots.map((spot) => spot.maxCelsius))),
          })}
        </p>
      )}
    </section>
  );
}
