/**
 * The presenter view (a second window of the same app, `?presenter=1`) and the presenting window talk over a
 * BroadcastChannel of the same origin: the presenting window announces each step with its notes, the presenter view
 * sends "next" and "previous" back. Nothing leaves the browser.
 */
export const PRESENTER_CHANNEL_NAME = 'twin-storyboard-presenter';

/** What the presenter view shows of the current step (already in the UI language). */
export interface PresentedStep {
  storyboardTitle: string;
  stepNumber: number;
  stepCount: number;
  title: string;
  text: string;
  notes: string | undefined;
  nextTitle: string | undefined;
}

export type PresenterMessage =
  | { type: 'step'; step: PresentedStep | undefined }
  | { type: 'hello' }
  | { type: 'next' }
  | { type: 'previous' };

export function isPresenterWindow(search: string): boolean {
  return new URLSearchParams(search).get('presenter') === '1';
}

/** The address of the presenter view: this page with `presenter=1`. */
export function presenterWindowUrl(location: Pick<Location, 'pathname' | 'search'>): string {
  const parameters = new URLSearchParams(location.search);
  parameters.set('presenter', '1');
  return `${location.pathname}?${parameters.toString()}`;
}

/** Opens the channel when the browser has one (all current ones do); undefined otherwise. */
export function openPresenterChannel(
  onMessage: (message: PresenterMessage) => void,
): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(PRESENTER_CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<PresenterMessage>) => onMessage(event.data);
  return channel;
}
