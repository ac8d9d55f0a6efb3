import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { computeVariantKeyFigures } from '../../domain/scenarios/keyFigures';
import { computeCombinedKeyFigures } from '../../domain/scenarios/keyFiguresCombined';
import type { KeyFigure, VariantKeyFigureId } from '../../domain/scenarios/keyFigureTypes';
import {
  projectPolygon,
  planarPolygonCentroid,
  unprojectPoint,
} from '../../domain/scenarios/scenarioPlanarGeometry';
import { localize } from '../../domain/scenes/sceneDocument';
import { cameraLookingAt } from '../../domain/view/cameraLookAt';
import { shownVariant } from '../../store/scenarioEditing';
import { useTwinStore } from '../../store/StoreContext';
import { formatKeyFigure } from './formatKeyFigure';
import { ScenarioEditor } from './ScenarioEditor';
import { ScenarioAnalysisTools } from './ScenarioAnalysisTools';
import { UnsavedEditsDialog } from './UnsavedEditsDialog';

/** The figures planners and citizens ask for first; every other one is in the explanation of these. */
const SHOWN_FIGURES: VariantKeyFigureId[] = [
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
  'siteArea',
];

function FigureRow({ figure, target }: { figure: KeyFigure; target?: { text: string; reached: boolean } }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  return (
    <tr>
      <th scope="row">
        <details>
          <summary>{t(`scenarios.figures.${figure.id}`)}</summary>
          <p className="formula">
            <code>{figure.explanation.formula}</code>
          </p>
          <ul className="formula-inputs">
            {figure.explanation.inputs.map((input) => (
              <li key={input.name}>
                {input.name} = {formatKeyFigure(input.value, input.unit, language, t)}
                {input.source && <span className="note"> ({input.source})</span>}
              </li>
            ))}
          </ul>
          {figure.explanation.note && <p className="note">{figure.explanation.note}</p>}
        </details>
      </th>
      <td data-testid={`figure-${figure.id}`}>{formatKeyFigure(figure.value, figure.unit, language, t)}</td>
      <td className={target ? (target.reached ? 'target-reached' : 'target-missed') : undefined}>
        {target && (
          <>
            {target.text}{' '}
            <span className="visually-hidden">
              {t(target.reached ? 'scenarios.reached' : 'scenarios.missed')}
            </span>
            <span aria-hidden="true">
              {t(target.reached ? 'scenarios.reachedMark' : 'scenarios.missedMark')}
            </span>
          </>
        )}
      </td>
    </tr>
  );
}

/** Open a planning quarter, choose its variant, and read its key figures against the targets. */
export function ScenarioPanel() {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const scenarios = useTwinStore((state) => state.scenarios);
  const scenarioId = useTwinStore((state) => state.view.scenarioId);
  const variantId = useTwinStore((state) => state.view.variantId);
  const chosenVariants = useTwinStore((state) => state.chosenVariants);
  const requestScenarioChange = useTwinStore((state) => state.requestScenarioChange);
  const requestCamera = useTwinStore((state) => state.requestCamera);
  const scenario = scenarios.find((entry) => entry.id === scenarioId);
  // While editing, the edited variant: the figures follow every edit at once.
  const variant = useTwinStore(shownVariant);
  const savedVariantIds = useTwinStore((state) => state.savedVariantIds);
  const figures = useMemo(
    () => (scenario && variant ? computeVariantKeyFigures(scenario, variant) : undefined),
    [scenario, variant],
  );
  // Both quarters together, each with the variant it showed last (its first one if never opened).
  const combined = useMemo(() => {
    const parts = scenarios.map((entry) => {
      const chosenId = entry.id === scenarioId ? variantId : chosenVariants[entry.id];
      const chosen =
        (entry.id === scenarioId ? variant : undefined) ??
        entry.variants.find((candidate) => candidate.id === chosenId) ??
        entry.variants[0]!;
      return computeVariantKeyFigures(entry, chosen);
    });
    return parts.length > 1 ? computeCombinedKeyFigures(parts) : undefined;
  }, [scenarios, scenarioId, variantId, chosenVariants, variant]);

  const flyToQuarter = (id: string | undefined) => {
    const target = scenarios.find((entry) => entry.id === id);
    if (!target) return;
    const centre = unprojectPoint(planarPolygonCentroid(projectPolygon(target.site.boundary)));
    requestCamera(
      cameraLookingAt(
        { longitudeDegrees: centre[0], latitudeDegrees: centre[1], heightMeters: 0 },
        { rangeMeters: 1400 },
      ),
    );
  };
  // Unsaved edits make these wait for the dialog's answer (UnsavedEditsDialog); a quarter is flown to once open.
  const open = (id: string) => {
    if (requestScenarioChange({ kind: 'open', scenarioId: id })) flyToQuarter(id);
  };
  const onContinued = (openedId: string | undefined) => {
    if (openedId !== scenarioId) flyToQuarter(openedId);
  };

  if (scenarios.length === 0) return <p className="panel-body note">{t('scenarios.none')}</p>;
  return (
    <div className="panel-body scenario-panel">
      <fieldset>
        <legend>{t('scenarios.quarter')}</legend>
        {scenarios.map((entry) => (
          <label key={entry.id} className="check-row">
            <input
              type="radio"
              name="scenario"
              checked={scenarioId === entry.id}
              onChange={() => open(entry.id)}
            />
            {localize(entry.title, language)}
          </label>
        ))}
        {scenario && (
          <button
            type="button"
            className="text-button"
            onClick={() => requestScenarioChange({ kind: 'close' })}
          >
            {t('scenarios.close')}
          </button>
        )}
      </fieldset>
      {scenario && (
        <fieldset>
          <legend>{t('scenarios.variant')}</legend>
          {scenario.variants.map((entry) => (
            <label key={entry.id} className="check-row">
              <input
                type="radio"
                name="variant"
                checked={variantId === entry.id}
                onChange={() =>
                  requestScenarioChange({ kind: 'open', scenarioId: scenario.id, variantId: entry.id })
                }
              />
              {localize(entry.title, language)}
              {savedVariantIds[scenario.id]?.includes(entry.id) && (
                <span className="saved-mark"> {t('scenarioEdit.savedMark')}</span>
              )}
            </label>
          ))}
        </fieldset>
      )}
      {scenario && figures && (
        <>
          <h3>{t('scenarios.keyFigures')}</h3>
          <table className="key-figures">
            <thead>
              <tr>
                <th scope="col">{t('scenarios.figure')}</th>
                <th scope="col">{t('scenarios.value')}</th>
                <th scope="col">{t('scenarios.target')}</th>
              </tr>
            </thead>
            <tbody>
              {SHOWN_FIGURES.map((id) => {
                const gap = figures.targetGaps.find((entry) => entry.figureId === id);
                return (
                  <FigureRow
                    key={id}
                    figure={figures.figures[id]}
                    target={
                      gap && {
                        text: formatKeyFigure(gap.target, gap.unit, language, t),
                        reached: gap.reached,
                      }
                    }
                  />
                );
              })}
            </tbody>
          </table>
          <p className="note">
            {t('scenarios.sources', { site: scenario.site.source, accuracy: scenario.site.accuracy })}
          </p>
        </>
      )}
      {combined && (
        <p
          className={combined.homesGoal.reached ? 'target-reached' : 'target-missed'}
          data-testid="homes-goal"
        >
          {t('scenarios.homesGoal', {
            value: formatKeyFigure(combined.homesGoal.value, 'homes', language, t),
            target: formatKeyFigure(combined.homesGoal.target, 'homes', language, t),
            parts: combined.parts.map((part) => `${part.scenarioId}/${part.variantId}`).join(', '),
          })}
        </p>
      )}
      {scenario && <ScenarioEditor />}
      <UnsavedEditsDialog onContinued={onContinued} />
      <ScenarioAnalysisTools />
    </div>
  );
}
