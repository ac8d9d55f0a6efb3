import { expect, test } from '@playwright/test';
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

  // Back: before the zoom, then before hiding the places.
  await page.goBack();
  await expect(page).toHaveURL(/camera=7\.6283,51\.9544,600,0,-35/);
  await page.goBack();
  expect(page.url()).toBe(startUrl);
  await expect(places).toBeChecked();
});
