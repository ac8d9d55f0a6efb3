import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { parseSearchIndex } from '../../src/domain/buildings/searchIndex';
import { expectNoSeriousA11yViolations, waitForFirstView } from './helpers';

/** Share of pixels that differ clearly between two screenshots of the same size. */
function shareOfChangedPixels(first: Buffer, second: Buffer): number {
  const a = PNG.sync.read(first);
  const b = PNG.sync.read(second);
  let changed = 0;
  for (let offset = 0; offset < a.data.length; offset += 4) {
    const difference =
      Math.abs(a.data[offset]! - b.data[offset]!) +
      Math.abs(a.data[offset + 1]! - b.data[offset + 1]!) +
      Math.abs(a.data[offset + 2]! - b.data[offset + 2]!);
    if (difference > 60) changed++;
  }
  return changed / (a.width * a.height);
}

test('the default city renders in 3D and can be hidden', async ({ page }) => {
  await page.goto('/');
  await waitForFirstView(page);
  const canvas = page.locator('.twin-viewer canvas');
  const withBuildings = await canvas.screenshot();
  await expectNoSeriousA11yViolations(page, 'the start screen');
  await page.getByRole('button', { name: 'Ebenen' }).click();
  await expect(page.getByRole('region', { name: 'Ebenen', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the layer panel');
  await page.getByRole('checkbox', { name: 'Gebäude (3D)' }).uncheck();
  await expect(page).toHaveURL(/layers=places,sensors(&|$)/);
  await expect
    .poll(async () => shareOfChangedPixels(withBuildings, await canvas.screenshot()))
    .toBeGreaterThan(0.2);
  await page.getByRole('button', { name: 'Messen' }).click();
  await expect(page.getByRole('region', { name: 'Messen', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the measure panel');
});

test('search flies to an address, and a click on the building there shows its attributes', async ({
  page,
}) => {
  // Two flights and several picks in software WebGL: more than the default time on a loaded machine.
  test.slow();
  // An address that exists in the default city, read from the index the pipeline wrote beside the tileset.
  const indexFile = resolve(import.meta.dirname, '../../tiles/default/search-index.json');
  const entries = parseSearchIndex(JSON.parse(readFileSync(indexFile, 'utf8')), indexFile).value!;
  const target = entries.find((entry) => entry.address.startsWith('Prinzipalmarkt')) ?? entries[0]!;
  const streetAndNumber = target.address.split(',')[0]!;

  await page.goto('/');
  await waitForFirstView(page);
  const search = page.getByRole('combobox', { name: 'Adresse suchen' });
  await search.fill(streetAndNumber);
  await page.getByRole('option', { name: target.address, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`building=${target.buildingId}`));
  const info = page.getByRole('region', { name: 'Gebäude' });
  await expect(info).toContainText(target.address);
  await expect(info).toContainText('Gebäudefunktion');
  await expect(info).toContainText(target.buildingId);

  // Once the flight has ended (the link then holds the new camera), the camera looks down at that building:
  // clear the selection, then click the middle of the view.
  await expect(page).not.toHaveURL(/camera=7\.6283,51\.9544,600,/);
  await info.getByRole('button', { name: 'Auswahl aufheben' }).click();
  await expect(info).toBeHidden();
  const canvas = page.locator('.twin-viewer canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(info).toContainText(target.address);
  await expect(info).toContainText('Gebäudehöhe');

  // Hidden by hand: it goes into the link, and a click at the same spot no longer finds it.
  await info.getByRole('button', { name: 'Gebäude ausblenden' }).click();
  await expect(page).toHaveURL(new RegExp(`hidden=${target.buildingId}`));
  await expect(info).toBeHidden();
  await expect(async () => {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // Two animation frames: the pick has reached the store and React has drawn the panel.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await expect(info).not.toContainText(target.buildingId, { timeout: 100 });
  }).toPass();
  await page.getByRole('button', { name: 'Ebenen' }).click();
  await expect(page.getByText('1 Gebäude von Hand ausgeblendet')).toBeVisible();
  await page.getByRole('button', { name: 'Alle wieder einblenden' }).click();
  await expect(page).not.toHaveURL(/hidden=/);
});

test('measures a distance on the model instead of selecting buildings while the measuring panel is open', async ({
  page,
}) => {
  await page.goto('/');
  await waitForFirstView(page);
  await page.getByRole('button', { name: 'Messen' }).click();
  await expect(page.getByRole('radio', { name: 'Strecke' })).toBeChecked();
  const canvas = page.locator('.twin-viewer canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.5);
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.7);
  const result = page.getByTestId('measure-result');
  await expect(result).toContainText('2 Punkte gesetzt');
  // A few hundred metres between two points of the view over the old town.
  const distanceText = await result.locator('dt:has-text("Strecke (waagerecht)") + dd').textContent();
  const meters = Number(distanceText!.replace(' m', '').replace('.', '').replace(',', '.'));
  expect(meters).toBeGreaterThan(20);
  expect(meters).toBeLessThan(2000);
  expect(page.url()).not.toContain('building=');

  await page.getByRole('button', { name: 'Messen' }).click();
  await expect(result).toBeHidden();
});
