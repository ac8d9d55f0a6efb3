import { Cartesian2, Cartesian3, Color, LabelStyle, VerticalOrigin } from 'cesium';
import { useMemo } from 'react';
import { BillboardGraphics, Entity, LabelGraphics } from 'resium';
import { PLACE_MARKER_IMAGE, PLACE_MARKER_SIZE } from '../../domain/places/placeMarker';
import { localize } from '../../domain/scenes/sceneDocument';
import { useTwinStore } from '../../store/StoreContext';

/** The label sits above the pin, whose tip marks the place. */
const LABEL_OFFSET = new Cartesian2(0, -PLACE_MARKER_SIZE.height - 4);

/**
 * Labelled blue map pins for the places of the overview scene (never round dots: those are sensors, and red ones
 * are sensors in alert); a dozen static entities, so Entities are fine here.
 */
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
          <BillboardGraphics
            image={PLACE_MARKER_IMAGE}
            width={PLACE_MARKER_SIZE.width}
            height={PLACE_MARKER_SIZE.height}
            verticalOrigin={VerticalOrigin.BOTTOM}
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
