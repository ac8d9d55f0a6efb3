import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';

const york = JSON.parse(readFileSync('scenes/york.json', 'utf8')) as {
  variants: { title: { de: string } }[];
};

/** A figure such as "1.234" (German digit grouping) as a number. */
async function numberIn(locator: Locator): Promise<number> {
  return Number((await locator.textContent())!.replace(/\./g, '').replace(',', '.'));
}

test('a workshop raises a massing, undoes, saves the variant as "Workshop 1" and finds it after a reload', async ({
  page,
}) => {
  test.slow();
  // Editing and the figures need the scene documents, not the 3D tiles: the test waits for the panel's own
  // signals (the figures, the radios), which keeps it light for software WebGL on a busy machine.
  await page.goto('/');
  await page.getByRole('button', { name: 'Planung' }).click();
  await page.getByRole('radio', { name: 'York-Quartier (Gremmendorf)' }).check();
  const homes = page.getByTestId('figure-homes');
  await expect(homes).not.toHaveText('');
  const before = await numberIn(homes);

  await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
  // York's first massing has homes in it; chosen from the list, as a keyboard user would.
  await page.getByLabel('Baukörper', { exact: true }).selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Ein Geschoss mehr' }).click();
  await expect.poll(() => numberIn(homes)).toBeGreaterThan(before);
  const raised = await numberIn(homes);

  // Switching the variant now would drop the edit: a dialog asks first, and Cancel keeps editing as it was.
  await page.getByRole('radio', { name: york.variants[1]!.title.de, exact: true }).click();
  const question = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen verwerfen?' });
  await question.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByRole('radio', { name: york.variants[0]!.title.de, exact: true })).toBeChecked();
  expect(await numberIn(homes)).toBe(raised);

  await page.getByRole('button', { name: 'Rückgängig' }).click();
  await expect.poll(() => numberIn(homes)).toBe(before);
  await page.getByRole('button', { name: 'Wiederholen' }).click();
  await expect.poll(() => numberIn(homes)).toBe(raised);

  await page.getByLabel('Name der neuen Variante').fill('Workshop 1');
  await page.getByRole('button', { name: 'Als neue Variante speichern' }).click();
  const saved = page.getByRole('radio', { name: 'Workshop 1 (gespeichert)' });
  await expect(saved).toBeChecked();
  await expect(page).toHaveURL(/variant=workshop-1/);

  // Saved on the server: after a reload the variant is in the list again and shows the edited figure (the panel
  // needs the documents, not the tiles, so the test does not wait for the 3D view a second time).
  await page.reload();
  await page.getByRole('button', { name: 'Planung' }).click();
  await expect(page.getByRole('radio', { name: 'Workshop 1 (gespeichert)' })).toBeChecked();
  await expect.poll(() => numberIn(page.getByTestId('figure-homes'))).toBe(raised);
});
