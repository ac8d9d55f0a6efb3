import { describe, expect, it } from 'vitest';
import { DEFAULT_TWIN_CONFIG, parseTwinConfig, resolveTilesUrl } from './twinConfig';

const valid = {
  schemaVersion: 1,
  baseLayers: [
    {
      type: 'xyz',
      id: 'osm',
      name: 'OSM',
      url: 'https://tile.example.org/{z}/{x}/{y}.png',
      attribution: '© OSM',
    },
  ],
  defaultBaseLayerId: 'osm',
  terrain: { url: 'https://terrain.example.org/muenster', attribution: '© Geobasis NRW' },
};

describe('parseTwinConfig', () => {
  it('accepts a config with an XYZ base layer and terrain, filling defaults', () => {
    const result = parseTwinConfig(JSON.stringify(valid));
    expect(result.issues).toEqual([]);
    expect(result.value?.tilesBaseUrl).toBe('/tiles');
    expect(result.value?.baseLayers[0]).toMatchObject({ id: 'osm', maximumLevel: 19 });
  });

  it('is fully offline by default: no base layer, no terrain, tiles from this server', () => {
    expect(DEFAULT_TWIN_CONFIG).toMatchObject({
      baseLayers: [],
      tilesBaseUrl: '/tiles',
      defaultBaseLayerId: 'natural-earth',
    });
    expect(DEFAULT_TWIN_CONFIG.terrain).toBeUndefined();
  });

  it('names the file and the field of an XYZ URL without placeholders', () => {
    const broken = {
      ...valid,
      baseLayers: [{ ...valid.baseLayers[0], url: 'https://tile.example.org/tiles.png' }],
    };
    const { issues } = parseTwinConfig(JSON.stringify(broken), 'my.config.json');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'my.config.json', path: '$.baseLayers[0].url' });
    expect(issues[0]?.message).toContain('{z}');
  });

  it('reports a JSON syntax error with the file name', () => {
    const { issues } = parseTwinConfig('{ "schemaVersion": 1,', 'twin.config.json');
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid_json', file: 'twin.config.json', path: '$' }),
    ]);
  });

  it('rejects unknown fields, so a typo does not pass silently', () => {
    const { issues } = parseTwinConfig(JSON.stringify({ schemaVersion: 1, tileBaseUrl: '/x' }));
    expect(issues[0]).toMatchObject({ code: 'unrecognized_keys', path: '$' });
    expect(issues[0]?.message).toContain('tileBaseUrl');
  });

  it('rejects a default base layer that does not exist and duplicate ids', () => {
    const duplicate = {
      ...valid,
      baseLayers: [valid.baseLayers[0], valid.baseLayers[0]],
      defaultBaseLayerId: 'aerial',
    };
    const paths = parseTwinConfig(JSON.stringify(duplicate)).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['$.baseLayers[1].id', '$.defaultBaseLayerId']));
  });

  it('shows the default city unless another buildings tileset is named, and rejects a path for a name', () => {
    expect(DEFAULT_TWIN_CONFIG.buildingsTileset).toBe('default');
    expect(
      parseTwinConfig(JSON.stringify({ schemaVersion: 1, buildingsTileset: 'muenster-lod2' })).value
        ?.buildingsTileset,
    ).toBe('muenster-lod2');
    expect(
      parseTwinConfig(JSON.stringify({ schemaVersion: 1, buildingsTileset: '../etc' })).issues[0],
    ).toMatchObject({ path: '$.buildingsTileset' });
  });

  it('rejects a tiles base URL that is neither absolute nor a server path', () => {
    const { issues } = parseTwinConfig(JSON.stringify({ schemaVersion: 1, tilesBaseUrl: 'ftp://cdn/tiles' }));
    expect(issues[0]).toMatchObject({ path: '$.tilesBaseUrl' });
  });
});

describe('resolveTilesUrl', () => {
  it('joins a CDN base and a tileset path with exactly one slash', () => {
    expect(resolveTilesUrl({ tilesBaseUrl: 'https://cdn.example.org/tiles/' }, '/default/tileset.json')).toBe(
      'https://cdn.example.org/tiles/default/tileset.json',
    );
    expect(resolveTilesUrl({ tilesBaseUrl: '/tiles' }, 'default/tileset.json')).toBe(
      '/tiles/default/tileset.json',
    );
  });
});
