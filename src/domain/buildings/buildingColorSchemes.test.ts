import { describe, expect, it } from 'vitest';
import { BUILDING_COLOR_SCHEME_IDS, classifyBuilding, legendOf } from './buildingColorSchemes';

describe('building colour schemes', () => {
  it('groups ALKIS functions: housing, mixed use with housing, commerce, public', () => {
    expect(classifyBuilding('function', { functionCode: '31001_1010' }).id).toBe('housing');
    expect(classifyBuilding('function', { functionCode: '31001_1120' }).id).toBe('mixed');
    expect(classifyBuilding('function', { functionCode: '31001_2460' }).id).toBe('commerce');
    expect(classifyBuilding('function', { functionCode: '31001_3010' }).id).toBe('public');
    expect(classifyBuilding('function', {}).id).toBe('unknown');
  });

  it('classes heights by upper limits, with unknown for a missing or zero height', () => {
    expect(classifyBuilding('height', { measuredHeight: 6 }).id).toBe('h6');
    expect(classifyBuilding('height', { measuredHeight: 6.01 }).id).toBe('h10');
    expect(classifyBuilding('height', { measuredHeight: 80 }).id).toBe('h25plus');
    expect(classifyBuilding('height', { measuredHeight: 0 }).id).toBe('unknown');
  });

  it('classes roof types by shape', () => {
    expect(classifyBuilding('roofType', { roofTypeCode: '3100' }).id).toBe('gable');
    expect(classifyBuilding('roofType', { roofTypeCode: '1000' }).id).toBe('flat');
    expect(classifyBuilding('roofType', { roofTypeCode: '42' }).id).toBe('unknown');
  });

  it.each(BUILDING_COLOR_SCHEME_IDS)(
    'the %s legend lists every class a building can get, each colour once',
    (scheme) => {
      const legend = legendOf(scheme);
      const samples = [
        {},
        ...['31001_1010', '31001_1100', '31001_2000', '31001_3000', '99'].map((functionCode) => ({
          functionCode,
        })),
        ...[3, 8, 12, 20, 50, 0].map((measuredHeight) => ({ measuredHeight })),
        ...['1000', '2100', '3100', '3200', '5000', 'x'].map((roofTypeCode) => ({ roofTypeCode })),
      ];
      const legendIds = legend.map((entry) => entry.id);
      for (const sample of samples) expect(legendIds).toContain(classifyBuilding(scheme, sample).id);
      expect(new Set(legend.map((entry) => entry.color)).size).toBe(legend.length);
    },
  );
});
