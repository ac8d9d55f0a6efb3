import { expect, test } from '@playwright/test';
import { waitForFirstView } from './helpers';

test('the language switch turns the whole UI into English and back', async ({ page }) => {
  // Loads the first 3D view twice (before and after a reload): software WebGL on a busy machine needs the room.
  test.slow();
  await page.goto('/');
  await waitForFirstView(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Digital twin of the city of Münster');
  await expect(page.getByRole('button', { name: 'Layers' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back to the start view' })).toBeVisible();
  await expect(page.getByTestId('camera-status')).toContainText('51.95440° N, 7.62830° E');
  await expect(page).toHaveURL(/lang=en/);

  await page.reload();
  await waitForFirstView(page);
  await expect(page.getByRole('button', { name: 'Info & sources' })).toBeVisible();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('button', { name: 'Info & Quellen' })).toBeVisible();
});
