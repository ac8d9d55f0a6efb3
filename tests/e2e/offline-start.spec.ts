import { expect, test } from '@playwright/test';
import {
  collectPageErrors,
  measureImageVariety,
  recordRequestsLeavingLocalhost,
  waitForFirstView,
} from './helpers';

test('opens on the Prinzipalmarkt in 3D, offline, without a console error', async ({ page, context }) => {
  const leaving = await recordRequestsLeavingLocalhost(context);
  const errors = collectPageErrors(page);
  const imageryRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/cesium/Assets/Textures/NaturalEarthII/'))
      imageryRequests.push(request.url());
  });

  await page.goto('/');
  await waitForFirstView(page);

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Digitaler Zwilling der Stadt Münster');
  // The camera rests over the Prinzipalmarkt, as the overview scene says (German number format).
  await expect(page.getByTestId('camera-status')).toContainText('51,95440° N, 7,62830° O, Höhe 600 m');
  expect(new URL(page.url()).searchParams.get('camera')).toBe('7.6283,51.9544,600,0,-35');

  const canvas = page.locator('.twin-viewer canvas');
  const variety = measureImageVariety(await canvas.screenshot());
  // A blank or single-colour canvas would mean the globe did not render.
  expect(variety.distinctColours).toBeGreaterThan(50);
  expect(variety.shareOffModeColour).toBeGreaterThan(0.2);
  expect(variety.modeBrightness).toBeGreaterThan(30);

  expect(imageryRequests.length).toBeGreaterThan(0);
  // Nothing claims Ion is in use: CesiumJS is credited in words, not with the "Cesium ion" logo.
  await expect(page.locator('.cesium-credit-logoContainer')).toHaveText('CesiumJS');
  await expect(page.locator('.cesium-widget-credits img[title="Cesium ion"]')).toHaveCount(0);
  expect(leaving).toEqual([]);
  expect(errors).toEqual([]);
});

test('lists every place of the mission with its source, and flies to one', async ({ page }) => {
  await page.goto('/');
  await waitForFirstView(page);
  await page.getByRole('button', { name: 'Info & Quellen' }).click();
  const sources = page.locator('.source-list dt');
  await expect(sources).toHaveText([
    'Prinzipalmarkt',
    'Aasee (Messboje)',
    'York-Quartier (Gremmendorf)',
    'Oxford-Quartier (Gievenbeck)',
    'Hörstertor (Leezenflow)',
    'Kanalpromenade',
    'P+R Nieberdingstraße',
  ]);
  await page.getByRole('button', { name: 'Ebenen' }).click();
  await page.getByRole('button', { name: 'Zu Aasee (Messboje) fliegen' }).click();
  await expect(page.getByTestId('camera-status')).toContainText('51,94942° N, 7,61430° O');
});
