import { expect, test } from '@playwright/test';

/** A whole number as the German UI writes it ("1.234", "+18", "−1.200"); "±0" is 0. */
function readGermanInteger(text: string | null): number {
  const sign = text?.startsWith('−') ? -1 : 1;
  return sign * Number((text ?? '').replace(/[^\d]/g, ''));
}

test('a planner compares two York variants, picks a sun preset and computes the sunlight-hours map', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  // The panels and the worker are under test, not the tiles: no need to wait for the whole first view.
  await page.getByRole('button', { name: 'Planung' }).click();
  await page.getByRole('radio', { name: 'York-Quartier (Gremmendorf)' }).check({ timeout: 60_000 });
  await expect(page).toHaveURL(/scenario=york&variant=/);

  // Compare with another variant: a split view and the table of differences.
  await page.getByRole('button', { name: 'Vergleich starten' }).click();
  await expect(page).toHaveURL(/compare=/);
  await expect(page.getByTestId('compare-pane')).toBeVisible();
  const homesA = page.getByTestId('compare-homes-a');
  await expect(homesA).toHaveText((await page.getByTestId('figure-homes').textContent())!);
  const a = readGermanInteger(await homesA.textContent());
  const b = readGermanInteger(await page.getByTestId('compare-homes-b').textContent());
  expect(b).not.toBe(a);
  expect(readGermanInteger(await page.getByTestId('compare-homes-difference').textContent())).toBe(b - a);
  await page.getByRole('button', { name: 'Vergleich beenden' }).click();
  await expect(page.getByTestId('compare-pane')).toHaveCount(0);

  // A sun preset sets the time (Münster summer time) and writes it into the link for the workshop.
  await page.getByRole('button', { name: '21. Juni 12 Uhr' }).click();
  await expect(page).toHaveURL(/time=\d{4}-06-21T10:00Z/);
  await expect(page.getByTestId('sun-clock')).toHaveText('12:00 Uhr (MESZ)');

  // The sunlight-hours map is computed in a worker; its legend appears when it is ready.
  await page.getByRole('button', { name: /Besonnungskarte für den 21\. Juni/ }).click();
  await expect(page.locator('[data-sunlight-map="ready"]')).toBeAttached({ timeout: 90_000 });
  await expect(page.getByTestId('sunlight-legend')).toContainText('10 h und mehr');
});
