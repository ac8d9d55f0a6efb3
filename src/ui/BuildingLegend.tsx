import { useTranslation } from 'react-i18next';
import { legendOf } from '../domain/buildings/buildingColorSchemes';
import { useTwinStore } from '../store/StoreContext';

/** What the building colours mean; drawn from the same classes as the 3D style. */
export function BuildingLegend() {
  const { t } = useTranslation();
  const scheme = useTwinStore((state) => state.view.buildingColorScheme);
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('buildings'));
  if (!visible || scheme === 'plain') return null;
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('buildings.legend', { scheme: t(`buildings.schemes.${scheme}`) })}</h2>
      <ul>
        {legendOf(scheme).map((entry) => (
          <li key={entry.id}>
            <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
            {t(entry.labelKey)}
          </li>
        ))}
      </ul>
    </section>
  );
}
