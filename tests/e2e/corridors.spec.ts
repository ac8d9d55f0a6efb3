import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, waitForFirstView } from './helpers';

const example = JSON.parse(readFileSync('scenes/drone-corridors.json', 'utf8')) as {
  corridors: { id: string }[];
};
/** Overlaps the parcel corridor at the same hours: the example document's designed conflict. */
const CONFLICTING = 'lab-ukm-franziskus';

test('a planner opens the drone panel, reads each corridor’s status and flies to a conflict', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await waitForFirstView(page);
  const home = new URL(page.url()).searchParams.get('camera');
  await page.getByRole('button', { name: 'Drohnen' }).click();

  // Every example corridor is listed with its status as sign and word.
  for (const { id } of example.corridors) {
    await expect(page.locator(`[data-corridor-id="${id}"] [data-status]`)).toBeVisible();
  }
  const conflict = page.locator(`[data-corridor-id="${CONFLICTING}"] [data-status]`);
  await expect(conflict).toHaveAttribute('data-status', 'conflict');
  await expect(conflict).toContainText('Konflikt');
  await expectNoSeriousA11yViolations(page, 'the drone panel');

  // Choosing it shows the corridors layer, puts it in the link and flies there.
  await page.locator(`[data-corridor-id="${CONFLICTING}"]`).getByRole('radio').check();
  await expect(page).toHaveURL(new RegExp(`corridor=${CONFLICTING}`));
  await expect(page).toHaveURL(/layers=[^&]*corridors/);
  // Each corridor's simulated drone is drawn as the quadcopter model (built in the browser), not as a point.
  await expect(page.locator('[data-drone-models]')).toHaveAttribute(
    'data-drone-models',
    String(example.corridors.length),
  );
  await expect.poll(() => new URL(page.url()).searchParams.get('camera'), { timeout: 30_000 }).not.toBe(home);
  const overCorridor = new URL(page.url()).searchParams.get('camera');

  // Its conflicts are listed with the rule they break.
  const findings = page.getByRole('list', { name: 'Befunde' });
  const overlap = findings.locator('[data-rule="corridor-overlap"]').first();
  await expect(overlap).toContainText('Konflikt');
  await expect(overlap).toContainText('Überschneidung mit einem anderen Korridor');

  // Enter on the finding flies there (the camera in the link changes) and marks it.
  await overlap.focus();
  await page.keyboard.press('Enter');
  await expect(overlap).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() => new URL(page.url()).searchParams.get('camera'), { timeout: 30_000 })
    .not.toBe(overCorridor);
  await expect(page).toHaveURL(new RegExp(`corridor=${CONFLICTING}`));
});
