import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers';

const MARKUP = '<img src=x onerror=alert(1)>';
const STORY = 'drone-hospital-transport';

test('a facilitator presents by keyboard; a participant joins by the link, follows, pins a comment and votes', async ({
  browser,
}) => {
  test.slow();
  const facilitatorContext = await browser.newContext();
  const participantContext = await browser.newContext();
  const facilitator = await facilitatorContext.newPage();
  const participant = await participantContext.newPage();
  const dialogs: string[] = [];
  for (const page of [facilitator, participant])
    page.on('dialog', (dialog) => dialogs.push(dialog.message()));

  // The facilitator opens a workshop on a three-step storyboard, keyboard only.
  // The workshop's own signals (step, connection) are what this test waits on; the tiles may still be loading.
  await facilitator.goto('/');
  await facilitator.getByRole('button', { name: 'Workshop', exact: true }).press('Enter');
  await expect(facilitator.getByRole('button', { name: /^Workshop mit „Drohnenkorridore/ })).toBeVisible();
  await expectNoSeriousA11yViolations(facilitator, 'the workshop panel');
  await facilitator.getByRole('button', { name: /^Workshop mit „Drohnenkorridore/ }).press('Enter');
  const card = (page: Page) => page.locator(`.story-card[data-story-id="${STORY}"]`);
  await expect(card(facilitator)).toHaveAttribute('data-story-step', '1');
  await expect(facilitator.locator('html')).toHaveAttribute('data-presenting', 'true');
  await expect(facilitator.locator('[data-workshop-connection="online"]')).toBeVisible();
  await expect(facilitator.getByRole('img', { name: /QR-Code zum Beitreten/ })).toBeVisible();
  const link = await facilitator.locator('[data-join-link]').getAttribute('data-join-link');
  expect(link).toMatch(/\/\?join=[A-Z2-9]{6}$/);

  // The participant joins by the link with a display name, no account.
  await participant.goto(link!);
  await participant.getByLabel('Ihr Name (wird den anderen gezeigt)').fill('Anna');
  await participant.getByRole('button', { name: 'Beitreten' }).click();
  await expect(participant.locator('[data-workshop-connection="online"]')).toBeVisible();
  await expect(card(participant)).toHaveAttribute('data-story-step', '1');
  await expect(facilitator.locator('[data-participant-count="1"]')).toBeVisible();

  // Page Down (a clicker) moves the room on; the participant follows and the step is in both links.
  await facilitator.keyboard.press('PageDown');
  await expect(card(facilitator)).toHaveAttribute('data-story-step', '2');
  await expect(card(participant)).toHaveAttribute('data-story-step', '2');
  await expect(participant.getByRole('heading', { name: 'UKM – Clemenshospital' })).toBeVisible();
  await expect(participant).toHaveURL(new RegExp(`story=${STORY}&step=2`));

  // A comment pinned on the model by a click, with markup that must stay text.
  await participant.getByRole('button', { name: 'Punkt im Modell anklicken' }).click();
  const canvas = participant.locator('.cesium-widget canvas');
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width / 2, y: box.height * 0.6 } });
  await expect(participant.locator('[data-draft-pinned="true"]')).toBeVisible();
  await participant.getByLabel('Ihr Kommentar').fill(MARKUP);
  await participant.getByRole('button', { name: 'Kommentar senden' }).click();
  await expect(participant.getByLabel('Ihr Kommentar')).toHaveValue('');
  const facilitatorComment = facilitator.locator('.workshop-panel .workshop-comment-text', {
    hasText: MARKUP,
  });
  await expect(facilitatorComment).toHaveText(MARKUP);
  expect(await facilitator.locator('img[src="x"]').count()).toBe(0);

  // Arrow right: the vote; the participant votes and the facilitator sees it arrive.
  await facilitator.keyboard.press('ArrowRight');
  await expect(card(participant)).toHaveAttribute('data-story-step', '3');
  await participant.getByRole('button', { name: 'Ja, mit Auflagen' }).click();
  await expect(participant.getByRole('button', { name: 'Ja, mit Auflagen' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(facilitator.locator('[data-vote-option="conditions"][data-vote-count="1"]')).toBeVisible();

  // The connection drops while the participant types: shown, the draft kept, resynced when back.
  await participantContext.setOffline(true);
  await expect(participant.locator('[data-workshop-connection="offline"]')).toBeVisible();
  await participant.getByLabel('Ihr Kommentar').fill('Entwurf im Funkloch');
  await facilitator.keyboard.press('ArrowLeft');
  await expect(card(facilitator)).toHaveAttribute('data-story-step', '2');
  await participantContext.setOffline(false);
  await expect(participant.locator('[data-workshop-connection="online"]')).toBeVisible();
  await expect(card(participant)).toHaveAttribute('data-story-step', '2');
  await expect(participant.getByLabel('Ihr Kommentar')).toHaveValue('Entwurf im Funkloch');

  // The facilitator hides the comment; the participant no longer sees it.
  await expect(
    participant.locator('.workshop-panel .workshop-comment-text', { hasText: MARKUP }),
  ).toBeVisible();
  await facilitator.getByRole('button', { name: 'Kommentar von Anna ausblenden' }).click();
  await expect(
    participant.locator('.workshop-panel .workshop-comment-text', { hasText: MARKUP }),
  ).toHaveCount(0);

  // The export holds the comment and the vote.
  const code = new URL(link!).searchParams.get('join')!;
  const key = await facilitator.evaluate(
    (c) => JSON.parse(localStorage.getItem(`twin.workshop.${c}`)!).secret as string,
    code,
  );
  const csv = await (
    await facilitator.request.get(`/api/workshops/${code}/export.csv`, {
      headers: { authorization: `Bearer ${key}` },
    })
  ).text();
  expect(csv).toContain(MARKUP);
  expect(csv).toMatch(/"vote","3","vote","[^"]+","Anna","","conditions"/);

  // The step's comments as text on the presented card (the text alternative of the pins).
  await facilitator.locator('.story-comments summary').press('Enter');
  await expect(card(facilitator).locator('.story-comments .workshop-comment-text')).toHaveText(MARKUP);

  // The presenter notes window turns the steps by keyboard too.
  const [notes] = await Promise.all([
    facilitator.waitForEvent('popup'),
    facilitator.getByRole('button', { name: 'Notizen in zweitem Fenster' }).press('Enter'),
  ]);
  await expect(notes.locator('[data-presenter-step="2"]')).toBeVisible();
  await notes.keyboard.press('ArrowRight');
  await expect(card(facilitator)).toHaveAttribute('data-story-step', '3');
  await expect(notes.locator('[data-presenter-step="3"]')).toBeVisible();
  await notes.keyboard.press('PageUp');
  await expect(card(facilitator)).toHaveAttribute('data-story-step', '2');

  // Accessibility of the presenter, participant and presenter notes screens.
  await expectNoSeriousA11yViolations(facilitator, 'presenter mode');
  await expectNoSeriousA11yViolations(participant, 'the participant view');
  await expectNoSeriousA11yViolations(notes, 'the presenter notes window');
  await notes.close();

  // Esc ends the presentation; nothing ran the markup.
  await facilitator.keyboard.press('Escape');
  await expect(facilitator.locator('html')).toHaveAttribute('data-presenting', 'false');
  expect(dialogs).toEqual([]);
  await facilitatorContext.close();
  await participantContext.close();
});
