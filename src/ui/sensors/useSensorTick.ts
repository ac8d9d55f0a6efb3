import { useEffect, useState } from 'react';
import { useSensorLive } from '../../store/StoreContext';

/**
 * Re-renders when live values change (at most every `throttleMs`), and every `clockMs` regardless, so a
 * silent sensor turns "stale" by the clock. For panels that show a few values, never for the map.
 */
export function useSensorTick(sensorId?: string, throttleMs = 250, clockMs = 5000): number {
  const live = useSensorLive();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const bump = () => {
      pending = undefined;
      setTick((value) => value + 1);
    };
    const unsubscribe = live.subscribe((change) => {
      if (change !== 'all' && sensorId !== undefined && !change.has(sensorId)) return;
      pending ??= setTimeout(bump, throttleMs);
    });
    const clock = setInterval(bump, clockMs);
    return () => {
      unsubscribe();
      clearTimeout(pending);
      clearInterval(clock);
    };
  }, [live, sensorId, throttleMs, clockMs]);
  return tick;
}
