// startServer starts and stops the sensor hub as the environment says; its problems never keep the twin from starting.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createTestSite, jsonOf, send, type TestSite } from '../serverTestSupport';
import { startServer, type RunningServer } from '../startServer';
import { connectLiveClient } from './testSupport/liveClient';
import { waitUntil } from './testSupport/hubTestSupport';

let site: TestSite;
let server: RunningServer | undefined;
let log: MockInstance;
let errors: MockInstance;

beforeEach(async () => {
  site = await createTestSite();
  log = vi.spyOn(console, 'log').mockImplementation(() => {});
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await site.remove();
  vi.restoreAllMocks();
});

const portOf = (running: RunningServer): number => Number(new URL(running.url).port);

describe('startServer and the sensor hub', { timeout: 30_000 }, () => {
  it('starts the hub with the server, says where it publishes, and stops it with the server', async () => {
    await writeFile(
      join(site.root, 'sensors.config.json'),
      JSON.stringify({ sources: [], database: { path: 'var/sensoren.sqlite' } }),
    );
    server = await startServer({ PORT: '0', MQTT_PORT: '0' }, site.root);
    expect(log.mock.calls.map(([line]) => String(line))).toContainEqual(
      expect.stringMatching(
        /^Sensor-Hub: 0 Quelle\(n\), MQTT mqtt:\/\/127\.0\.0\.1:\d+, Datenbank var\/sensoren\.sqlite$/,
      ),
    );
    const port = portOf(server);
    expect((await send(port, '/api/sensors')).status).toBe(200);
    const client = await connectLiveClient(port);
    await waitUntil(() => client.messages.length === 1, 'the snapshot arrives');
    expect(client.messages[0]).toMatchObject({ type: 'snapshot', snapshot: { sensors: [], sources: [] } });
    await server.close();
    server = undefined;
    await client.close();
    expect(existsSync(join(site.root, 'var', 'sensoren.sqlite'))).toBe(true);
  });

  it('leaves the hub off with SENSOR_HUB=off: the sensor API answers 503 and no sensor database is created', async () => {
    server = await startServer({ PORT: '0', SENSOR_HUB: 'off' }, site.root);
    const response = await send(portOf(server), '/api/sensors');
    expect(response.status).toBe(503);
    expect(jsonOf(response)).toMatchObject({ reason: 'the sensor hub is switched off (SENSOR_HUB=off)' });
    // Other stores (workshops) may create data/; the sensor hub's own database must not exist.
    expect(existsSync(join(site.root, 'data', 'sensors.sqlite'))).toBe(false);
  });

  it('serves the twin without the hub when its configuration is broken, naming file and field on stderr', async () => {
    await writeFile(
      join(site.root, 'sensoren.json'),
      JSON.stringify({ broker: { type: 'embedded', port: 'neunzehn' } }),
    );
    server = await startServer({ PORT: '0', SENSORS_CONFIG: 'sensoren.json' }, site.root);
    const port = portOf(server);
    expect((await send(port, '/health')).status).toBe(200);
    const response = await send(port, '/api/sensors/stats');
    expect(response.status).toBe(503);
    expect(jsonOf(response)).toMatchObject({ reason: expect.stringContaining('sensoren.json has problems') });
    const stderr = errors.mock.calls.map((call) => call.map(String).join(' '));
    expect(stderr).toContainEqual(expect.stringMatching(/^sensoren\.json \$\.broker\.port: /));
  });
});
