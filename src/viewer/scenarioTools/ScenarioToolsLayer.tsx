import { useTranslation } from 'react-i18next';
import { useCesium } from 'resium';
import { localize } from '../../domain/scenes/sceneDocument';
import { comparedVariantId } from '../../store/scenarioAnalysisSlice';
import { useTwinStore } from '../../store/StoreContext';
import { useMassingShadows } from '../sync/useMassingShadows';
import { useSunClock } from '../sync/useSunClock';
import { CompareViewer } from './CompareViewer';
import { SunlightHoursLayer } from './SunlightHoursLayer';

/**
 * The comparison and sun-and-shadow tools of planning quarters in the main viewer: the sun time drives the clock
 * and lighting, massings cast shadows, the sunlight-hours map lies on the ground, and while two variants are
 * compared the view splits into the open variant (left) and the compared one (right).
 */
export function ScenarioToolsLayer() {
  const { t } = useTranslation();
  const { viewer } = useCesium();
  const sunTime = useTwinStore((state) => state.view.sunTime);
  const language = useTwinStore((state) => state.view.language);
  const scenario = useTwinStore((state) =>
    state.scenarios.find((entry) => entry.id === state.view.scenarioId),
  );
  const openVariantId = useTwinStore((state) => state.view.variantId);
  const compareId = useTwinStore(comparedVariantId);
  useSunClock(viewer, sunTime);
  useMassingShadows(viewer);
  const openVariant = scenario?.variants.find((variant) => variant.id === openVariantId);
  const compared = scenario?.variants.find((variant) => variant.id === compareId);
  return (
    <>
      <SunlightHoursLayer />
      {openVariant && compared && (
        <>
          <p className="compare-label compare-label-a" aria-hidden="true">
            {t('scenarioCompare.labelA', { title: localize(openVariant.title, language) })}
          </p>
          <CompareViewer variant={compared} />
        </>
      )}
    </>
  );
}
