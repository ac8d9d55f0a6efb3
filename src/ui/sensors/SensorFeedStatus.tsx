import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';

/** How long "connected again" stays in the status bar after the hub came back. */
const RECOVERED_MESSAGE_MS = 6000;

/**
 * The sensor feed's health in the status bar, whichever panel is open: a warning while the link to the hub (or an
 * upstream source of it) is down, a short "connected again" once it recovers. The region is always in the page,
 * so screen readers announce each change (a live region added together with its text is often not read out).
 */
export function SensorFeedStatus() {
  const { t } = useTranslation();
  const store = useTwinStoreApi();
  const feedState = useTwinStore((state) => state.sensorFeed.state);
  const [recovered, setRecovered] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      const now = state.sensorFeed.state;
      if (now === previous.sensorFeed.state) return;
      clearTimeout(timer);
      const back = previous.sensorFeed.state === 'reconnecting' && now === 'live';
      setRecovered(back);
      if (back) timer = setTimeout(() => setRecovered(false), RECOVERED_MESSAGE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);
  const reconnecting = feedState === 'reconnecting';
  return (
    <div
      className={`sensor-feed-status${reconnecting ? ' feed-alert' : ''}`}
      role="status"
      aria-live="polite"
      data-feed-state={feedState}
    >
      {reconnecting ? t('sensors.feed.reconnecting') : recovered ? t('sensors.feed.recovered') : ''}
    </div>
  );
}
