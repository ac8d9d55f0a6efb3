import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { computeVariantKeyFigures } from '../../domain/scenarios/keyFigures';
import type { VariantKeyFigureId } from '../../domain/scenarios/keyFigureTypes';
import type { ScenarioDocument, ScenarioVariant } from '../../domain/scenarios/scenarioSchema';
import { useTwinStore } from '../../store/StoreContext';
import { formatKeyFigure } from './formatKeyFigure';

const BAR_FIGURES: VariantKeyFigureId[] = ['homes', 'floorAreaRatio', 'siteCoverageRatio', 'greenShare'];

/** The figures a workshop watches while editing, kept in view above the controls (the full table is above). */
export function EditFiguresBar({
  scenario,
  variant,
}: {
  scenario: ScenarioDocument;
  variant: ScenarioVariant;
}) {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const figures = useMemo(() => computeVariantKeyFigures(scenario, variant), [scenario, variant]);
  return (
    <dl className="edit-figures" aria-live="polite">
      {BAR_FIGURES.map((id) => (
        <div key={id}>
          <dt>{t(`scenarios.figures.${id}`)}</dt>
          <dd data-testid={`edit-figure-${id}`}>
            {formatKeyFigure(figures.figures[id].value, figures.figures[id].unit, language, t)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
