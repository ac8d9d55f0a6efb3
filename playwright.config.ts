import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/** Debian's chromium where installed (here and in CI), else Playwright's own browser (a developer's laptop). */
export const SYSTEM_CHROMIUM_PATH =
  process.env.TWIN_CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

const E2E_PORT = Number(process.env.TWIN_E2E_PORT ?? 8137);

export default defineConfig({
  testDir: 'tests/e2e',
  // WebGL runs in software here: one worker, generous timeouts, and tests that wait on readiness signals.
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1024, height: 700 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: SYSTEM_CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
  // `npm start` itself: builds the default city on first run and the app when its sources changed, then serves.
  webServer: {
    command: 'tsx scripts/start.ts',
    url: `http://127.0.0.1:${E2E_PORT}/health`,
    // The default replay plus a probe sensor the sensor test publishes to over MQTT (its own broker port).
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      SENSORS_CONFIG: 'tests/e2e/fixtures/sensors.e2e.json',
      MQTT_PORT: '18831',
      // A fresh database of saved variants per run, so a test saving "Workshop 1" finds the name free.
      SAVED_VARIANTS_DB: join(tmpdir(), `twin-e2e-saved-variants-${process.pid}-${Date.now()}.sqlite`),
    },
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
  },
});
