import { Cartesian2, Cartesian3, Color, LabelStyle, VerticalOrigin } from 'cesium';
import { Entity, LabelGraphics, PointGraphics } from 'resium';
import { useTwinStore } from '../../store/StoreContext';

const PIN_COLOR = Color.fromCssColorString('#e4003a');
const DRAFT_COLOR = Color.fromCssColorString('#ffd400');
const LABEL_OFFSET = new Cartesian2(0, -16);

/**
 * The workshop's comments as numbered pins on the model (the numbers match the comment list, which carries the
 * text), plus the pin of the comment being written. Labels are drawn by Cesium onto a canvas, never as HTML.
 */
export function WorkshopPinsLayer() {
  const comments = useTwinStore((state) => state.workshop?.snapshot?.comments);
  const draftPosition = useTwinStore((state) => (state.workshop ? state.workshopDraft.position : undefined));
  return (
    <>
      {(comments ?? []).map((comment, index) => (
        <Entity
          key={comment.id}
          position={Cartesian3.fromDegrees(
            comment.position.longitudeDegrees,
            comment.position.latitudeDegrees,
            comment.position.heightMeters,
          )}
        >
          <PointGraphics
            pixelSize={14}
            color={comment.hidden ? Color.GRAY : PIN_COLOR}
            outlineColor={Color.WHITE}
            outlineWidth={2}
            disableDepthTestDistance={Number.POSITIVE_INFINITY}
          />
          <LabelGraphics
            text={String(index + 1)}
            font="bold 14px sans-serif"
            style={LabelStyle.FILL_AND_OUTLINE}
            outlineWidth={3}
            verticalOrigin={VerticalOrigin.BOTTOM}
            pixelOffset={LABEL_OFFSET}
            disableDepthTestDistance={Number.POSITIVE_INFINITY}
          />
        </Entity>
      ))}
      {draftPosition && (
        <Entity
          position={Cartesian3.fromDegrees(
            draftPosition.longitudeDegrees,
            draftPosition.latitudeDegrees,
            draftPosition.heightMeters,
          )}
        >
          <PointGraphics
            pixelSize={14}
            color={DRAFT_COLOR}
            outlineColor={Color.BLACK}
            outlineWidth={2}
            disableDepthTestDistance={Number.POSITIVE_INFINITY}
          />
        </Entity>
      )}
    </>
  );
}
