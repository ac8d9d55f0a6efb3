import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidServerSettingError, readSensorHubSettings, readServerSettings } from './serverSettings';

const cwd = join('/', 'srv', 'muenster-twin');

describe('readServerSettings', () => {
  it('defaults to port 8080 on this machine only, with every folder beside the working directory', () => {
    expect(readServerSettings({}, cwd)).toEqual({
      host: '127.0.0.1',
      port: 8080,
      configFile: join(cwd, 'twin.config.json'),
      tilesDir: join(cwd, 'tiles'),
      scenesDir: join(cwd, 'scenes'),
      appDir: join(cwd, 'dist'),
      savedVariantsDatabase: join(cwd, 'data', 'saved-variants.sqlite'),
      workshopsDatabase: join(cwd, 'data', 'workshops.sqlite'),
      thermography: expect.objectContaining({
        databaseFile: join(cwd, 'data', 'thermography', 'thermography.sqlite'),
        overlayFile: join(cwd, 'tiles', 'thermography', 'heat-loss-grid.geojson'),
        secureCookies: 'auto',
      }) as unknown,
      trustProxy: false,
    });
  });

  it('takes every variable, resolving relative paths from the working directory', () => {
    const settings = readServerSettings(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        TWIN_CONFIG: 'config/stadt.json',
        TILES_DIR: '/data/tiles',
        SCENES_DIR: '../scenes',
        APP_DIR: 'build',
        SAVED_VARIANTS_DB: '/var/lib/twin/variants.sqlite',
        WORKSHOPS_DB: '/var/lib/twin/workshops.sqlite',
      },
      cwd,
    );
    expect(settings).toEqual({
      host: '0.0.0.0',
      port: 9000,
      configFile: join(cwd, 'config', 'stadt.json'),
      tilesDir: join('/', 'data', 'tiles'),
      scenesDir: join('/', 'srv', 'scenes'),
      appDir: join(cwd, 'build'),
      savedVariantsDatabase: join('/', 'var', 'lib', 'twin', 'variants.sqlite'),
      workshopsDatabase: join('/', 'var', 'lib', 'twin', 'workshops.sqlite'),
      thermography: expect.objectContaining({
        overlayFile: join('/', 'data', 'tiles', 'thermography', 'heat-loss-grid.geojson'),
      }) as unknown,
      trustProxy: false,
    });
  });

  it('treats empty variables (as `PORT=` in an env file leaves them) as unset', () => {
    expect(readServerSettings({ PORT: '', HOST: ' ' }, cwd)).toMatchObject({ port: 8080, host: '127.0.0.1' });
  });

  it('accepts 0 (any free port) and 65535', () => {
    expect(readServerSettings({ PORT: '0' }, cwd).port).toBe(0);
    expect(readServerSettings({ PORT: '65535' }, cwd).port).toBe(65535);
  });

  it.each(['abc', '80.5', '-1', '65536', '8080abc', '1e3', '0x50'])(
    'rejects PORT=%s with a clear message',
    (port) => {
      expect(() => readServerSettings({ PORT: port }, cwd)).toThrow(InvalidServerSettingError);
      expect(() => readServerSettings({ PORT: port }, cwd)).toThrow(/PORT=".*" ist ungültig.*0 bis 65535/);
    },
  );
});

describe('readSensorHubSettings', () => {
  it('defaults to a running hub with an optional sensors.config.json beside the working directory', () => {
    expect(readSensorHubSettings({}, cwd)).toEqual({
      enabled: true,
      configFile: join(cwd, 'sensors.config.json'),
      configRequired: false,
      mqttPort: undefined,
    });
  });

  it('takes SENSOR_HUB, SENSORS_CONFIG (then required) and MQTT_PORT', () => {
    expect(
      readSensorHubSettings(
        { SENSOR_HUB: 'OFF', SENSORS_CONFIG: 'config/sensoren.json', MQTT_PORT: '0' },
        cwd,
      ),
    ).toEqual({
      enabled: false,
      configFile: join(cwd, 'config', 'sensoren.json'),
      configRequired: true,
      mqttPort: 0,
    });
    expect(readSensorHubSettings({ SENSOR_HUB: 'on', MQTT_PORT: '' }, cwd)).toMatchObject({
      enabled: true,
      mqttPort: undefined,
    });
  });

  it('rejects an unknown SENSOR_HUB and an impossible MQTT_PORT with a clear message', () => {
    expect(() => readSensorHubSettings({ SENSOR_HUB: 'vielleicht' }, cwd)).toThrow(
      /SENSOR_HUB="vielleicht" ist ungültig: erwartet wird on oder off/,
    );
    expect(() => readSensorHubSettings({ MQTT_PORT: '1883x' }, cwd)).toThrow(
      /MQTT_PORT="1883x" ist ungültig.*0 bis 65535/,
    );
  });
});
