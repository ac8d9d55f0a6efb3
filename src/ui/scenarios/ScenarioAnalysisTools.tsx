import { useTwinStore } from '../../store/StoreContext';
import { SunShadowPanel } from './SunShadowPanel';
import { VariantComparePanel } from './VariantComparePanel';
import './scenarioTools.css';

/** The tools below the key figures of an open quarter: comparing two variants, and sun and shadow. */
export function ScenarioAnalysisTools() {
  const open = useTwinStore((state) => state.view.scenarioId !== undefined);
  if (!open) return null;
  return (
    <>
      <VariantComparePanel />
      <SunShadowPanel />
    </>
  );
}
