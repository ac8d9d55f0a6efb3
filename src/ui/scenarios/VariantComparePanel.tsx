import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariantKeyFigureId } from '../../domain/scenarios/keyFigureTypes';
import { compareVariantKeyFigures } from '../../domain/scenarios/variantComparison';
import { localize } from '../../domain/scenes/sceneDocument';
import { comparedVariantId } from '../../store/scenarioAnalysisSlice';
import { shownVariant } from '../../store/scenarioEditing';
import { useTwinStore } from '../../store/StoreContext';
import { formatKeyFigure } from './formatKeyFigure';
import { formatKeyFigureDifference } from './formatKeyFigureDifference';

/** The figures of the key-figure table, in its order. */
const COMPARED_FIGURES: VariantKeyFigureId[] = [
  'homes',
  'residents',
  'subsidisedHomesShare',
  'grossFloorArea',
  'floorAreaRatio',
  'siteCoverageRatio',
  'greenShare',
  'sealedShare',
  'parkingSpacesPerHome',
  'bikeSpacesPerHome',
];

/** Start and end the split view of two variants, and read their key figures side by side with the difference. */
export function VariantComparePanel() {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const scenario = useTwinStore((state) =>
    state.scenarios.find((entry) => entry.id === state.view.scenarioId),
  );
  const openVariant = useTwinStore(shownVariant);
  const compareId = useTwinStore(comparedVariantId);
  const startComparison = useTwinStore((state) => state.startComparison);
  const stopComparison = useTwinStore((state) => state.stopComparison);
  const others = scenario?.variants.filter((variant) => variant.id !== openVariant?.id) ?? [];
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  const selectedId =
    compareId ?? (others.some((variant) => variant.id === chosenId) ? chosenId : others[0]?.id);
  const compared = scenario?.variants.find((variant) => variant.id === compareId);
  const rows = useMemo(
    () =>
      scenario && openVariant && compared
        ? compareVariantKeyFigures(scenario, openVariant, compared, COMPARED_FIGURES)
        : undefined,
    [scenario, openVariant, compared],
  );
  if (!scenario || !openVariant || others.length === 0) return null;
  const titleA = localize(openVariant.title, language);
  const titleB = compared && localize(compared.title, language);
  return (
    <section className="scenario-tool" aria-labelledby="variant-compare-heading">
      <h3 id="variant-compare-heading">{t('scenarioCompare.heading')}</h3>
      <div className="tool-row">
        <label htmlFor="variant-compare-select">{t('scenarioCompare.with')}</label>
        <select
          id="variant-compare-select"
          value={selectedId}
          onChange={(event) => {
            setChosenId(event.target.value);
            if (compareId) startComparison(event.target.value);
          }}
        >
          {others.map((variant) => (
            <option key={variant.id} value={variant.id}>
              {localize(variant.title, language)}
            </option>
          ))}
        </select>
        {compareId ? (
          <button type="button" onClick={stopComparison}>
            {t('scenarioCompare.stop')}
          </button>
        ) : (
          <button type="button" onClick={() => selectedId && startComparison(selectedId)}>
            {t('scenarioCompare.start')}
          </button>
        )}
      </div>
      {rows && titleB && (
        <>
          <p className="note">{t('scenarioCompare.split', { a: titleA, b: titleB })}</p>
          <table className="key-figures variant-differences">
            <caption>{t('scenarioCompare.caption', { a: titleA, b: titleB })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scenarios.figure')}</th>
                <th scope="col">{t('scenarioCompare.columnA', { title: titleA })}</th>
                <th scope="col">{t('scenarioCompare.columnB', { title: titleB })}</th>
                <th scope="col">{t('scenarioCompare.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.figureId}>
                  <th scope="row">{t(`scenarios.figures.${row.figureId}`)}</th>
                  <td data-testid={`compare-${row.figureId}-a`}>
                    {formatKeyFigure(row.valueA, row.unit, language, t)}
                  </td>
                  <td data-testid={`compare-${row.figureId}-b`}>
                    {formatKeyFigure(row.valueB, row.unit, language, t)}
                  </td>
                  <td data-testid={`compare-${row.figureId}-difference`}>
                    {formatKeyFigureDifference(row.difference, row.unit, language, t)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
