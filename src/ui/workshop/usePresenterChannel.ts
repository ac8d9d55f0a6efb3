import { useEffect, useRef } from 'react';
import { openPresenterChannel, type PresentedStep } from './presenterChannel';

/**
 * In the presenting window: tells the presenter view (second window) each step shown and carries out its
 * "next" and "previous".
 */
export function usePresenterChannel(
  step: PresentedStep | undefined,
  handlers: { next(): void; previous(): void },
): void {
  const latest = useRef({ step, handlers });
  latest.current = { step, handlers };
  const channel = useRef<BroadcastChannel | undefined>(undefined);
  useEffect(() => {
    const opened = openPresenterChannel((message) => {
      if (message.type === 'hello') opened?.postMessage({ type: 'step', step: latest.current.step });
      else if (message.type === 'next') latest.current.handlers.next();
      else if (message.type === 'previous') latest.current.handlers.previous();
    });
    channel.current = opened;
    return () => opened?.close();
  }, []);
  useEffect(() => {
    channel.current?.postMessage({ type: 'step', step });
  }, [step]);
}
