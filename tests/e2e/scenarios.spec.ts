import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, waitForFirstView } from './helpers';

test('a planner opens the York quarter, switches variants and sees the key figures change', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await waitForFirstView(page);
  await page.getByRole('button', { name: 'Planung' }).click();
  await page.getByRole('radio', { name: 'York-Quartier (Gremmendorf)' }).check();
  await expect(page).toHaveURL(/scenario=york&variant=/);
  await expectNoSeriousA11yViolations(page, 'the planning panel');

  const homes = page.getByTestId('figure-homes');
  await expect(homes).not.toHaveText('');
  const firstHomes = await homes.textContent();
  const variants = page.getByRole('group', { name: 'Variante' }).getByRole('radio');
  expect(await variants.count()).toBeGreaterThan(1);
  await variants.nth(1).check();
  await expect(homes).not.toHaveText(firstHomes!);
  // Each figure explains itself.
  await page.getByText('Wohnungen', { exact: true }).click();
  await expect(page.locator('.formula').first()).toBeVisible();
  await expect(page.getByTestId('homes-goal')).toContainText('von 3.000 Wohnungen');

  // The link restores quarter and variant.
  const link = page.url();
  const second = await page.context().newPage();
  await second.goto(link);
  await waitForFirstView(second);
  await second.getByRole('button', { name: 'Planung' }).click();
  await expect(second.getByTestId('figure-homes')).toHaveText(
    (await page.getByTestId('figure-homes').textContent())!,
  );

  // A storyboard step showing a variant carries its key figures as text, the same as the planning panel's.
  await second.goto('/?story=york-three-variants&step=3');
  await expect(second.locator('.story-card[data-story-step="3"]')).toBeVisible();
  await expect(second.locator('[data-story-figures="york/dicht-mit-hochpunkten"]')).toBeVisible();
  await second.getByRole('button', { name: 'Planung' }).click();
  await expect(second.getByTestId('story-figure-homes')).toHaveText(
    (await second.getByTestId('figure-homes').textContent())!,
  );
});
