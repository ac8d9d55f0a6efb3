import { Color, type Cesium3DTileFeature } from 'cesium';
import { describe, expect, it } from 'vitest';
import { createBuildingStyle } from './buildingStyle';

/** Just enough of a tile feature for the style: its properties. */
function feature(properties: Record<string, unknown>): Cesium3DTileFeature {
  return { getProperty: (name: string) => properties[name] } as unknown as Cesium3DTileFeature;
}

type Evaluators = {
  color: { evaluateColor(f: Cesium3DTileFeature): Color };
  show: { evaluate(f: Cesium3DTileFeature): boolean };
};

describe('building style', () => {
  const house = feature({
    sourceId: 'A',
    functionCode: '31001_1010',
    measuredHeight: 8,
    roofTypeCode: '3100',
  });
  const office = feature({
    sourceId: 'B',
    functionCode: '31001_2000',
    measuredHeight: 30,
    roofTypeCode: '1000',
  });

  it('colours by the chosen scheme, as the legend says', () => {
    const style = createBuildingStyle('function', undefined, new Set()) as unknown as Evaluators;
    expect(style.color.evaluateColor(house).toCssHexString()).toBe('#e69f00');
    expect(style.color.evaluateColor(office).toCssHexString()).toBe('#0072b2');
    const byHeight = createBuildingStyle('height', undefined, new Set()) as unknown as Evaluators;
    expect(byHeight.color.evaluateColor(office).toCssHexString()).toBe('#fde725');
  });

  it('highlights the selected building whatever the scheme', () => {
    const style = createBuildingStyle('roofType', 'B', new Set()) as unknown as Evaluators;
    expect(style.color.evaluateColor(office).toCssHexString()).toBe('#ff2d95');
    expect(style.color.evaluateColor(house).toCssHexString()).toBe('#d55e00');
  });

  it('hides exactly the buildings listed, by source id', () => {
    const style = createBuildingStyle('plain', undefined, new Set(['A'])) as unknown as Evaluators;
    expect(style.show.evaluate(house)).toBe(false);
    expect(style.show.evaluate(office)).toBe(true);
  });
});
