import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { utm32ToGeographic } from '../../src/domain/geo/projection';
import { parseCameraParameter } from '../../src/domain/view/urlState';
import { collectPageErrors, measureImageVariety, waitForFirstView } from './helpers';

/** The demo letters `npm start` wrote (server side, never served): the first building with a class. */
async function demoLetter(): Promise<{ buildingId: string; code: string }> {
  const csv = await readFile(join(process.cwd(), 'data', 'thermography', 'demo-access-codes.csv'), 'utf8');
  const [header, first] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const columns = header!.split(',');
  const values = first!.split(',');
  return {
    buildingId: values[columns.indexOf('gebaeude_id')]!,
    code: values[columns.indexOf('zugangscode')]!,
  };
}

test('a homeowner logs in with the letter code, sees only their building in 2D and 3D, downloads it, logs out', async ({
  page,
}) => {
  test.slow();
  const errors = collectPageErrors(page);
  const letter = await demoLetter();
  await page.goto('/?lang=de');
  await waitForFirstView(page);
  await page.getByRole('button', { name: 'Thermografie' }).click();
  const portal = page.locator('#panel-thermography .owner-portal');
  const codeField = portal.getByLabel('Zugangscode aus dem Brief');
  await expect(codeField).toHaveAttribute('autocomplete', 'off');

  // A wrong code (one character changed): a clear error, nothing shown.
  const wrongCode = letter.code.slice(0, 6) + (letter.code[6] === 'A' ? 'B' : 'A') + letter.code.slice(7);
  await codeField.fill(wrongCode);
  await portal.getByRole('button', { name: 'Anmelden' }).click();
  await expect(portal.getByRole('alert')).toContainText('Code nicht erkannt');
  await expect(portal.locator('[data-owner-building]')).toHaveCount(0);

  await codeField.fill(letter.code);
  await portal.getByRole('button', { name: 'Anmelden' }).click();
  const result = portal.locator(`[data-owner-building="${letter.buildingId}"]`);
  await expect(result).toBeVisible();
  await expect(result.locator('.owner-class')).toHaveText(
    /Klasse [1-5] – (sehr gering|gering|mittel|hoch|sehr hoch)/,
  );
  for (const statistic of ['mean', 'median', 'percentile90', 'max', 'warmShare', 'reference', 'threshold'])
    await expect(result.locator(`[data-statistic="${statistic}"] dd`)).toHaveText(/\d/);
  await expect(result.getByRole('region', { name: 'Was Sie jetzt tun können' })).toContainText(
    'Energieberatung',
  );
  await expect(result.getByRole('region', { name: 'Vergleich mit ähnlichen Gebäuden' })).toContainText(
    /Klasse 1: \d+ %/,
  );

  // The roof image lies on the roof in the city view, and the three.js view has drawn the building.
  await expect(result).toHaveAttribute('data-owner-roof', 'draped');
  const view = result.locator('[data-owner-3d]');
  await expect(view).toHaveAttribute('data-owner-3d', 'ready');
  const variety = measureImageVariety(await view.locator('canvas').screenshot());
  expect(variety.distinctColours).toBeGreaterThan(50);

  // The camera flew to the building; the code is nowhere in the address bar or the browser's storage.
  const exported = await (await page.request.get(`/api/thermography/buildings/${letter.buildingId}`)).json();
  const [eastingMeters, northingMeters] = (exported as { result: { centre: [number, number] } }).result
    .centre;
  const building = utm32ToGeographic({ eastingMeters, northingMeters });
  await expect
    .poll(() => {
      const camera = parseCameraParameter(new URL(page.url()).searchParams.get('camera') ?? '');
      return camera
        ? Math.hypot(
            camera.longitudeDegrees - building.longitudeDegrees,
            camera.latitudeDegrees - building.latitudeDegrees,
          )
        : 1;
    })
    .toBeLessThan(0.002);
  expect(page.url()).not.toContain(letter.code);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(storage).not.toContain(letter.code);
  expect(storage).not.toContain(letter.buildingId);

  // Everything as JSON, as a real download.
  const downloading = page.waitForEvent('download');
  await result.getByRole('link', { name: 'Alle Daten (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`thermografie-${letter.buildingId}.json`);
  const downloaded = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    buildingId: string;
    imagePngBase64: string;
  };
  expect(downloaded.buildingId).toBe(letter.buildingId);
  expect(downloaded.imagePngBase64.length).toBeGreaterThan(100);

  // Logging out forgets the building here and on the server.
  await result.getByRole('button', { name: 'Abmelden' }).click();
  await expect(codeField).toBeVisible();
  await expect(portal.locator('[data-owner-building]')).toHaveCount(0);
  expect((await page.request.get('/api/thermography/session')).status()).toBe(401);
  // The wrong code's 401 is the one failed request the browser reports.
  expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('an owner reaches the portal, logs in and sees the class and the 3D view of their building', async ({
    page,
  }) => {
    test.slow();
    const letter = await demoLetter();
    await page.goto('/?lang=de');
    await waitForFirstView(page);
    // The panel buttons scroll sideways beside the map controls instead of running under them.
    const strip = (await page.locator('.panel-buttons').boundingBox())!;
    const controls = (await page.locator('.map-controls').boundingBox())!;
    expect(strip.x + strip.width).toBeLessThanOrEqual(controls.x);
    const toggle = page.getByRole('button', { name: 'Thermografie' });
    expect((await toggle.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await toggle.tap();
    // The open panel is a sheet across the whole width, within the screen.
    const panel = page.locator('#panel-thermography');
    await expect(panel).toBeVisible();
    const sheet = (await panel.boundingBox())!;
    expect(sheet.width).toBeGreaterThan(380);
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(844 + 1);
    // The map controls stay usable above the sheet.
    const controlsAbove = (await page.locator('.map-controls').boundingBox())!;
    expect(controlsAbove.y + controlsAbove.height).toBeLessThanOrEqual(sheet.y);

    const portal = panel.locator('.owner-portal');
    await portal.getByLabel('Zugangscode aus dem Brief').fill(letter.code);
    await portal.getByRole('button', { name: 'Anmelden' }).tap();
    const result = portal.locator(`[data-owner-building="${letter.buildingId}"]`);
    await expect(result.locator('.owner-class')).toHaveText(/Klasse [1-5]/);
    const view = result.locator('[data-owner-3d]');
    await view.scrollIntoViewIfNeeded();
    await expect(view).toHaveAttribute('data-owner-3d', 'ready');
    const canvas = (await view.locator('canvas').boundingBox())!;
    expect(canvas.x).toBeGreaterThanOrEqual(0);
    expect(canvas.x + canvas.width).toBeLessThanOrEqual(390);
  });
});
