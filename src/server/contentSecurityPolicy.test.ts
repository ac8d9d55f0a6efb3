import { describe, expect, it } from 'vitest';
import { DEFAULT_TWIN_CONFIG, parseTwinConfig, type TwinConfig } from '../domain/config/twinConfig';
import { buildContentSecurityPolicy, cspSourceOfUrl } from './contentSecurityPolicy';

/** The policy as a map from directive to its sources. */
function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function configWith(overrides: Record<string, unknown>): TwinConfig {
  const result = parseTwinConfig(JSON.stringify({ schemaVersion: 1, ...overrides }));
  if (!result.value) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('buildContentSecurityPolicy', () => {
  it('allows only this server by default, with what CesiumJS needs', () => {
    const directives = directivesOf(buildContentSecurityPolicy(DEFAULT_TWIN_CONFIG));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('never allows inline scripts or scripts from another origin', () => {
    // eval stays allowed only because the Knockout bundled with Cesium's widgets needs it (see the module).
    const policy = buildContentSecurityPolicy(DEFAULT_TWIN_CONFIG);
    expect(directivesOf(policy).get('script-src')).not.toContain("'unsafe-inline'");
    expect(
      directivesOf(policy)
        .get('script-src')
        ?.filter((source) => !source.startsWith("'")),
    ).toEqual([]);
  });

  it('adds the origins of configured tiles, terrain and base layers, and nothing more of their URLs', () => {
    const config = configWith({
      tilesBaseUrl: 'https://cdn.example.org/muenster-twin/tiles',
      terrain: { url: 'https://terrain.example.org:8443/muenster?key=1', attribution: '© Geobasis NRW' },
      baseLayers: [
        {
          type: 'xyz',
          id: 'osm',
          name: 'OpenStreetMap',
          url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
          attribution: '© OpenStreetMap contributors',
        },
        {
          type: 'wmts',
          id: 'luftbild',
          name: 'Luftbild',
          url: 'http://wmts.example.org/wmts/{TileMatrix}/{TileCol}/{TileRow}.jpeg',
          layer: 'dop',
          tileMatrixSetId: 'EPSG_3857',
          attribution: '© Geobasis NRW',
        },
      ],
    });
    const directives = directivesOf(buildContentSecurityPolicy(config));
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'http://wmts.example.org',
      'https://cdn.example.org',
      'https://terrain.example.org:8443',
      'https://tile.openstreetmap.org',
    ]);
    // Cesium loads imagery through <img>, so base layers (and only they) are also image sources.
    expect(directives.get('img-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'http://wmts.example.org',
      'https://tile.openstreetmap.org',
    ]);
    expect(directives.get('script-src')).toEqual(["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"]);
  });

  it('adds nothing for tiles and terrain served by this server', () => {
    const config = configWith({ tilesBaseUrl: '/tiles', terrain: { url: '/terrain', attribution: 'x' } });
    expect(directivesOf(buildContentSecurityPolicy(config)).get('connect-src')).toEqual(["'self'"]);
  });

  it('lists an origin once even when several layers use it', () => {
    const layer = (id: string) => ({
      type: 'xyz',
      id,
      name: id,
      url: `https://maps.example.org/${id}/{z}/{x}/{y}.png`,
      attribution: 'x',
    });
    const config = configWith({ baseLayers: [layer('a'), layer('b')] });
    expect(directivesOf(buildContentSecurityPolicy(config)).get('img-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://maps.example.org',
    ]);
  });
});

describe('cspSourceOfUrl', () => {
  it('keeps scheme, host and a non-default port, and drops path, query and credentials', () => {
    expect(cspSourceOfUrl('https://user:secret@Tiles.Example.org:443/a/b?c=d#e')).toBe(
      'https://tiles.example.org',
    );
    expect(cspSourceOfUrl('http://localhost:3000/tiles')).toBe('http://localhost:3000');
    expect(cspSourceOfUrl('http://[::1]:8080/x')).toBe('http://[::1]:8080');
  });

  it('turns a subdomain placeholder into a CSP wildcard', () => {
    expect(cspSourceOfUrl('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(cspSourceOfUrl('https://tiles-{s}.maps.example.org/{z}/{x}/{y}.png')).toBe(
      'https://*.maps.example.org',
    );
  });

  it('refuses what cannot be expressed safely rather than widening the policy', () => {
    expect(cspSourceOfUrl('https://{s}.org/{z}/{x}/{y}.png')).toBeUndefined();
    expect(cspSourceOfUrl("https://evil.example.org;script-src'unsafe-inline'/x")).toBeUndefined();
    expect(cspSourceOfUrl('/tiles')).toBeUndefined();
    expect(cspSourceOfUrl('ftp://files.example.org/x')).toBeUndefined();
  });

  it('writes international domain names in punycode, as browsers compare them', () => {
    expect(cspSourceOfUrl('https://karten.münster.de/{z}/{x}/{y}.png')).toBe(
      'https://karten.xn--mnster-3ya.de',
    );
  });
});
