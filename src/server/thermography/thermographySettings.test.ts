import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readThermographySettings, readTrustProxy } from './thermographySettings';

describe('thermography settings', () => {
  const cwd = join('/', 'srv', 'twin');

  it('keeps the private file under data/ and the overlay in the tiles folder by default', () => {
    expect(readThermographySettings({}, cwd)).toMatchObject({
      databaseFile: join(cwd, 'data', 'thermography', 'thermography.sqlite'),
      overlayFile: join(cwd, 'tiles', 'thermography', 'heat-loss-grid.geojson'),
      secureCookies: 'auto',
    });
  });

  it('takes THERMOGRAPHY_DB and THERMOGRAPHY_SECURE_COOKIES, ignoring unknown cookie modes', () => {
    expect(
      readThermographySettings(
        { THERMOGRAPHY_DB: '/var/lib/twin/t.sqlite', THERMOGRAPHY_SECURE_COOKIES: 'Always' },
        cwd,
      ),
    ).toMatchObject({ databaseFile: join('/', 'var', 'lib', 'twin', 't.sqlite'), secureCookies: 'always' });
    expect(readThermographySettings({ THERMOGRAPHY_SECURE_COOKIES: 'maybe' }, cwd).secureCookies).toBe(
      'auto',
    );
  });

  it('trusts no proxy unless TRUST_PROXY says so', () => {
    expect(readTrustProxy({})).toBe(false);
    expect(readTrustProxy({ TRUST_PROXY: 'false' })).toBe(false);
    expect(readTrustProxy({ TRUST_PROXY: 'true' })).toBe(true);
    expect(readTrustProxy({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' })).toBe('127.0.0.1,10.0.0.0/8');
  });
});
