import { useTranslation } from 'react-i18next';
import { localize } from '../domain/scenes/sceneDocument';
import { useTwinStore } from '../store/StoreContext';

/** What the app shows and where each piece comes from, with its licence. */
export function InfoPanel() {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const places = useTwinStore((state) => state.overviewScene?.places ?? []);
  const configuredLayers = useTwinStore((state) => state.config.baseLayers);
  const terrain = useTwinStore((state) => state.config.terrain);
  return (
    <div className="panel-body">
      <p>{t('info.about')}</p>
      <h3>{t('info.sources')}</h3>
      <ul>
        <li>{t('info.naturalEarth')}</li>
        {configuredLayers.map((layer) => (
          <li key={layer.id}>
            {t('info.configuredLayer', { name: layer.name, attribution: layer.attribution })}
          </li>
        ))}
        {terrain && <li>{terrain.attribution}</li>}
      </ul>
      <h3>{t('info.places')}</h3>
      <dl className="source-list">
        {places.map((place) => (
          <div key={place.id}>
            <dt>{localize(place.name, language)}</dt>
            <dd>
              {place.source}. {place.licence}. {t('info.accuracy', { meters: place.accuracyMeters })}
            </dd>
          </div>
        ))}
      </dl>
      <h3>{t('info.software')}</h3>
      <ul>
        <li>{t('info.cesium')}</li>
      </ul>
    </div>
  );
}
