import { useTranslation } from 'react-i18next';
import { localize } from '../domain/scenes/sceneDocument';
import { OVERLAY_LAYER_IDS } from '../domain/view/viewState';
import { useTwinStore } from '../store/StoreContext';

const NATURAL_EARTH_LAYER_ID = 'natural-earth';

/** Topics to show or hide, the base map, and a keyboard-friendly list of places to fly to. */
export function LayerPanel() {
  const { t } = useTranslation();
  const view = useTwinStore((state) => state.view);
  const configuredLayers = useTwinStore((state) => state.config.baseLayers);
  const places = useTwinStore((state) => state.overviewScene?.places ?? []);
  const setLayerVisible = useTwinStore((state) => state.setLayerVisible);
  const setBaseLayer = useTwinStore((state) => state.setBaseLayer);
  const requestCamera = useTwinStore((state) => state.requestCamera);
  const baseLayers = [
    { id: NATURAL_EARTH_LAYER_ID, name: t('layers.naturalEarth') },
    ...configuredLayers.map((layer) => ({ id: layer.id, name: layer.name })),
  ];
  return (
    <div className="panel-body">
      <fieldset>
        <legend>{t('layers.overlays')}</legend>
        {OVERLAY_LAYER_IDS.map((layerId) => (
          <label key={layerId} className="check-row">
            <input
              type="checkbox"
              checked={view.visibleLayerIds.includes(layerId)}
              onChange={(event) => setLayerVisible(layerId, event.target.checked)}
            />
            {t(`layers.${layerId}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('layers.baseLayers')}</legend>
        {baseLayers.map((layer) => (
          <label key={layer.id} className="check-row">
            <input
              type="radio"
              name="base-layer"
              checked={view.baseLayerId === layer.id}
              onChange={() => setBaseLayer(layer.id)}
            />
            {layer.name}
          </label>
        ))}
      </fieldset>
      <h3>{t('layers.placeList')}</h3>
      <ul className="place-list">
        {places.map((place) => {
          const name = localize(place.name, view.language);
          return (
            <li key={place.id}>
              <button
                type="button"
                aria-label={t('layers.flyTo', { name })}
                onClick={() =>
                  requestCamera({
                    longitudeDegrees: place.longitudeDegrees,
                    // Look at the place from about 850 m south of it, 600 m up.
                    latitudeDegrees: place.latitudeDegrees - 0.0077,
                    heightMeters: 600,
                    headingDegrees: 0,
                    pitchDegrees: -35,
                  })
                }
              >
                {name}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
