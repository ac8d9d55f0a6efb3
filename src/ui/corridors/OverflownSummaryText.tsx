import { useTranslation } from 'react-i18next';
import {
  residentsEstimateCoverage,
  type OverflownSummary,
} from '../../domain/corridors/checkBuildingClearance';

/**
 * Who a corridor flies over: buildings, residential buildings and estimated residents, or "unknown" when the
 * buildings' use is not known (a search index from before version 2), never a misleading "0 residents".
 */
export function OverflownSummaryText({ overflown }: { overflown: OverflownSummary }) {
  const { t } = useTranslation();
  const coverage = residentsEstimateCoverage(overflown);
  return (
    <>
      <p data-testid="corridor-overflown" data-residents-coverage={coverage}>
        {coverage === 'unknown'
          ? t('corridors.overflownUnknown', { buildings: overflown.buildingCount })
          : t('corridors.overflownSummary', {
              buildings: overflown.buildingCount,
              residential: overflown.residentialBuildingCount,
              residents: Math.round(overflown.estimatedResidents),
            })}
      </p>
      {coverage === 'partial' && (
        <p className="note">
          {t('corridors.overflownPartlyUnknown', { count: overflown.unknownUseBuildingCount })}
        </p>
      )}
      {coverage !== 'unknown' && <p className="note">{t('corridors.overflownNote')}</p>}
    </>
  );
}
