import { describe, expect, it } from 'vitest';
import {
  isPresenterWindow,
  openPresenterChannel,
  presenterWindowUrl,
  type PresenterMessage,
} from './presenterChannel';

describe('the presenter view channel', () => {
  it('opens the same page with presenter=1, keeping the step in the link', () => {
    const url = presenterWindowUrl({ pathname: '/', search: '?story=york-three-variants&step=2&lang=de' });
    expect(url).toBe('/?story=york-three-variants&step=2&lang=de&presenter=1');
    expect(isPresenterWindow(url.slice(1))).toBe(true);
    expect(isPresenterWindow('?story=x')).toBe(false);
  });

  it('carries steps to the presenter view and its "next" back', async () => {
    const atPresenter: PresenterMessage[] = [];
    const atScreen: PresenterMessage[] = [];
    const presenter = openPresenterChannel((message) => atPresenter.push(message))!;
    const screen = openPresenterChannel((message) => atScreen.push(message))!;
    const step = {
      storyboardTitle: 'S',
      stepNumber: 2,
      stepCount: 3,
      title: 'T',
      text: 'x',
      notes: 'n',
      nextTitle: 'U',
    };
    screen.postMessage({ type: 'step', step });
    presenter.postMessage({ type: 'next' });
    await expect.poll(() => atPresenter.length + atScreen.length).toBe(2);
    expect(atPresenter).toEqual([{ type: 'step', step }]);
    expect(atScreen).toEqual([{ type: 'next' }]);
    presenter.close();
    screen.close();
  });
});
