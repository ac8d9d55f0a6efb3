import {
  Cartesian2,
  Cartesian3,
  Color,
  HorizontalOrigin,
  LabelStyle,
  PolygonHierarchy,
  VerticalOrigin,
} from 'cesium';
import { useMemo } from 'react';
import { Entity, LabelGraphics, PointGraphics, PolygonGraphics, PolylineGraphics } from 'resium';
import { formatHeadline } from '../../domain/measure/formatMeasurement';
import { measure } from '../../domain/measure/measurements';
import { useTwinStore } from '../../store/StoreContext';

const MEASURE_COLOR = Color.fromCssColorString('#ffd400');
const AREA_FILL = MEASURE_COLOR.withAlpha(0.35);
const LABEL_OFFSET = new Cartesian2(12, -12);

/** The measuring points, the line or area through them and the result, drawn on top of the model. */
export function MeasureLayer() {
  const mode = useTwinStore((state) => state.measureMode);
  const points = useTwinStore((state) => state.measurePoints);
  const language = useTwinStore((state) => state.view.language);
  const positions = useMemo(
    () =>
      points.map((point) =>
        Cartesian3.fromDegrees(point.longitudeDegrees, point.latitudeDegrees, point.heightMeters),
      ),
    [points],
  );
  if (!mode || positions.length === 0) return null;
  const headline = formatHeadline(mode, measure(mode, points), language);
  const closedRing = mode === 'area' && positions.length >= 3 ? [...positions, positions[0]!] : positions;
  return (
    <>
      {positions.map((position, index) => (
        <Entity key={index} position={position}>
          <PointGraphics
            pixelSize={10}
            color={MEASURE_COLOR}
            outlineColor={Color.BLACK}
            outlineWidth={2}
            disableDepthTestDistance={Number.POSITIVE_INFINITY}
          />
        </Entity>
      ))}
      {positions.length >= 2 && (
        <Entity>
          <PolylineGraphics
            positions={closedRing}
            width={3}
            material={MEASURE_COLOR}
            depthFailMaterial={MEASURE_COLOR}
          />
        </Entity>
      )}
      {mode === 'area' && positions.length >= 3 && (
        <Entity>
          <PolygonGraphics
            hierarchy={new PolygonHierarchy(positions)}
            perPositionHeight
            material={AREA_FILL}
          />
        </Entity>
      )}
      {headline && (
        <Entity position={positions.at(-1)}>
          <LabelGraphics
            text={headline}
            font="600 16px system-ui, sans-serif"
            style={LabelStyle.FILL_AND_OUTLINE}
            fillColor={Color.WHITE}
            outlineColor={Color.BLACK}
            outlineWidth={4}
            horizontalOrigin={HorizontalOrigin.LEFT}
            verticalOrigin={VerticalOrigin.BOTTOM}
            pixelOffset={LABEL_OFFSET}
            disableDepthTestDistance={Number.POSITIVE_INFINITY}
          />
        </Entity>
      )}
    </>
  );
}
