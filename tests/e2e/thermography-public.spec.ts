import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { waitForFirstView } from './helpers';

interface OverlayCell {
  properties: { cell: string; buildings: number; classSharesPercent: number[] };
  geometry: { coordinates: [number, number][][] };
}

/** Every word-like token of a text (ids such as `GEN_015313` come out whole). */
function tokensOf(text: string): Set<string> {
  return new Set(text.match(/[\w.-]+/g) ?? []);
}

test('the public heat-loss map: switched on, explained, a picked cell shows its aggregate, no building leaks', async ({
  page,
}) => {
  test.slow();
  const overlay = (await (await page.request.get('/api/thermography/overlay')).json()) as {
    features: OverlayCell[];
  };
  // The cell with the most buildings: the middle of the view lands well inside it.
  const cell = overlay.features.reduce((best, candidate) =>
    candidate.properties.buildings > best.properties.buildings ? candidate : best,
  );
  const corners = cell.geometry.coordinates[0]!.slice(0, -1);
  const longitude = corners.reduce((sum, corner) => sum + corner[0], 0) / corners.length;
  const latitude = corners.reduce((sum, corner) => sum + corner[1], 0) / corners.length;

  // Every answer the page gets about thermography, to prove afterwards that none names a building.
  const thermographyBodies: string[] = [];
  await page.route(/thermography/, async (route) => {
    const response = await route.fetch();
    thermographyBodies.push(await response.text());
    await route.fulfill({ response });
  });

  // Looking straight down at the cell; the layer is off as in any link that does not name it.
  await page.goto(`/?camera=${longitude.toFixed(6)},${latitude.toFixed(6)},600,0,-90&layers=&lang=de`);
  await waitForFirstView(page);
  await page.getByRole('button', { name: 'Thermografie' }).click();
  const panel = page.locator('#panel-thermography');
  const status = panel.locator('[data-heat-loss-overlay]');
  await expect(status).toHaveAttribute('data-heat-loss-overlay', 'off');

  await panel.getByRole('checkbox', { name: 'Wärmeverlust Dächer (Thermografie 2021)' }).check();
  await expect(status).toHaveAttribute('data-heat-loss-overlay', 'drawn');
  await expect(status).toHaveAttribute('data-heat-loss-cells', String(overlay.features.length));
  await expect(page).toHaveURL(/layers=heat-loss/);

  // Legend and explanation.
  const legend = panel.getByRole('region', { name: 'Legende' });
  await expect(legend.getByRole('listitem')).toHaveText([
    '1 – sehr gering',
    '2 – gering',
    '3 – mittel',
    '4 – hoch',
    '5 – sehr hoch',
  ]);
  await expect(legend).toContainText('Nur Zellen mit mindestens 5 eingestuften Gebäuden');
  const explanation = panel.getByRole('region', { name: 'Was Thermografie zeigen kann – und was nicht' });
  await expect(explanation).toContainText('kalten, klaren Winternacht');
  await expect(explanation).toContainText('Glas');
  await expect(explanation).toContainText('ungeheizten Dachboden');
  await expect(explanation).toContainText('Zugangscode');
  await expect(panel).toContainText('Befliegung: 20. Januar 2021');

  const { violations } = await new AxeBuilder({ page }).include('#panel-thermography').analyze();
  expect(
    violations
      .filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
  ).toEqual([]);

  // A click in the middle of the view picks the cell below it.
  await page.keyboard.press('Escape');
  const canvas = page.locator('.twin-viewer canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const info = page.locator(`[data-heat-loss-cell="${cell.properties.cell}"]`);
  await expect(info).toBeVisible();
  await expect(info.getByRole('heading')).toHaveText('Wärmeverlust in dieser Zelle');
  await expect(info).toContainText(`${cell.properties.buildings} eingestufte Gebäude`);
  await expect(info.getByRole('row').filter({ hasText: 'sehr hoch' })).toContainText(
    `${cell.properties.classSharesPercent[4]} %`,
  );

  // Nothing the page received about thermography names a building of the city.
  const searchIndex = (await (await page.request.get('/tiles/default/search-index.json')).json()) as {
    entries: [string, ...unknown[]][];
  };
  const buildingIds = searchIndex.entries.map((entry) => entry[0]);
  expect(buildingIds.length).toBeGreaterThan(100);
  expect(thermographyBodies.length).toBeGreaterThan(0);
  for (const body of thermographyBodies) {
    const tokens = tokensOf(body);
    expect(buildingIds.filter((id) => tokens.has(id))).toEqual([]);
  }
  for (const feature of overlay.features) {
    expect(Object.keys(feature.properties).sort()).toEqual([
      'buildings',
      'cell',
      'classSharesPercent',
      'dominantClass',
    ]);
  }
});
