import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { waitForFirstView } from './helpers';

test('a copied link restores camera and layers, and the back button steps back', async ({
  page,
  context,
}) => {
  // Loads the first 3D view in two pages: software WebGL on a busy machine needs the room.
  test.slow();
  await page.goto('/');
  await waitForFirstView(page);
  const startUrl = page.url();

  await page.getByRole('button', { name: 'Ebenen' }).click();
  const places = page.getByRole('checkbox', { name: 'Orte des Digitalen Zwillings' });
  await places.uncheck();
  await expect(page).toHaveURL(/layers=buildings,sensors(&|$)/);

  await page.getByRole('button', { name: 'Hineinzoomen' }).click();
  await expect(page).not.toHaveURL(/camera=7\.6283,51\.9544,600,/);
  const cameraText = await page.getByTestId('camera-status').textContent();
  const copiedLink = page.url();

  const second = await context.newPage();
  await second.goto(copiedLink);
  await waitForFirstView(second);
  await expect(second.getByTestId('camera-status')).toHaveText(cameraText!);
  await second.getByRole('button', { name: 'Ebenen' }).click();
  await expect(second.getByRole('checkbox', { name: 'Orte des Digitalen Zwillings' })).not.toBeChecked();

  // The restored view exported as an image for the minutes, by keyboard: the map with title, legend and sources.
  const [mapWidth, mapHeight] = await second
    .locator('.twin-viewer canvas')
    .evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height]);
  const exportButton = second.getByRole('button', { name: 'Ansicht als Bild exportieren' });
  await exportButton.focus();
  const downloading = second.waitForEvent('download');
  await second.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^muenster-twin-\d{4}-\d{2}-\d{2}-\d{4}\.png$/);
  await expect(exportButton).toHaveAttribute('data-view-image', 'done');
  const image = PNG.sync.read(await readFile((await download.path())!));
  expect(image.width).toBe(Math.max(mapWidth!, 720));
  // Title and date above the map (at most 150 px), legends, sources and the link below it.
  expect(image.height).toBeGreaterThan(mapHeight! + 200);
  const coloursIn = (fromRow: number, toRow: number) => {
    const colours = new Set<number>();
    for (let offset = fromRow * image.width * 4; offset < toRow * image.width * 4; offset += 4) {
      colours.add((image.data[offset]! << 16) | (image.data[offset + 1]! << 8) | image.data[offset + 2]!);
    }
    return colours;
  };
  // The map was drawn (a blank capture would be one colour), and the sensor legend's alert red is below it.
  expect(coloursIn(150, mapHeight!).size).toBeGreaterThan(100);
  expect(coloursIn(150 + mapHeight!, image.height).has(0xc62828)).toBe(true);

  // Back: before the zoom, then before hiding the places.
  await page.goBack();
  await expect(page).toHaveURL(/camera=7\.6283,51\.9544,600,0,-35/);
  await page.goBack();
  expect(page.url()).toBe(startUrl);
  await expect(places).toBeChecked();
});
