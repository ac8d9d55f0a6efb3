import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/createServer';
import { waitForFirstView } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
let server: FastifyInstance;
let baseUrl: string;

// A second server of our own, started with a config file whose base layer URL lacks its placeholders.
test.beforeAll(async () => {
  const configFile = join(mkdtempSync(join(tmpdir(), 'twin-broken-config-')), 'twin.config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      schemaVersion: 1,
      baseLayers: [
        {
          type: 'xyz',
          id: 'osm',
          name: 'OSM',
          url: 'https://tile.example.org/tiles.png',
          attribution: '© OSM',
        },
      ],
    }),
  );
  server = await createServer({
    appDir: join(ROOT, 'dist'),
    tilesDir: join(ROOT, 'tiles'),
    scenesDir: join(ROOT, 'scenes'),
    configFile,
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await server.close();
});

test('a broken config file is named with its field in the UI and on the console, and the app still works', async ({
  page,
}) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  await page.goto(`${baseUrl}/`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('twin.config.json, Feld $.baseLayers[0].url');
  await expect(alert).toContainText('{z}');
  expect(consoleErrors.join('\n')).toContain('twin.config.json $.baseLayers[0].url');
  // It falls back to the offline defaults rather than showing nothing.
  await waitForFirstView(page);
  await expect(page.getByTestId('camera-status')).toContainText('51,95440° N');
});
