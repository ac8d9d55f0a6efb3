import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../validation/issues';
import { localize, parseScene } from './sceneDocument';

const scenesDirectory = resolve(import.meta.dirname, '../../../scenes');
const sceneFiles = readdirSync(scenesDirectory).filter((name) => name.endsWith('.json'));

describe('scene documents in scenes/', () => {
  it('there is at least the overview scene', () => {
    expect(sceneFiles).toContain('muenster.json');
  });

  it.each(sceneFiles)('scenes/%s is valid', (name) => {
    const file = `scenes/${name}`;
    const { issues } = parseScene(readFileSync(join(scenesDirectory, name), 'utf8'), file);
    expect(issues.map(formatIssue)).toEqual([]);
  });

  it('the overview scene holds every place the mission is about, each with source and accuracy', () => {
    const { value } = parseScene(
      readFileSync(join(scenesDirectory, 'muenster.json'), 'utf8'),
      'muenster.json',
    );
    expect(value?.kind).toBe('overview');
    const places = value?.kind === 'overview' ? value.places : [];
    const ids = places.map((place) => place.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'prinzipalmarkt',
        'aasee',
        'york-quartier',
        'oxford-quartier',
        'hoerstertor',
        'kanalpromenade',
        'p-r-nieberdingstrasse',
      ]),
    );
    for (const place of places) {
      // Every place lies inside Münster's city boundary box.
      expect(place.longitudeDegrees).toBeGreaterThan(7.47);
      expect(place.longitudeDegrees).toBeLessThan(7.78);
      expect(place.latitudeDegrees).toBeGreaterThan(51.84);
      expect(place.latitudeDegrees).toBeLessThan(52.06);
    }
  });
});

describe('parseScene', () => {
  it('names the file and JSON path of a bad field', () => {
    const broken = {
      schemaVersion: 1,
      kind: 'overview',
      id: 'x',
      title: { de: 'X' },
      camera: {
        longitudeDegrees: 7,
        latitudeDegrees: 52,
        heightMeters: 600,
        headingDegrees: 0,
        pitchDegrees: -35,
      },
      places: [
        {
          id: 'a',
          name: { de: 'A' },
          longitudeDegrees: 200,
          latitudeDegrees: 52,
          accuracyMeters: 5,
          source: 's',
          licence: 'l',
        },
      ],
    };
    const { issues } = parseScene(JSON.stringify(broken), 'scenes/broken.json');
    expect(issues).toEqual([
      expect.objectContaining({ file: 'scenes/broken.json', path: '$.places[0].longitudeDegrees' }),
    ]);
  });

  it('reports an unknown kind and a newer schema version', () => {
    expect(parseScene('{"schemaVersion":1,"kind":"spaceship"}', 'a.json').issues[0]?.path).toBe('$.kind');
    expect(
      parseScene('{"schemaVersion":2,"kind":"overview"}', 'a.json').issues.map((issue) => issue.path),
    ).toContain('$.schemaVersion');
  });
});

describe('localize', () => {
  it('falls back to German where English is missing', () => {
    expect(localize({ de: 'Dom' }, 'en')).toBe('Dom');
    expect(localize({ de: 'Dom', en: 'Cathedral' }, 'en')).toBe('Cathedral');
  });
});
