import { useTranslation } from 'react-i18next';
import { BUILDING_COLOR_SCHEME_IDS } from '../domain/buildings/buildingColorSchemes';
import { PLACE_MARKER_IMAGE } from '../domain/places/placeMarker';
import { localize } from '../domain/scenes/sceneDocument';
import { cameraLookingAt } from '../domain/view/cameraLookAt';
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
  const setBuildingColorScheme = useTwinStore((state) => state.setBuildingColorScheme);
  const setShadows = useTwinStore((state) => state.setShadows);
  const buildingsStatus = useTwinStore((state) => state.buildingsStatus);
  const showHiddenBuildings = useTwinStore((state) => state.showHiddenBuildings);
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
            {layerId === 'places' && (
              <img className="legend-pin" src={PLACE_MARKER_IMAGE} alt="" width={12} height={17} />
            )}
            {t(`layers.${layerId}`)}
          </label>
        ))}
        {buildingsStatus.state === 'missing' && <p className="note">{t('layers.buildingsMissing')}</p>}
        {buildingsStatus.state === 'failed' && (
          <p className="note">{t('layers.buildingsFailed', { message: buildingsStatus.message })}</p>
        )}
        <label className="check-row">
          <input
            type="checkbox"
            checked={view.shadows}
            onChange={(event) => setShadows(event.target.checked)}
          />
          {t('layers.shadows')}
        </label>
        {view.hiddenBuildingIds.length > 0 && (
          <p className="note">
            {t('layers.hiddenBuildings', { count: view.hiddenBuildingIds.length })}{' '}
            <button type="button" className="text-button" onClick={() => showHiddenBuildings()}>
              {t('layers.showHiddenBuildings')}
            </button>
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('layers.colorBy')}</legend>
        {BUILDING_COLOR_SCHEME_IDS.map((scheme) => (
          <label key={scheme} className="check-row">
            <input
              type="radio"
              name="building-color-scheme"
              checked={view.buildingColorScheme === scheme}
              onChange={() => setBuildingColorScheme(scheme)}
            />
            {t(`buildings.schemes.${scheme}`)}
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
                  requestCamera(cameraLookingAt({ ...place, heightMeters: 0 }, { rangeMeters: 1050 }))
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
