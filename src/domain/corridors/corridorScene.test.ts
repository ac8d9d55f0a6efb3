import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene } from '../scenes/sceneDocument';
import { formatIssue } from '../validation/issues';
import { parseCorridorScene } from './parseCorridorScene';

const exampleFile = new URL('../../../scenes/drone-corridors.json', import.meta.url);

function corridor(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: { de: id },
    purpose: 'survey',
    operationCategory: 'open',
    centreLine: [
      [7.62, 51.96],
      [7.63, 51.96],
    ],
    widthMeters: 20,
    floor: { reference: 'AGL', heightMeters: 30 },
    ceiling: { reference: 'AGL', heightMeters: 60 },
    cruiseSpeedMetersPerSecond: 10,
    operatingHours: [{ weekdays: ['mon'], from: '08:00', to: '12:00' }],
    accuracyMeters: 50,
    source: 'test',
    ...overrides,
  };
}

function zone(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: { de: id },
    category: 'hospital',
    geometry: { type: 'circle', centre: [7.62, 51.96], radiusMeters: 200 },
    lowerLimit: { reference: 'AGL', heightMeters: 0 },
    upperLimit: { reference: 'UNL' },
    severity: 'warning',
    legalBasis: '§ 21h Abs. 3 LuftVO',
    requirement: { de: 'Zustimmung' },
    accuracyMeters: 100,
    source: 'test',
    licence: 'none',
    ...overrides,
  };
}

function document(corridors: unknown[], restrictionZones: unknown[] = []) {
  return JSON.stringify({
    schemaVersion: 1,
    kind: 'corridor',
    id: 'test',
    title: { de: 'Test' },
    corridors,
    restrictionZones,
  });
}

describe('the example corridor document', () => {
  it('holds corridors for lab samples between hospitals, a survey flight and parcels, and the built-in zones', () => {
    const { value, issues } = parseScene(readFileSync(exampleFile, 'utf8'), 'scenes/drone-corridors.json');
    expect(issues).toEqual([]);
    if (value?.kind !== 'corridor') throw new Error('not a corridor document');
    expect(value.corridors.map((item) => item.purpose).sort()).toEqual([
      'medical-transport',
      'medical-transport',
      'parcel-delivery',
      'survey',
    ]);
    expect(new Set(value.restrictionZones.map((item) => item.category))).toEqual(
      new Set(['control-zone', 'hospital', 'nature-reserve', 'residential']),
    );
    for (const item of [...value.corridors, ...value.restrictionZones]) {
      expect(item.source.length, item.id).toBeGreaterThan(20);
      expect(item.accuracyMeters, item.id).toBeGreaterThan(0);
    }
  });
});

describe('broken corridor documents', () => {
  it('names the file and field of a ceiling below the floor and of an unknown altitude reference', () => {
    const text = document([
      corridor('low-ceiling', { ceiling: { reference: 'AGL', heightMeters: 20 } }),
      corridor('odd-reference', { floor: { reference: 'QNH', heightMeters: 30 } }),
    ]);
    const strict = parseScene(text, 'scenes/broken.json');
    expect(strict.value).toBeUndefined();
    expect(strict.issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^scenes\/broken\.json \$\.corridors\[0\]\.ceiling\.heightMeters: the ceiling \(20 m AGL\) must be above the floor \(30 m AGL\)/,
      ),
      expect.stringMatching(/^scenes\/broken\.json \$\.corridors\[1\]\.floor\.reference: /),
    ]);
  });

  it('still loads every other corridor and zone when reading leniently', () => {
    const text = document(
      [
        corridor('fine'),
        corridor('low-ceiling', { ceiling: { reference: 'AGL', heightMeters: 20 } }),
        corridor('bad-hours', { operatingHours: [{ weekdays: ['mon'], from: '12:00', to: '08:00' }] }),
        corridor('fine'),
        corridor('also-fine', { floor: { reference: 'MSL', heightMeters: 100 } }),
      ],
      [
        zone('hospital'),
        zone('upside-down', {
          lowerLimit: { reference: 'MSL', heightMeters: 300 },
          upperLimit: { reference: 'MSL', heightMeters: 200 },
        }),
      ],
    );
    const { scene, issues } = parseCorridorScene(text, 'scenes/plan.json');
    expect(scene?.corridors.map((item) => item.id)).toEqual(['fine', 'also-fine']);
    expect(scene?.restrictionZones.map((item) => item.id)).toEqual(['hospital']);
    expect(issues.map((issue) => issue.path)).toEqual([
      '$.corridors[1].ceiling.heightMeters',
      '$.corridors[2].operatingHours[0].to',
      '$.corridors[3].id',
      '$.restrictionZones[1].upperLimit',
    ]);
    expect(issues.every((issue) => issue.file === 'scenes/plan.json')).toBe(true);
  });

  it('rejects the whole document only when the document itself is broken', () => {
    expect(parseCorridorScene('{"kind": "corridor"', 'a.json')).toMatchObject({
      scene: undefined,
      issues: [{ code: 'invalid_json', file: 'a.json' }],
    });
    const { scene, issues } = parseCorridorScene(
      '{"schemaVersion":1,"kind":"corridor","id":"x","corridors":[],"restrictionZones":[]}',
      'b.json',
    );
    expect(scene).toBeUndefined();
    expect(issues.map((issue) => issue.path)).toEqual(['$.title']);
  });

  it('rejects a centre line with one point, a repeated point and a position off the globe', () => {
    const text = document([
      corridor('one-point', { centreLine: [[7.62, 51.96]] }),
      corridor('repeated', {
        centreLine: [
          [7.62, 51.96],
          [7.62, 51.96],
          [7.63, 51.96],
        ],
      }),
      corridor('off-globe', {
        centreLine: [
          [7.62, 51.96],
          [7.63, 95],
        ],
      }),
    ]);
    expect(parseScene(text, 'c.json').issues.map((issue) => issue.path)).toEqual([
      '$.corridors[0].centreLine',
      '$.corridors[1].centreLine[1]',
      '$.corridors[2].centreLine[1][1]',
    ]);
  });
});
