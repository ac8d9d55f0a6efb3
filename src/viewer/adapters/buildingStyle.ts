import { Cesium3DTileStyle, Color, type Cesium3DTileFeature } from 'cesium';
import {
  classifyBuilding,
  type BuildingColorSchemeId,
  type BuildingProperties,
} from '../../domain/buildings/buildingColorSchemes';

/** Selected buildings stand out in a colour no scheme uses. */
const HIGHLIGHT_COLOR = Color.fromCssColorString('#ff2d95');

function readProperties(feature: Cesium3DTileFeature): BuildingProperties {
  return {
    functionCode: feature.getProperty('functionCode') as string | undefined,
    roofTypeCode: feature.getProperty('roofTypeCode') as string | undefined,
    measuredHeight: feature.getProperty('measuredHeight') as number | undefined,
  };
}

/**
 * A 3D Tiles style that evaluates colour and visibility with plain functions (a lookup per feature), not with
 * thousands of style conditions, which CesiumJS evaluates slowly (see DESIGN.md, known pitfalls).
 */
export function createBuildingStyle(
  scheme: BuildingColorSchemeId,
  selectedBuildingId: string | undefined,
  hiddenBuildingIds: ReadonlySet<string>,
): Cesium3DTileStyle {
  const colorCache = new Map<string, Color>();
  const style = new Cesium3DTileStyle();
  // CesiumJS accepts any object with evaluate/evaluateColor in place of a parsed expression.
  style.color = {
    evaluateColor(feature: Cesium3DTileFeature, result?: Color): Color {
      if (selectedBuildingId !== undefined && feature.getProperty('sourceId') === selectedBuildingId) {
        return Color.clone(HIGHLIGHT_COLOR, result);
      }
      const css = classifyBuilding(scheme, readProperties(feature)).color;
      let color = colorCache.get(css);
      if (!color) {
        color = Color.fromCssColorString(css);
        colorCache.set(css, color);
      }
      return Color.clone(color, result);
    },
  } as unknown as Cesium3DTileStyle['color'];
  style.show = {
    evaluate(feature: Cesium3DTileFeature): boolean {
      return (
        hiddenBuildingIds.size === 0 || !hiddenBuildingIds.has(feature.getProperty('sourceId') as string)
      );
    },
  } as unknown as Cesium3DTileStyle['show'];
  return style;
}
