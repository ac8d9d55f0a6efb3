import { Color, ImageMaterialProperty, Rectangle } from 'cesium';
import { useMemo } from 'react';
import { Entity, RectangleGraphics } from 'resium';
import type { SunlightHoursImage } from '../../domain/scenarios/sunlightHoursImage';
import { currentSunlightMap } from '../../store/scenarioAnalysisSlice';
import { useTwinStore } from '../../store/StoreContext';

/** Above the open spaces (0.3 m) and streets (0.2 m), so the map is not hidden by them. */
const MAP_HEIGHT_METERS = 0.8;

function drawImage(image: SunlightHoursImage): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  canvas
    .getContext('2d')
    ?.putImageData(new ImageData(new Uint8ClampedArray(image.rgba), image.width, image.height), 0, 0);
  return canvas;
}

/** The sunlight-hours map of the open variant as a coloured rectangle just above the ground. */
export function SunlightHoursLayer() {
  const sunlightMap = useTwinStore(currentSunlightMap);
  const image = sunlightMap.status === 'ready' ? sunlightMap.map.image : undefined;
  const drawn = useMemo(
    () =>
      image && {
        rectangle: Rectangle.fromDegrees(
          image.westDegrees,
          image.southDegrees,
          image.eastDegrees,
          image.northDegrees,
        ),
        material: new ImageMaterialProperty({
          image: drawImage(image),
          transparent: true,
          color: Color.WHITE,
        }),
      },
    [image],
  );
  if (!drawn) return null;
  return (
    <Entity id="sunlight-hours-map">
      <RectangleGraphics coordinates={drawn.rectangle} height={MAP_HEIGHT_METERS} material={drawn.material} />
    </Entity>
  );
}
