import { expect, test, type WebSocketRoute } from '@playwright/test';
import mqtt from 'mqtt';
import { expectNoSeriousA11yViolations, waitForFirstView } from './helpers';

/** The e2e server's embedded broker (tests/e2e/fixtures/sensors.e2e.json, MQTT_PORT in playwright.config.ts). */
const BROKER_URL = 'mqtt://127.0.0.1:18831';

async function publish(sensorId: string, value: number): Promise<void> {
  const client = await mqtt.connectAsync(BROKER_URL, { reconnectPeriod: 0 });
  try {
    await client.publishAsync(
      `e2e/${sensorId}`,
      JSON.stringify({ sensorId, phenomenon: 'pm10', value, time: new Date().toISOString() }),
    );
  } finally {
    await client.endAsync();
  }
}

test('sensors appear on the model, a value arrives live over MQTT, a click shows the chart, silence turns it stale', async ({
  page,
}) => {
  test.slow();
  // The hub's WebSocket passes through Playwright, so the test can cut it as a network outage would (the real
  // server cannot be restarted here; src/app/sensorFeed.reconnect.test.ts restarts one).
  let outage = false;
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/api\/sensors\/live$/, (socket) => {
    if (outage) return void socket.close();
    socket.connectToServer();
    sockets.push(socket);
  });
  await page.goto('/');
  await waitForFirstView(page);
  await page.getByRole('button', { name: 'Sensoren' }).click();
  // The replay's sensors plus the probe, over the WebSocket.
  await expect(page.getByText(/^Live: \d+ Sensoren$/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the sensor panel');

  // The link drops and attempts fail for a while: the status bar says so (a live region), then the feed recovers.
  const feedStatus = page.locator('.status-bar').getByRole('status').filter({ hasText: 'Sensor-Hub' });
  outage = true;
  for (const socket of sockets.splice(0)) await socket.close();
  await expect(feedStatus).toHaveText('Sensor-Hub: Verbindung unterbrochen – neuer Versuch …');
  outage = false;
  await expect(feedStatus).toHaveText('Sensor-Hub: wieder verbunden, Werte sind live.');
  await expect(page.getByText(/^Live: \d+ Sensoren$/)).toBeVisible();

  // A value above the EU daily limit for PM10 arrives through the real broker and the hub.
  await publish('e2e-probe', 80);
  const breach = page.getByRole('button', { name: /Prüfsensor Prinzipalmarkt – Feinstaub PM10: 80/ });
  await expect(breach).toBeVisible();
  await expect(breach).toContainText('Grenzwert überschritten');
  await breach.click();
  const details = page.getByRole('region', { name: 'Prüfsensor Prinzipalmarkt' });
  await expect(details.getByTestId('sensor-values')).toContainText('80 µg/m³');
  await expect(page).toHaveURL(/sensor=e2e-probe/);

  // The next value replaces it on screen without a reload.
  await publish('e2e-probe', 23);
  await expect(details.getByTestId('sensor-values')).toContainText('23 µg/m³');
  await expect(details.getByTestId('sensor-chart')).toContainText(/\d+ Messwerte/);

  // The flight centred the sensor: a click on the model there selects it again.
  await details.getByRole('button', { name: 'Sensor schließen' }).click();
  await expect(details).toBeHidden();
  await expect(page).not.toHaveURL(/camera=7\.6283,51\.9544,600,/);
  const canvas = page.locator('.twin-viewer canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(details).toBeVisible();

  // It reports every 4 s; after 8 s of silence it is stale.
  await expect(details.getByText(/die Werte sind veraltet/)).toBeVisible({ timeout: 60_000 });
});
