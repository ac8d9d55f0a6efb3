import { describe, expect, it } from 'vitest';
import { parseScene } from '../scenes/sceneDocument';
import { selectBuildingsToHide } from './existingBuildings';
import { createTestScenario, createTestVariant, metricPolygon, metricPosition } from './scenarioTestSupport';

const parse = (document: unknown) => parseScene(JSON.stringify(document), 'scenes/test.json');

describe('scenario documents', () => {
  it('are scene documents of kind "scenario"', () => {
    const { value, issues } = parse(createTestScenario());
    expect(issues).toEqual([]);
    expect(value?.kind).toBe('scenario');
  });

  it('refuse uses that do not add up to 1, with the JSON path of the massing’s uses', () => {
    const scenario = createTestScenario();
    const variant = scenario.variants[0]!;
    variant.massings[1] = { ...variant.massings[1]!, uses: { housing: 0.5, school: 0.3 } };
    expect(parse(scenario).issues).toEqual([
      {
        code: 'custom',
        file: 'scenes/test.json',
        path: '$.variants[0].massings[1].uses',
        message: 'the floor-area shares of the uses must add up to 1, but housing 0.5 + school 0.3 = 0.8',
      },
    ]);
  });

  it('refuse open and self-crossing rings', () => {
    const scenario = createTestScenario();
    scenario.site.boundary = [scenario.site.boundary[0]!.slice(0, -1)];
    const bowTie = metricPolygon([
      [0, 0],
      [10, 10],
      [10, 0],
      [0, 10],
    ]);
    scenario.variants[0]!.massings[0] = { ...scenario.variants[0]!.massings[0]!, footprint: bowTie };
    const issues = parse(scenario).issues;
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      [
        '$.site.boundary[0]',
        'the ring is not closed: its last position must repeat the first (as in GeoJSON)',
      ],
      ['$.variants[0].massings[0].footprint[0]', 'the ring crosses or touches itself'],
    ]);
  });

  it('refuse duplicate ids, hubs in unknown massings and duplicate variants', () => {
    const variant = createTestVariant();
    variant.openSpaces[0] = { ...variant.openSpaces[0]!, id: 'row-b' };
    variant.mobilityHubs[0] = { ...variant.mobilityHubs[0]!, massingId: 'gone' };
    const scenario = createTestScenario({ variants: [variant, createTestVariant()] });
    expect(parse(scenario).issues.map((issue) => issue.path)).toEqual([
      '$.variants[0].openSpaces[0].id',
      '$.variants[0].mobilityHubs[0].massingId',
      '$.variants[1].id',
    ]);
  });

  it('name a wrong field deep inside a variant', () => {
    const scenario = createTestScenario();
    (scenario.variants[0]!.massings[0] as { storeys: unknown }).storeys = 'four';
    (scenario.targets.greenShare as { value: unknown }).value = 1.5;
    expect(parse(scenario).issues.map((issue) => issue.path)).toEqual([
      '$.targets.greenShare.value',
      '$.variants[0].massings[0].storeys',
    ]);
  });
});

describe('selectBuildingsToHide', () => {
  const buildings = [
    { buildingId: 'inside-1', ...at(50, 50) },
    { buildingId: 'inside-listed', ...at(150, 20) },
    { buildingId: 'outside', ...at(250, 50) },
    { buildingId: 'far-away', ...at(5000, 5000) },
  ];

  function at(x: number, y: number) {
    const [longitudeDegrees, latitudeDegrees] = metricPosition(x, y);
    return { longitudeDegrees, latitudeDegrees };
  }

  it('hides every building whose centre lies in the site, except those kept, plus those removed by id', () => {
    const scenario = createTestScenario({
      existingBuildings: {
        removeAllInsideSite: true,
        keep: [{ buildingId: 'inside-listed', reason: 'listed' }],
        remove: [{ buildingId: 'outside' }],
      },
    });
    expect(selectBuildingsToHide(scenario, buildings)).toEqual(['inside-1', 'outside']);
  });

  it('hides only the listed ids without removeAllInsideSite', () => {
    const scenario = createTestScenario({
      existingBuildings: { removeAllInsideSite: false, keep: [], remove: [{ buildingId: 'inside-1' }] },
    });
    expect(selectBuildingsToHide(scenario, buildings)).toEqual(['inside-1']);
  });
});
