import { Cartesian2, Cartesian3, Color, LabelStyle, VerticalOrigin } from 'cesium';
import { useMemo } from 'react';
import { Entity, LabelGraphics, PointGraphics } from 'resium';
import { localize } from '../../domain/scenes/sceneDocument';
import { useTwinStore } from '../../store/StoreContext';

const MARKER_COLOR = Color.fromCssColorString('#c8102e');
const LABEL_OFFSET = new Cartesian2(0, -14);

/** Labelled markers for the places of the overview scene; a dozen static entities, so Entities are fine here. */
export function PlacesLayer() {
  const places = useTwinStore((state) => state.overviewScene?.places);
  const language = useTwinStore((state) => state.view.language);
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('places'));
  const positions = useMemo(
    () =>
      new Map(
        (places ?? []).map((place) => [
          place.id,
          Cartesian3.fromDegrees(place.longitudeDegrees, place.latitudeDegrees, 0),
        ]),
      ),
    [places],
  );
  if (!places) return null;
  return (
    <>
      {places.map((place) => (
        <Entity key={place.id} id={`place:${place.id}`} position={positions.get(place.id)} show={visible}>
          <PointGraphics
            pixelSize={12}
            color={MARKER_COLOR}
            outlineColor={Color.WHITE}
            outlineWidth={2}
            disableDepthTestDistance={Number.POSITIVE_INFINITY}
          />
          <LabelGraphics
            text={localize(place.name, language)}
            font="600 15px system-ui, sans-serif"
            style={LabelStyle.FILL_AND_OUTLINE}
            fillColor={Color.WHITE}
            outlineColor={Color.BLACK}
            outlineWidth={4}
            verticalOrigin={VerticalOrigin.BOTTOM}
            pixelOffset={LABEL_OFFSET}
            disableDepthTestDistance={Number.POSITIVE_INFINITY}
          />
        </Entity>
      ))}
    </>
  );
}
